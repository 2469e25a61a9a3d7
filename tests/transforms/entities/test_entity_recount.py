"""Mentions spaCy does not tag are counted once the article's entities are known
(transforms.entities.recount; issue 20, kind 4). The people are fictional."""

from __future__ import annotations

from tests.transforms.newsroom import entity, run


def test_an_all_capitals_headline_counts_its_names(nlp) -> None:
    ents, _ = run(nlp, 'Governor Nadia Kowalczyk said on Tuesday that the state would sue.\n\n'
                       '"We will see them in court," Kowalczyk said.',
                  headline="GOVERNOR KOWALCZYK TAKES STATE TO COURT")
    person = entity(ents, "Nadia Kowalczyk")
    assert len(person.mentions) == 3
    assert any(m.field == "headline" and m.text == "KOWALCZYK" for m in person.mentions)
    assert not [e for e in ents if e.name.isupper() and e.label != "ORG"]


def test_an_honorific_and_surname_after_the_full_name_counts(nlp) -> None:
    ents, _ = run(nlp, 'Transport Secretary Imogen Fairley met the union on Monday.\n\n'
                       'Ms Fairley said the offer was final.\n\nUnion leaders said Mrs Fairley had not listened.')
    assert len(entity(ents, "Imogen Fairley").mentions) == 3


def test_a_surname_at_a_sentence_start_counts(nlp) -> None:
    ents, _ = run(nlp, 'The chief executive, Dr Rupert Ashdown, said the firm had done nothing wrong.\n\n'
                       'Ashdown later said he would co-operate. Ashdown resigned in May.')
    assert len(entity(ents, "Rupert Ashdown").mentions) == 3


def test_transcript_surname_lines_count(nlp) -> None:
    ents, _ = run(nlp, 'Reporter Sam Okoye spoke to coach Helen Marsh after the match.\n\n'
                       'OKOYE: How do you feel?\n\nMARSH: Tired, but proud.')
    assert len(entity(ents, "Helen Marsh").mentions) == 2
    assert len(entity(ents, "Sam Okoye").mentions) == 2


def test_a_surname_inside_a_longer_name_does_not_count(nlp) -> None:
    ents, _ = run(nlp, 'Councillor Edith Penrose opened the new library on Penrose Street on Friday.')
    assert len(entity(ents, "Edith Penrose").mentions) == 1


def test_a_surname_counts_whatever_its_apostrophes_and_full_stops(nlp) -> None:
    # lines are screened for the spellings' words folded as spelling_key folds them: a curly
    # apostrophe or a shouted line must not hide a surname from the screen
    ents, _ = run(nlp, "Councillor Brendan O'Hare opened the session on Monday.\n\n"
                       "Later O’Hare said the budget would pass. Residents were not convinced.",
                  headline="O’HARE FACES BUDGET REVOLT")
    mentions = entity(ents, "Brendan O'Hare").mentions
    assert {m.text for m in mentions} >= {"Brendan O'Hare", "O’Hare"}
    assert any(m.field == "headline" for m in mentions)


def test_a_surname_with_or_without_the_arabic_article_counts(nlp) -> None:
    # `Al-Rashid` as written and `Rashid` alone are both the man named `Hamid al-Rashid`
    ents, _ = run(nlp, 'The cleric Hamid al-Rashid spoke in Amman on Friday.\n\n'
                       'Footage of Al-Rashid again appears. "We will not leave," he says.\n\n'
                       'RASHID: We will stay.\n\nOKAFOR: Why?')
    person = entity(ents, "Hamid al-Rashid")
    assert {m.text for m in person.mentions} >= {"Hamid al-Rashid", "Al-Rashid", "RASHID"}
