"""Quotes end to end (transforms.quotes.extract_quotes): every quotation-mark span of the annotated
fields becomes a Quote with its speaker; the scanner alone is tested in test_quote_spans.py and each
rule family in the test module named after it.

The sentences are written for these tests (fictional people); the seed article (seeds/) is the one
real text. Entities are built by hand so that these tests pin the quote logic, not the NER."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tests.conftest import SEED
from tests.transforms.quotes.mentions import entities
from transforms.article import parse_article
from transforms.clean import clean_text, decode_bytes
from transforms.entities import Entity, extract_entities
from transforms.nlp import annotate
from transforms.quotes import Quote, extract_quotes

# -- the public API ------------------------------------------------------------------------------


def test_public_names_import_from_the_package() -> None:
    import transforms.quotes as quotes

    for name in ("Quote", "extract_quotes", "find_quote_spans", "scan_quotes", "RawSpan"):
        assert callable(getattr(quotes, name))
    assert {"say", "tell", "tweet"} <= quotes.REPORTING_VERBS
    assert frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"}) == quotes.SPEAKER_LABELS


# -- attribution -----------------------------------------------------------------------------------

Fields = Callable[..., dict[str, Doc]]


@pytest.fixture(scope="module")
def fields(nlp: Language) -> Fields:
    def run(body: str, headline: str | None = None, standfirst: str | None = None) -> dict[str, Doc]:
        texts = {"headline": headline, "standfirst": standfirst, "body": body}
        return {f: nlp(t) for f, t in texts.items() if t}

    return run




def quotations(quotes: list[Quote]) -> list[Quote]:
    """The quotation-mark rows; reported speech (indirect) has its own tests in test_quote_reported.py."""
    return [q for q in quotes if q.quote_type != "indirect"]


def only(quotes: list[Quote], starts: str) -> Quote:
    matches = [q for q in quotes if q.text.startswith(starts)]
    assert len(matches) == 1, (starts, quotes)
    return matches[0]


def check_invariants(docs: dict[str, Doc], quotes: list[Quote]) -> None:
    for q in quotes:
        text = docs[q.field].text
        assert text[q.char_start : q.char_end] == q.text
        assert q.paragraph_index == text[: q.char_start].count("\n\n")
        assert q.quote_type in ("direct", "partial", "indirect")


MARA = ("Mara Lindqvist", "PERSON", ["Mara Lindqvist", "Lindqvist"])
OWEN = ("Owen Tabb", "PERSON", ["Owen Tabb", "Tabb"])


def test_quote_then_name_said(fields: Fields) -> None:
    docs = fields('"The bridge will open in May," Mara Lindqvist said on Monday.')
    q = only(extract_quotes(docs, entities(docs, MARA)), "The bridge")
    assert (q.speaker, q.speaker_mention, q.cue, q.quote_type) == (
        "Mara Lindqvist",
        "Mara Lindqvist",
        "say",
        "direct",
    )
    assert q.speaker_entity_id == Entity("Mara Lindqvist", "PERSON").entity_id


def test_said_then_name(fields: Fields) -> None:
    docs = fields('"We have no money left for roads," said Owen Tabb, the county treasurer.')
    q = only(extract_quotes(docs, entities(docs, OWEN)), "We have")
    assert (q.speaker, q.cue) == ("Owen Tabb", "say")
    assert "Tabb" in q.speaker_mention.split()


def test_name_said_colon(fields: Fields) -> None:
    docs = fields('Owen Tabb said: "The county cannot pay for this."')
    q = only(extract_quotes(docs, entities(docs, OWEN)), "The county")
    assert (q.speaker, q.cue, q.quote_type) == ("Owen Tabb", "say", "direct")


def test_told_reporters_and_short_name_resolves_to_canonical(fields: Fields) -> None:
    docs = fields(
        'Mara Lindqvist chaired the meeting.\n\n"Nobody will lose their job," Lindqvist told reporters after the vote.'
    )
    q = only(extract_quotes(docs, entities(docs, MARA)), "Nobody")
    assert (q.speaker, q.speaker_mention, q.cue, q.paragraph_index) == (
        "Mara Lindqvist",
        "Lindqvist",
        "tell",
        1,
    )


def test_according_to(fields: Fields) -> None:
    docs = fields('The plan was "dead on arrival," according to Owen Tabb.')
    q = only(extract_quotes(docs, entities(docs, OWEN)), "dead on arrival")
    assert (q.speaker, q.cue, q.quote_type) == ("Owen Tabb", "according to", "partial")


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ('"The river is rising," Mara Lindqvist warned.', "warn"),
        ('"And the schools will close too," Mara Lindqvist added.', "add"),
        ('Mara Lindqvist wrote that the council "has lost its way".', "write"),
        ('Mara Lindqvist tweeted that the result was "a triumph for the valley".', "tweet"),
        ('Mara Lindqvist insisted the figures were "entirely accurate".', "insist"),
        ('Mara Lindqvist argued that the tax "punishes farmers".', "argue"),
        ('Mara Lindqvist described the report as "deeply flawed".', "describe"),
        ('Mara Lindqvist called the decision "a betrayal".', "call"),
    ],
)
def test_reporting_verbs(fields: Fields, sentence: str, cue: str) -> None:
    docs = fields(sentence)
    [q] = quotations(extract_quotes(docs, entities(docs, MARA)))
    assert (q.speaker, q.cue) == ("Mara Lindqvist", cue)


def test_partial_quote_takes_subject_of_reporting_clause(fields: Fields) -> None:
    docs = fields('Lindqvist says the audit means Tabb "may never have paid a cent" in rent.')
    q = only(extract_quotes(docs, entities(docs, MARA, OWEN)), "may never")
    assert (q.speaker, q.cue, q.quote_type) == ("Mara Lindqvist", "say", "partial")


def test_pronoun_resolves_to_most_recent_person(fields: Fields) -> None:
    docs = fields(
        'Owen Tabb met the union leaders on Friday.\n\n"We found a compromise that everyone can live with," he said.'
    )
    q = only(extract_quotes(docs, entities(docs, OWEN)), "We found")
    assert (q.speaker, q.speaker_mention, q.cue, q.quote_type) == ("Owen Tabb", "he", "say", "direct")


def test_pronoun_prefers_the_subject_over_the_object(fields: Fields) -> None:
    docs = fields('Mara Lindqvist criticised Owen Tabb on Tuesday.\n\n"This budget is a fantasy," she said.')
    q = only(extract_quotes(docs, entities(docs, MARA, OWEN)), "This budget")
    assert (q.speaker, q.speaker_mention) == ("Mara Lindqvist", "she")


def test_unattributed_quote_takes_adjacent_quotes_speaker(fields: Fields) -> None:
    docs = fields('"The road is closed," Tabb said. "It will stay closed until spring."')
    quotes = extract_quotes(docs, entities(docs, OWEN))
    assert [q.speaker for q in quotes] == ["Owen Tabb", "Owen Tabb"]
    assert only(quotes, "It will").speaker_mention == "Tabb"


def test_quote_split_by_attribution(fields: Fields) -> None:
    docs = fields('"The road is closed," Tabb said, "and it will stay closed until spring."')
    quotes = extract_quotes(docs, entities(docs, OWEN))
    assert [q.speaker for q in quotes] == ["Owen Tabb", "Owen Tabb"]


def test_paragraph_of_quotation_continues_previous_speaker(fields: Fields) -> None:
    docs = fields(
        '"The harvest was the worst in forty years," Mara Lindqvist said.\n\n"Half the orchards lost everything."'
    )
    quotes = extract_quotes(docs, entities(docs, MARA))
    assert [(q.paragraph_index, q.speaker) for q in quotes] == [(0, "Mara Lindqvist"), (1, "Mara Lindqvist")]


def test_multi_paragraph_quote_pieces_share_the_speaker(fields: Fields) -> None:
    docs = fields(
        "Owen Tabb opened the hearing.\n\n"
        'Tabb said: "The council has three problems. The first is money.\n\n'
        '"The second is time. The third is trust."'
    )
    quotes = extract_quotes(docs, entities(docs, OWEN))
    check_invariants(docs, quotes)
    assert [(q.paragraph_index, q.speaker) for q in quotes] == [(1, "Owen Tabb"), (2, "Owen Tabb")]


def test_organisations_and_places_speak(fields: Fields) -> None:
    docs = fields(
        'The Harbour Authority warned that shipping would "grind to a halt".\n\n'
        'Valdoria has said the tariffs are "an act of economic war".'
    )
    ents = entities(docs, ("Harbour Authority", "ORG", ["Harbour Authority"]), ("Valdoria", "GPE", ["Valdoria"]))
    quotes = extract_quotes(docs, ents)
    assert only(quotes, "grind").speaker == "Harbour Authority"
    assert only(quotes, "an act").speaker == "Valdoria"


def test_news_agency_without_a_verb(fields: Fields) -> None:
    docs = fields('The minister "arrived in the capital on Sunday evening," the state news agency Meridian')
    q = only(extract_quotes(docs, entities(docs, ("Meridian", "ORG", ["Meridian"]))), "arrived")
    assert (q.speaker, q.cue) == ("Meridian", None)


def test_titles_and_scare_quotes_have_no_speaker(fields: Fields) -> None:
    docs = fields(
        'Owen Tabb appeared on "Morning Valley Hour" to discuss the vote.\n\n'
        'The so-called "green corridor" was finished in 2019.'
    )
    quotes = quotations(extract_quotes(docs, entities(docs, OWEN)))
    assert only(quotes, "Morning Valley").speaker is None
    assert only(quotes, "green corridor").speaker is None
    assert all(q.speaker_mention is None and q.cue is None for q in quotes)


def test_headline_and_standfirst_quotes(fields: Fields) -> None:
    docs = fields(
        "The mayor spoke on Monday.",
        headline="Lindqvist: 'We will rebuild the bridge'",
        standfirst='Lindqvist says the town will "never forget" the flood.',
    )
    quotes = extract_quotes(docs, entities(docs, MARA))
    check_invariants(docs, quotes)
    assert {(q.field, q.speaker) for q in quotes} == {
        ("headline", "Mara Lindqvist"),
        ("standfirst", "Mara Lindqvist"),
    }


def test_every_span_is_a_quote_with_exact_offsets(fields: Fields) -> None:
    body = 'He said "yes". She said “no”. They don’t agree on the \'90s.\n\n"One more," a voice added, "and the last."'
    docs = fields(body)
    quotes = extract_quotes(docs, [])
    check_invariants(docs, quotes)
    assert [q.text for q in quotations(quotes)] == ["yes", "no", "One more,", "and the last."]


def test_attribution_scales_linearly(fields: Fields) -> None:
    """Eight times the quotes must cost about eight times the time (quadratic would be sixty-four)."""

    def cost(paragraphs: int) -> float:
        docs = fields("\n\n".join(f'"Point {i}," he said. Tabb said it was "fine".' for i in range(paragraphs)))
        t0 = time.perf_counter()
        quotes = extract_quotes(docs, [])
        assert len(quotations(quotes)) == 2 * paragraphs
        return time.perf_counter() - t0

    small, large = cost(100), cost(800)
    assert large < 30 * max(small, 1e-3)


# -- the seed article ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_quotes(nlp: Language) -> tuple[dict[str, Doc], list[Quote]]:
    article = parse_article(clean_text(decode_bytes(SEED.read_bytes())), date(2030, 1, 1))
    docs = next(annotate(nlp, [article]))
    return docs, extract_quotes(docs, extract_entities(docs, article.image_credit))


def test_seed_quote_spans(seed_quotes: tuple[dict[str, Doc], list[Quote]]) -> None:
    docs, quotes = seed_quotes
    check_invariants(docs, quotes)
    assert sum(q.field == "body" for q in quotations(quotes)) == 8
    assert sum(q.field == "standfirst" for q in quotations(quotes)) == 2


@pytest.mark.parametrize(
    ("field", "starts", "speakers", "mention", "quote_type", "cue"),
    [
        ("standfirst", "sensitive subjects", {"Kremlin"}, None, None, None),
        ("body", "sensitive", {"Dmitry Peskov"}, "Peskov", None, None),
        ("body", "Obviously, as neighbours", {"Dmitry Peskov"}, "he", "direct", "say"),
        ("body", "warnings", {"Dmitry Peskov"}, "Peskov", None, None),
        ("body", "left here by his train", {"Korean Central News Agency", "KCNA"}, None, None, None),
        ("body", "pay a price", {"White House"}, None, None, None),
        ("body", "Having to travel across", {"Matthew Miller"}, None, "direct", "tell"),
        ("body", "try to conquer territory", {"Washington"}, None, None, None),
    ],
)
def test_seed_speakers(
    seed_quotes: tuple[dict[str, Doc], list[Quote]],
    field: str,
    starts: str,
    speakers: set[str],
    mention: str | None,
    quote_type: str | None,
    cue: str | None,
) -> None:
    _, quotes = seed_quotes
    q = next(q for q in quotes if q.field == field and q.text.startswith(starts))
    assert q.speaker in speakers
    if mention:
        assert mention in q.speaker_mention.split()
    if quote_type:
        assert q.quote_type == quote_type
    if cue:
        assert q.cue == cue


@pytest.mark.parametrize(
    ("field", "starts", "speaker", "cue"),
    [
        ("standfirst", "the two leaders will discuss", "Kremlin", "say"),
        ("body", "the two leaders would discuss", "Dmitry Peskov", "tell"),
        ("body", "Pyongyang would", "White House", "warn"),
        ("body", "Russia could use weapons", "Washington", "say"),
    ],
)
def test_seed_reported_statements(
    seed_quotes: tuple[dict[str, Doc], list[Quote]], field: str, starts: str, speaker: str, cue: str
) -> None:
    """The seed's reported speech: Peskov's "sensitive subjects", the White House's warning that
    Pyongyang would "pay a price", Washington's statements; the quoted words inside keep their rows."""
    docs, quotes = seed_quotes
    [q] = [q for q in quotes if q.field == field and q.quote_type == "indirect" and q.text.startswith(starts)]
    assert (q.speaker, q.cue, q.cue_class) == (speaker, cue, "speech")
    assert not q.text.startswith("that ") and docs[field].text[q.char_start : q.char_end] == q.text
    inside = [p for p in quotations(quotes) if p.field == field and q.char_start <= p.char_start < q.char_end]
    assert inside and all(p.quote_type == "partial" and p.speaker == speaker for p in inside)
