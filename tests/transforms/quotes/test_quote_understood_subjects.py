"""Understood subjects (transforms.quotes.understood_subjects): who acts in a participle, an infinitive
or a gerund that has no subject of its own, as speakers.subject_of finds it."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from transforms.quotes.speakers import subject_of
from transforms.quotes.understood_subjects import CAUSATIVE_VERBS, issuing_verb, lost_subject


def _subject(nlp: Language, sentence: str, verb: str) -> str | None:
    doc = nlp(sentence)
    found = subject_of(next(t for t in doc if t.text == verb), lambda _: False)
    return None if found is None else found.text


@pytest.mark.parametrize(
    ("sentence", "verb", "subject"),
    [
        # a participle modifying a noun is the noun's act
        ("Donors gave money to a group backing Owen Tabb.", "backing", "group"),
        ("Recent polls showing a tie worried the council.", "showing", "polls"),
        ("Owen Tabb issued a statement saying the port would close.", "saying", "statement"),
        ("The council sent an email to residents saying the port would close.", "saying", "email"),
        # ... but not an adverbial the parse hung on a noun, nor an object that is no document
        ("The chair called a vote, declaring the motion carried.", "declaring", "chair"),
        ("The leaders took turns rebutting the plan.", "rebutting", "leaders"),
        # a verb of causing: its object acts
        ("The defeat led Republicans to say the plan had failed.", "say", "Republicans"),
        ("The vote forced Owen Tabb to admit that the plan had failed.", "admit", "Tabb"),
        # a verb of asking: what it asks for is its subject's demand
        ("Owen Tabb urged voters to reject the plan.", "reject", "Tabb"),
        # an infinitive or a gerund of an adjective or a noun
        ("Owen Tabb was quick to point out that the road was closed.", "point", "Tabb"),
        ("The council took the step of criticizing the mayor.", "criticizing", "council"),
        ("Mara Lindqvist has a long history of blaming others for her defeats.", "blaming", "Lindqvist"),
        ("Tabb's refusal to answer the question angered voters.", "answer", "Tabb"),
        ("The council chose a senator willing to address the crowd.", "address", "senator"),
        ("Efforts to reach the mayor failed.", "reach", None),  # a noun that is a subject: nobody
        # a gerund of a preposition that hangs on an adverb: the adverb's verb's subject
        ("Owen Tabb stopped short of calling the plan a failure.", "calling", "Tabb"),
        ("The mayor praised the council but stopped short of endorsing the plan.", "endorsing", "mayor"),
        # a participle after reported content continues the outer attribution
        ("Owen Tabb denied the notion that a shakeup was coming, explaining that he had been away.",
         "explaining", "Tabb"),
        # ... also after `while`, `before`, `after`, comma or not, read as a subordinator or a preposition
        ("Owen Tabb insisted it was premature to back the plan while adding that the port needs money.",
         "adding", "Tabb"),
        ("Mara Lindqvist said the council was too slow before adding that the floods began in March.",
         "adding", "Lindqvist"),
    ],
)
def test_understood_subject(nlp: Language, sentence: str, verb: str, subject: str | None) -> None:
    assert _subject(nlp, sentence, verb) == subject


def test_a_reporting_verb_conjoined_by_but_to_the_content_continues_the_outer_attribution(nlp: Language) -> None:
    doc = nlp("Owen Tabb said the council had begun making calls to members - there are two from each ward - "
              "but said the outcome was still open.")
    second = [t for t in doc if t.text == "said"][1]
    assert second.dep_ == "conj" and second.head.text == "are"  # the parse hangs it on the content
    assert subject_of(second, lambda _: False).text == "Tabb"


def test_issuing_verb_of_an_authored_noun(nlp: Language) -> None:
    doc = nlp("Owen Tabb issued a statement on Monday.")
    assert issuing_verb(next(t for t in doc if t.text == "statement")).text == "issued"
    doc = nlp("Owen Tabb said in a statement that the port would close.")
    assert issuing_verb(next(t for t in doc if t.text == "statement")).text == "said"
    doc = nlp("Owen Tabb withdrew the statement on Monday.")  # withdrawing issues nothing
    assert issuing_verb(next(t for t in doc if t.text == "statement")) is None


def test_causative_verbs_are_a_word_list_without_verbs_of_asking() -> None:
    assert {"lead", "force", "prompt"} <= CAUSATIVE_VERBS
    assert not {"urge", "ask", "require", "promise"} & CAUSATIVE_VERBS


@pytest.mark.parametrize(
    ("sentence", "verb", "subject"),
    [
        # the parse hung the name on the fronted phrase: the name right before the verb
        ("At Harbour Point, Jay Holt, the club's president and general manager, suggested that "
         "the troubles could be blamed on management.", "suggested", "Holt"),
        ("Thursday at the conference in Harbour City, Sen. Owen Tabb (D-Ore.) called out his rival.", "called", "Tabb"),
        ("At a campaign event in Harbour City, 62-year-old Mara Lindqvist also railed against the levy.",
         "railed", "Lindqvist"),
        # ... past a description with a place in it, and preferring the person to the group named there
        ("In a call with reporters on Dec. 2, Col. Owen H. Tabb, a military spokesman in Baghdad, said, "
         "''I mean, a raid is a combat operation.''", "said", "Tabb"),
    ],
)
def test_a_lost_subject_is_the_name_before_the_verb(nlp: Language, sentence: str, verb: str, subject: str) -> None:
    assert _subject(nlp, sentence, verb) == subject


def test_a_verb_without_a_name_before_it_keeps_no_subject(nlp: Language) -> None:
    doc = nlp("In Harbour City on Monday, said to be the wettest day of the year.")
    said = next(t for t in doc if t.text == "said")
    assert lost_subject(said, lambda _: False) is None


def test_a_quoted_word_the_parse_made_the_subject_leaves_the_name_before_the_verb(nlp: Language) -> None:
    """`''..., Mr. President,'' Representative Owen Tabb, Democrat of Tennessee, told him`, as the parser
    sometimes reads it: the quoted `President` the verb's subject, the name its apposition (built by hand
    so that the rule, not the parser of the day, is pinned)."""
    words = ["''", "Hi", ",", "Mr.", "President", ",", "''", "Representative", "Owen", "Tabb", ",", "Democrat",
             "of", "Tennessee", ",", "told", "him", "."]
    heads = [4, 4, 4, 4, 15, 4, 4, 9, 9, 4, 9, 9, 11, 12, 9, 15, 15, 15]
    deps = ["punct", "intj", "punct", "compound", "nsubj", "punct", "punct", "compound", "compound", "appos",
            "punct", "appos", "prep", "pobj", "punct", "ROOT", "dobj", "punct"]
    pos = ["PUNCT", "INTJ", "PUNCT", "PROPN", "PROPN", "PUNCT", "PUNCT", "PROPN", "PROPN", "PROPN", "PUNCT",
           "PROPN", "ADP", "PROPN", "PUNCT", "VERB", "PRON", "PUNCT"]
    tags = ["``", "UH", ",", "NNP", "NNP", ",", "''", "NNP", "NNP", "NNP", ",", "NNP", "IN", "NNP", ",", "VBD",
            "PRP", "."]
    ents = ["O", "O", "O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-NORP", "O", "B-GPE", "O", "O",
            "O", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents)
    told = doc[15]
    found = lost_subject(told, lambda t: t.i <= 6)  # the quote's words are excluded
    assert found is not None and found.text == "Tabb"  # the person, not the group of the description
