"""Labels from the article's evidence, spurious mentions and titles (transforms.entities.evidence;
issue 20, kinds 2 and 3). Each test runs an article of its own through the real pipeline, so that it
holds whatever label the small model happens to give; the people and places are fictional."""

from __future__ import annotations

from tests.transforms.newsroom import entity, quote, run
from transforms.entities.evidence import correct_labels, org_shaped
from transforms.entities.model import paragraph_breaks, raw_mention

# -- kind 2: wrong labels corrected from the article's evidence ------------------------------------


def test_organisation_suffixes_make_an_organisation() -> None:
    assert org_shaped("Harbour City FC") and org_shaped("Skyward Air") and org_shaped("The Daily Herald")
    assert not org_shaped("FC") and not org_shaped("Maja Sundin")


def test_clubs_airlines_and_newspapers_are_organisations(nlp) -> None:
    ents, _ = run(nlp, 'Fans flew in with Bluewing Airways, and the Morning Chronicle called it a classic. '
                       'Kingsmere United will appeal.\n\nKingsmere United said the referee erred.')
    for name in ("Kingsmere United", "Bluewing Airways", "Morning Chronicle"):
        assert entity(ents, name).label == "ORG", name


def test_label_rules_on_the_mentions_spacy_gave() -> None:
    body = 'Dorothy Blaine, who runs the port, spoke. Blaine left. Sgt Lily Hart stayed. Skyward Air apologised.'
    raws = [raw_mention("body", body.index(w), body.index(w) + len(w), w, label, paragraph_breaks(body))
            for w, label in (("Dorothy Blaine", "ORG"), ("Blaine", "PERSON"), ("Sgt Lily Hart", "ORG"),
                             ("Skyward Air", "FAC"))]
    correct_labels(raws, {"body": body})
    assert [(r.text, r.label) for r in raws] == [
        ("Dorothy Blaine", "PERSON"), ("Blaine", "PERSON"), ("Lily Hart", "PERSON"), ("Skyward Air", "ORG")]
    assert body[raws[2].start : raws[2].end] == "Lily Hart"


def test_a_person_with_a_role_before_the_name_is_a_person(nlp) -> None:
    ents, quotes = run(nlp, '"We cannot accept this budget," added Liberal Party chair Maja Lindfors, '
                            'with visible irritation.\n\nThe vote is on Friday.')
    assert entity(ents, "Maja Lindfors").label == "PERSON"
    q = quote(quotes, "We cannot accept")
    assert q.speaker == "Maja Lindfors" and q.speaker_entity_id == entity(ents, "Maja Lindfors").entity_id


def test_a_short_form_joins_the_full_name_whatever_label_either_got(nlp) -> None:
    ents, _ = run(nlp, '"Every crate was mislabelled," Dorothy Blaine, told the inspectors at the port.\n\n'
                       'Blaine said the crates came by sea. Ms Blaine left at noon.')
    blaine = entity(ents, "Dorothy Blaine")
    assert blaine.label == "PERSON" and len(blaine.mentions) == 3
    assert not [e for e in ents if e.name in ("Blaine", "Ms Blaine")]


def test_a_city_before_mayor_is_a_place(nlp) -> None:
    ents, _ = run(nlp, "Bergen Mayor Erik Dahl said Bergen's mayor would not resign over the tunnel.",
                  headline="Bergen mayor vows to finish tunnel")
    assert entity(ents, "Bergen").label == "GPE"


def test_an_organisations_short_form_joins_it(nlp) -> None:
    ents, _ = run(nlp, 'Harbour Town FC have signed a new goalkeeper. The club said the fee was undisclosed.',
                  headline="New goalkeeper for Harbour Town")
    club = entity(ents, "Harbour Town FC")
    assert club.label == "ORG" and len(club.mentions) == 2
    assert not [e for e in ents if e.name == "Harbour Town"]


# -- kind 3: spurious entities and titles ------------------------------------------------------------


def test_capitalised_common_nouns_at_a_sentence_start_are_no_entities(nlp) -> None:
    ents, _ = run(nlp, 'Shoppers in Leeds queued for hours on Saturday.\n\nPensioners said the buses never came.\n\n'
                       "Teachers' unions said the strike would go ahead.")
    names = {e.name for e in ents}
    assert not names & {"Shoppers", "Pensioners", "Teachers"}
    assert "Leeds" in names


def test_a_portfolio_word_before_a_title_is_no_entity(nlp) -> None:
    ents, _ = run(nlp, '"No deal," grumbled Health Minister Petra Aalto. Defence Secretary Ian Moss agreed with '
                       'Education Minister Sara Kim.')
    names = {e.name for e in ents}
    assert not names & {"Health", "Defence", "Education"}
    assert {"Petra Aalto", "Ian Moss", "Sara Kim"} <= names


def test_titles_are_stripped_from_names(nlp) -> None:
    ents, _ = run(nlp, 'Councillor Samira Patel opened the meeting. Coach Dean Rourke and Sgt Lily Hart attended, '
                       'as did Mr Justice Owen Barber. Last week, Labour councillor Ruth Mabry raised the issue.')
    names = {e.name for e in ents if e.label == "PERSON"}
    assert {"Samira Patel", "Dean Rourke", "Lily Hart", "Owen Barber", "Ruth Mabry"} <= names
    assert not [n for n in names if n.split()[0] in ("Councillor", "Coach", "Sgt", "Mr", "Justice", "Labour")]
    assert entity(ents, "Labour").label == "ORG"


def test_a_place_and_title_inside_a_person_mention_are_cut() -> None:
    body = "Leeds Mayor Greg Stanton and House Speaker Alma Ruiz met Lady Gaga."
    raws = [raw_mention("body", body.index(w), body.index(w) + len(w), w, "PERSON", paragraph_breaks(body))
            for w in ("Leeds Mayor Greg Stanton", "House Speaker Alma Ruiz", "Lady Gaga")]
    correct_labels(raws, {"body": body})
    assert [r.text for r in raws] == ["Greg Stanton", "Alma Ruiz", "Lady Gaga"]
    assert all(body[r.start : r.end] == r.text for r in raws)


def test_a_newspaper_labelled_person_is_an_organisation() -> None:
    body = "Walsh told the Sentinel. The Clarion reported it first. The Kerr administration said nothing."
    raws = [raw_mention("body", body.index(w), body.index(w) + len(w), w, "PERSON", paragraph_breaks(body))
            for w in ("Walsh", "Sentinel", "Clarion", "Kerr")]
    correct_labels(raws, {"body": body})
    assert [r.label for r in raws] == ["PERSON", "ORG", "ORG", "PERSON"]
