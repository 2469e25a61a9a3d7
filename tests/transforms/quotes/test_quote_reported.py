"""Reported speech (transforms.quotes.reported, and its rows in transforms.quotes.field_quotes):
statements attributed without quotation marks, one test per construction of issue #19 item 2.

Each test gives the content's exact words where the rule is clear (no leading `that`, no
punctuation at the ends, the cue and its source left out), the speaker, the cue's lemma and its
class. The sentences are written for these tests (fictional people); entities are built by hand so
that the tests pin the attribution rules, not the NER."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Token

from tests.transforms.quotes.mentions import entities
from transforms.entities import entity_id
from transforms.quotes import DIRECT, INDIRECT, PARTIAL, Quote, field_quotes
from transforms.quotes.context import FieldContext, paragraph_starts
from transforms.quotes.reported import Statement, complements, content_span, reported_statements

Context = Callable[..., FieldContext]
Quotes = Callable[[str], list[Quote]]
MARA = ("Mara Lindqvist", "PERSON", ["Mara Lindqvist", "Lindqvist"])
OWEN = ("Owen Tabb", "PERSON", ["Owen Tabb", "Tabb"])
MERIDIAN = ("Meridian", "ORG", ["Meridian"])
MARA_ID = entity_id("Mara Lindqvist", "PERSON")
OWEN_ID = entity_id("Owen Tabb", "PERSON")
MERIDIAN_ID = entity_id("Meridian", "ORG")


def check_rows(text: str, rows: list[Quote]) -> None:
    """What holds for every row: its text is the field's text at its offsets, it lies in one
    paragraph, that paragraph's index is the row's, and a row with a cue has a class."""
    starts = paragraph_starts(text)
    for q in rows:
        assert q.text == text[q.char_start : q.char_end], q
        assert q.text and q.text == q.text.strip(), q
        first = max(i for i, s in enumerate(starts) if s <= q.char_start)
        last = max(i for i, s in enumerate(starts) if s <= q.char_end - 1)
        assert first == last == q.paragraph_index, q
        assert "\n" not in q.text, q
        if q.cue is not None:
            assert q.cue_class in ("speech", "belief", "evidence"), q
        if q.quote_type == INDIRECT:
            assert not q.text.lower().startswith("that "), q


@pytest.fixture(scope="module")
def quotes(nlp: Language) -> Quotes:
    """The rows field_quotes gives for a body text mentioning Mara Lindqvist, Owen Tabb and Meridian."""

    def run(text: str) -> list[Quote]:
        doc = nlp(text)
        rows = field_quotes("body", doc, entities({"body": doc}, MARA, OWEN, MERIDIAN))
        check_rows(text, rows)
        return rows

    return run


def indirect(rows: list[Quote]) -> list[Quote]:
    return [q for q in rows if q.quote_type == INDIRECT]


def by_cue(rows: list[Quote], cue: str) -> Quote:
    """The one reported statement of the rows with this cue."""
    found = [q for q in indirect(rows) if q.cue == cue]
    assert len(found) == 1, (cue, rows)
    return found[0]


def summary(q: Quote) -> tuple[str, str | None, str | None, str | None]:
    return q.text, q.speaker, q.cue, q.cue_class


# -- X said (that) ... -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Mara Lindqvist said that the bridge would open in May.",
        "Mara Lindqvist said the bridge would open in May.",
        "Mara Lindqvist said on Monday that the bridge would open in May.",
    ],
)
def test_said_with_and_without_that(quotes: Quotes, sentence: str) -> None:
    rows = quotes(sentence)
    assert len(rows) == 1, rows
    q = rows[0]
    assert q.quote_type == INDIRECT
    assert summary(q) == ("the bridge would open in May", "Mara Lindqvist", "say", "speech")
    assert (q.speaker_mention, q.speaker_entity_id, q.paragraph_index) == ("Mara Lindqvist", MARA_ID, 0)


def test_a_speaker_with_an_apposition_and_a_speaker_as_the_text_gives_it(quotes: Quotes) -> None:
    q = by_cue(quotes("Owen Tabb, the county treasurer, said the county had run out of money."), "say")
    assert summary(q) == ("the county had run out of money", "Owen Tabb", "say", "speech")
    # groups and unnamed officials are speakers as the text gives them, with no entity
    for source in ("Sources", "A senior official"):
        q = by_cue(quotes(f"{source} said the mine would close."), "say")
        assert (q.text, q.speaker, q.speaker_mention, q.speaker_entity_id) == (
            "the mine would close",
            source,
            source,
            None,
        )


# -- ..., X said (the clause before the verb) ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The bridge will open in May, Mara Lindqvist said.", ("The bridge will open in May", "Mara Lindqvist", "say")),
        ("The bridge will open in May, said Mara Lindqvist.", ("The bridge will open in May", "Mara Lindqvist", "say")),
        ("The tax is unfair, Owen Tabb argued.", ("The tax is unfair", "Owen Tabb", "argue")),
        (
            "The river will flood by Friday, Mara Lindqvist warned on Monday.",
            ("The river will flood by Friday", "Mara Lindqvist", "warn"),
        ),
    ],
)
def test_clause_before_the_verb(quotes: Quotes, sentence: str, expected: tuple[str, str, str]) -> None:
    rows = quotes(sentence)
    assert len(rows) == 1, rows  # the frame `X said` is the attribution, not a statement of its own
    q = rows[0]
    assert (q.quote_type, q.text, q.speaker, q.cue, q.cue_class) == (INDIRECT, *expected, "speech")


# -- X told reporters (that) ... -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Owen Tabb told reporters that the county had run out of money.",
        "Owen Tabb told reporters the county had run out of money.",
        "Owen Tabb told reporters on Monday that the county had run out of money.",
        "Owen Tabb told Meridian that the county had run out of money.",
        "Owen Tabb told Meridian the county had run out of money.",
    ],
)
def test_told_the_addressee_is_not_content(quotes: Quotes, sentence: str) -> None:
    rows = quotes(sentence)
    assert len(rows) == 1, rows
    q = rows[0]
    assert summary(q) == ("the county had run out of money", "Owen Tabb", "tell", "speech")
    assert q.speaker_entity_id == OWEN_ID


def test_told_after_the_clause(quotes: Quotes) -> None:
    rows = quotes("The leaders will discuss the budget, Owen Tabb told Meridian.")
    q = by_cue(rows, "tell")
    assert summary(q) == ("The leaders will discuss the budget", "Owen Tabb", "tell", "speech")
    assert all(q.speaker != "Meridian" for q in rows)  # the addressee is nobody's source here


# -- according to X --------------------------------------------------------------------------------

SOURCES = [
    ("Owen Tabb", "Owen Tabb", OWEN_ID),
    ("Meridian", "Meridian", MERIDIAN_ID),
    ("the report", "the report", None),
]


@pytest.mark.parametrize(("source", "speaker", "entity"), SOURCES)
def test_according_to_before_the_clause(quotes: Quotes, source: str, speaker: str, entity: str | None) -> None:
    q = by_cue(quotes(f"According to {source}, the county has run out of money."), "according to")
    assert summary(q) == ("the county has run out of money", speaker, "according to", "speech")
    assert (q.speaker_mention, q.speaker_entity_id) == (source, entity)


@pytest.mark.parametrize(("source", "speaker", "entity"), SOURCES)
def test_according_to_after_the_clause(quotes: Quotes, source: str, speaker: str, entity: str | None) -> None:
    q = by_cue(quotes(f"The county has run out of money, according to {source}."), "according to")
    assert summary(q) == ("The county has run out of money", speaker, "according to", "speech")
    assert (q.speaker_mention, q.speaker_entity_id) == (source, entity)


# -- verbs beyond say ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Mara Lindqvist warned that the river would flood by Friday.",
            ("the river would flood by Friday", "Mara Lindqvist", "warn"),
        ),
        ("Owen Tabb argued that the tax was unfair.", ("the tax was unfair", "Owen Tabb", "argue")),
        ("Meridian claimed that its profits had doubled.", ("its profits had doubled", "Meridian", "claim")),
        (
            "Mara Lindqvist insisted that she had done nothing wrong.",
            ("she had done nothing wrong", "Mara Lindqvist", "insist"),
        ),
        ("Owen Tabb denied that he had taken the money.", ("he had taken the money", "Owen Tabb", "deny")),
        ("Meridian acknowledged that the figures were wrong.", ("the figures were wrong", "Meridian", "acknowledge")),
        (
            "Mara Lindqvist predicted that the party would win the election.",
            ("the party would win the election", "Mara Lindqvist", "predict"),
        ),
        ("Owen Tabb promised that the road would be repaired.", ("the road would be repaired", "Owen Tabb", "promise")),
        ("Meridian announced that it would close the factory.", ("it would close the factory", "Meridian", "announce")),
        (
            "Mara Lindqvist tweeted that the vote had been rigged.",
            ("the vote had been rigged", "Mara Lindqvist", "tweet"),
        ),
        (
            "Owen Tabb confirmed that the mine would close next year.",
            ("the mine would close next year", "Owen Tabb", "confirm"),
        ),
        (
            "Mara Lindqvist added that the repairs would cost $4 million.",
            ("the repairs would cost $4 million", "Mara Lindqvist", "add"),
        ),
        (
            "Owen Tabb noted that the road had been closed since March.",
            ("the road had been closed since March", "Owen Tabb", "note"),
        ),
        ("Mara Lindqvist explained that the pumps had failed.", ("the pumps had failed", "Mara Lindqvist", "explain")),
        (
            "Owen Tabb wrote that the council had ignored the warnings.",
            ("the council had ignored the warnings", "Owen Tabb", "write"),
        ),
        ("Meridian reported that its profits had doubled.", ("its profits had doubled", "Meridian", "report")),
    ],
)
def test_speech_verbs_beyond_say(quotes: Quotes, sentence: str, expected: tuple[str, str, str]) -> None:
    rows = quotes(sentence)
    assert len(rows) == 1, rows
    assert summary(rows[0]) == (*expected, "speech")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Owen Tabb attacked the harbour plan.", ("the harbour plan", "Owen Tabb", "attack", "speech")),
        ("Mara Lindqvist identified the pumps as the cause.", ("the pumps as the cause", "Mara Lindqvist", "identify",
                                                               "speech")),
        ("Owen Tabb labelled the levy a scam.", ("the levy a scam", "Owen Tabb", "label", "speech")),
        ("Mara Lindqvist faulted the council for the delay.", ("the council for the delay", "Mara Lindqvist",
                                                               "fault", "speech")),
        ("Owen Tabb embraced the harbour plan.", ("the harbour plan", "Owen Tabb", "embrace", "belief")),
        ("The court ruled that the levy was lawful.", ("the levy was lawful", "The court", "rule", "speech")),
        ("The audit determined that the pumps had failed.", ("the pumps had failed", "The audit", "determine",
                                                             "evidence")),
        ("Owen Tabb said the same thing.", ("the same thing", "Owen Tabb", "say", "speech")),
        ("Owen Tabb is opposed to the new levy.", ("the new levy", "Owen Tabb", "oppose", "belief")),
        ("Owen Tabb is concerned about the harbour.", ("the harbour", "Owen Tabb", "concerned", "belief")),
        ("Owen Tabb charged the mayor with fraud.", ("the mayor with fraud", "Owen Tabb", "charge", "speech")),
        ("Owen Tabb wants the council to resign.", ("the council to resign", "Owen Tabb", "want", "belief")),
        ("Owen Tabb felt the plan was too costly.", ("the plan was too costly", "Owen Tabb", "feel", "belief")),
    ],
)
def test_stance_and_evidence_verbs_with_an_object_or_clause(
    quotes: Quotes, sentence: str, expected: tuple[str, str, str, str]
) -> None:
    assert summary(by_cue(quotes(sentence), expected[2])) == expected


# -- beliefs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Mara Lindqvist thinks the plan will fail.", ("the plan will fail", "Mara Lindqvist", "think")),
        ("Mara Lindqvist thinks that the plan will fail.", ("the plan will fail", "Mara Lindqvist", "think")),
        ("Owen Tabb believes the council made a mistake.", ("the council made a mistake", "Owen Tabb", "believe")),
        ("Owen Tabb believes that the council made a mistake.", ("the council made a mistake", "Owen Tabb", "believe")),
    ],
)
def test_belief_cues(quotes: Quotes, sentence: str, expected: tuple[str, str, str]) -> None:
    rows = quotes(sentence)
    assert len(rows) == 1, rows
    assert summary(rows[0]) == (*expected, "belief")


def test_want_to_is_a_belief(quotes: Quotes) -> None:
    q = by_cue(quotes("Mara Lindqvist wants to close the harbour."), "want")
    assert (q.speaker, q.cue_class) == ("Mara Lindqvist", "belief")
    assert q.text in ("to close the harbour", "close the harbour")


# -- evidence: a document or a measurement as the source ------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The report found that the harbour was polluted.", ("the harbour was polluted", "The report", "find")),
        ("Studies have found that the drug works.", ("the drug works", "Studies", "find")),
        ("A poll shows the mayor is losing support.", ("the mayor is losing support", "A poll", "show")),
        ("Polls show the mayor is losing support.", ("the mayor is losing support", "Polls", "show")),
        ("The audit shows that the county lost $4 million.", ("the county lost $4 million", "The audit", "show")),
    ],
)
def test_evidence_cues_keep_the_document_as_its_words(
    quotes: Quotes, sentence: str, expected: tuple[str, str, str]
) -> None:
    rows = quotes(sentence)
    assert len(rows) == 1, rows
    q = rows[0]
    assert summary(q) == (*expected, "evidence")
    assert (q.speaker_mention, q.speaker_entity_id) == (expected[1], None)


def test_a_document_is_not_resolved_to_its_author(quotes: Quotes) -> None:
    rows = quotes("Mara Lindqvist published the audit on Monday. The audit found that the harbour was polluted.")
    q = by_cue(rows, "find")
    assert summary(q) == ("the harbour was polluted", "The audit", "find", "evidence")
    assert q.speaker_entity_id is None


def test_an_evidence_noun(quotes: Quotes) -> None:
    q = by_cue(quotes("Officials published the audit's finding that the county had lost money."), "finding")
    assert summary(q) == ("the county had lost money", "the audit", "finding", "evidence")


# -- noun cues -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Lindqvist's claim that the bridge was unsafe was rejected.",
            ("the bridge was unsafe", "Mara Lindqvist", "claim"),
        ),
        (
            "The claim by Owen Tabb that the bridge was unsafe was rejected.",
            ("the bridge was unsafe", "Owen Tabb", "claim"),
        ),
        ("The mayor's claim that the bridge was unsafe was rejected.", ("the bridge was unsafe", "The mayor", "claim")),
        (
            "Officials ignored a warning from Meridian that the river would flood.",
            ("the river would flood", "Meridian", "warning"),
        ),
    ],
)
def test_noun_cues(quotes: Quotes, sentence: str, expected: tuple[str, str, str]) -> None:
    q = by_cue(quotes(sentence), expected[2])
    assert summary(q) == (*expected, "speech")


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "speaker", "mention"),
    [
        (
            "Owen Tabb repeated his claim that the election was stolen.",
            "claim",
            "the election was stolen",
            "Owen Tabb",
            "his",
        ),
        (
            "Meridian repeated its warning that the river would flood.",
            "warning",
            "the river would flood",
            "Meridian",
            "its",
        ),
    ],
)
def test_a_possessive_pronoun_on_a_noun_cue_is_resolved(
    quotes: Quotes, sentence: str, cue: str, content: str, speaker: str, mention: str
) -> None:
    q = by_cue(quotes(sentence), cue)
    assert (q.text, q.speaker, q.speaker_mention, q.cue_class) == (content, speaker, mention, "speech")


# -- passive and reportive forms -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It was reported that the factory would close.", ("the factory would close", "report", "speech")),
        ("It was announced that the mine would close.", ("the mine would close", "announce", "speech")),
        ("It is believed that the mayor will resign.", ("the mayor will resign", "believe", "belief")),
    ],
)
def test_impersonal_passive_has_no_speaker(quotes: Quotes, sentence: str, expected: tuple[str, str, str]) -> None:
    rows = quotes(sentence)
    assert len(rows) == 1, rows
    q = rows[0]
    assert (q.text, q.cue, q.cue_class) == expected
    assert (q.speaker, q.speaker_mention, q.speaker_entity_id) == (None, None, None)  # `it` is nobody


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Owen Tabb is expected to say the tax will rise.", ("the tax will rise", "Owen Tabb", "say")),
        (
            "Mara Lindqvist is expected to announce that the mine will close.",
            ("the mine will close", "Mara Lindqvist", "announce"),
        ),
    ],
)
def test_expected_to_say_names_the_subject(quotes: Quotes, sentence: str, expected: tuple[str, str, str]) -> None:
    q = by_cue(quotes(sentence), expected[2])
    assert summary(q) == (*expected, "speech")


# -- coordinated contents --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker", "parts"),
    [
        (
            "Mara Lindqvist said the bridge was safe and that the repairs were finished.",
            "say",
            "Mara Lindqvist",
            ("the bridge was safe", "the repairs were finished"),
        ),
        (
            "Owen Tabb said the tax was unfair and that it would be repealed.",
            "say",
            "Owen Tabb",
            ("the tax was unfair", "it would be repealed"),
        ),
        (
            "The report found that the harbour was polluted and that the fish had died.",
            "find",
            "The report",
            ("the harbour was polluted", "the fish had died"),
        ),
    ],
)
def test_coordinated_contents(quotes: Quotes, sentence: str, cue: str, speaker: str, parts: tuple[str, str]) -> None:
    """`X said A and that B`: both contents are X's, in one row or one each, none with a leading `that`."""
    rows = [q for q in indirect(quotes(sentence)) if q.cue == cue]
    assert rows and all(q.speaker == speaker for q in rows), rows
    for part in parts:
        assert any(part in q.text for q in rows), (part, rows)
    assert rows[0].text.startswith(parts[0]) and rows[-1].text.endswith(parts[1])


@pytest.mark.parametrize(
    ("sentence", "content", "cue", "trailing"),
    [
        (
            "Owen Tabb said the plant would close next year, adding that 200 jobs would go.",
            "the plant would close next year",
            "add",
            "200 jobs would go",
        ),
        (
            "Mara Lindqvist said Meridian will have to choose a side soon, saying the vote is close.",
            "Meridian will have to choose a side soon",
            "say",
            "the vote is close",
        ),
        (
            "Owen Tabb told reporters the council had acted too slowly, noting that the floods began in March.",
            "the council had acted too slowly",
            "note",
            "the floods began in March",
        ),
    ],
)
def test_a_reporting_participle_after_the_content_is_the_outer_speakers(
    quotes: Quotes, sentence: str, content: str, cue: str, trailing: str
) -> None:
    """`X said Y will win, adding ...`: the parse hangs the participle on the content's verb, but the
    participle continues X's attribution; the first content ends before it."""
    rows = indirect(quotes(sentence))
    first = next(q for q in rows if q.cue in ("say", "tell"))
    assert first.text == content, rows
    speaker = first.speaker
    participle = [q for q in rows if q.cue == cue and q is not first and trailing in q.text]
    assert participle and participle[0].speaker == speaker, rows


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Owen Tabb announced the new ferry route, which will open in June.",
            "the new ferry route",
        ),
        (
            "Mara Lindqvist criticized the budget plan, a document of 400 pages.",
            "the budget plan",
        ),
        (
            "Owen Tabb praised the harbour committee, whose members had worked for free.",
            "the harbour committee",
        ),
    ],
)
def test_a_description_after_a_comma_is_not_content(quotes: Quotes, sentence: str, content: str) -> None:
    """A non-restrictive relative clause or apposition at a content's end describes a word of it; the
    statement is what the cue attributes (PolNeAR's annotators leave such clauses out)."""
    rows = indirect(quotes(sentence))
    assert [q.text for q in rows] == [content], rows


@pytest.mark.parametrize(
    ("sentence", "source", "content"),
    [
        ("In the new poll, 42% say the bridge should be rebuilt.", "42%", "the bridge should be rebuilt"),
        ("About 4 in 10 say they want a new ferry route.", "About 4 in 10", "they want a new ferry route"),
        ("Some 55 percent said they would vote for the levy.", "Some 55 percent", "they would vote for the levy"),
    ],
)
def test_a_share_of_respondents_is_the_source(quotes: Quotes, sentence: str, source: str, content: str) -> None:
    """Poll copy attributes to shares of respondents; the share is the source as the text gives it,
    whether the parse makes it the subject or the verb's number."""
    q = by_cue(quotes(sentence), "say")
    assert (q.text, q.speaker_mention, q.speaker) == (content, source, source)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Meridian, which backs the levy, said the vote was close.", "Meridian"),
        ("The statement came from Meridian, which said the plant would close.", "Meridian"),
    ],
)
def test_which_names_the_organisation_it_follows(quotes: Quotes, sentence: str, speaker: str) -> None:
    rows = [q for q in indirect(quotes(sentence)) if q.cue == "say"]
    assert [q.speaker for q in rows] == [speaker], rows


def test_which_after_a_thing_names_no_one(quotes: Quotes) -> None:
    """`a plan that urges ...`: the thing's author is not in the parse, so the row has no speaker; a
    document's is who issued it (`Meridian ran an ad which says`)."""
    rows = [q for q in indirect(quotes("Meridian drew up a plan which says the levy is unfair.")) if q.cue == "say"]
    assert rows and all(q.speaker is None for q in rows), rows
    rows = [q for q in indirect(quotes("Meridian ran an ad which says the levy is unfair.")) if q.cue == "say"]
    assert [(q.speaker_mention, q.speaker) for q in rows] == [("which", "Meridian")], rows


# -- pronouns --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "paragraph"),
    [
        ("Owen Tabb met the mayor on Monday. He said the deal was off.", "say", 0),
        ("Owen Tabb met the mayor on Monday.\n\nHe said the deal was off.", "say", 1),
        ("Owen Tabb met the mayor on Monday. He told reporters the deal was off.", "tell", 0),
    ],
)
def test_a_pronoun_names_the_person(quotes: Quotes, text: str, cue: str, paragraph: int) -> None:
    q = by_cue(quotes(text), cue)
    assert (q.text, q.speaker, q.speaker_entity_id, q.paragraph_index) == (
        "the deal was off",
        "Owen Tabb",
        OWEN_ID,
        paragraph,
    )
    assert q.speaker_mention is not None and q.speaker_mention.lower() == "he"


def test_she_names_the_person(quotes: Quotes) -> None:
    q = by_cue(quotes("Mara Lindqvist arrived on Monday. She said the deal was off."), "say")
    assert (q.text, q.speaker, q.speaker_mention) == ("the deal was off", "Mara Lindqvist", "She")


# -- quotations inside reported content ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "quoted", "speaker", "cue", "cue_class"),
    [
        (
            'Mara Lindqvist said the plan was "dead on arrival" and would be dropped.',
            'the plan was "dead on arrival" and would be dropped',
            "dead on arrival",
            "Mara Lindqvist",
            "say",
            "speech",
        ),
        (
            'Mara Lindqvist said the county would "never pay" for the road.',
            'the county would "never pay" for the road',
            "never pay",
            "Mara Lindqvist",
            "say",
            "speech",
        ),
        (
            'According to Meridian, the plan was "dead on arrival" and would be dropped.',
            'the plan was "dead on arrival" and would be dropped',
            "dead on arrival",
            "Meridian",
            "according to",
            "speech",
        ),
        (
            'Owen Tabb arrived late. Mara Lindqvist thinks the plan is "dead on arrival" and will be dropped.',
            'the plan is "dead on arrival" and will be dropped',
            "dead on arrival",
            "Mara Lindqvist",
            "think",
            "belief",
        ),
    ],
)
def test_a_quotation_inside_reported_content_is_partial_with_the_statements_speaker(
    quotes: Quotes, text: str, content: str, quoted: str, speaker: str, cue: str, cue_class: str
) -> None:
    rows = quotes(text)
    statement = by_cue(rows, cue)
    assert summary(statement) == (content, speaker, cue, cue_class)  # the marks of a whole quote stay
    inner = [q for q in rows if q.quote_type != INDIRECT]
    assert len(inner) == 1, rows
    q = inner[0]
    assert (q.quote_type, q.text, q.speaker, q.cue, q.cue_class) == (PARTIAL, quoted, speaker, cue, cue_class)
    assert statement.char_start < q.char_start and q.char_end < statement.char_end


def test_a_quotation_with_its_own_frame_inside_reported_content_keeps_its_speaker(quotes: Quotes) -> None:
    rows = quotes("Mara Lindqvist said that experts had found her proposals effective and strong, to which "
                  "Owen Tabb interjected: \"It's just not true.\"")
    q = next(q for q in rows if q.quote_type != INDIRECT)
    assert (q.quote_type, q.text, q.speaker, q.cue) == (PARTIAL, "It's just not true.", "Owen Tabb", "interject")


# -- direct quotations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('"The bridge will open in May," Mara Lindqvist said.', "The bridge will open in May,"),
        ('Mara Lindqvist said: "The bridge will open in May."', "The bridge will open in May."),
        ('"The bridge will open in May," said Mara Lindqvist.', "The bridge will open in May,"),
    ],
)
def test_a_direct_quotation_gets_no_indirect_row(quotes: Quotes, text: str, quoted: str) -> None:
    rows = quotes(text)
    assert [(q.quote_type, q.text, q.speaker, q.cue, q.cue_class) for q in rows] == [
        (DIRECT, quoted, "Mara Lindqvist", "say", "speech")
    ]


def test_a_reported_statement_after_a_direct_quotation_is_its_own_row(quotes: Quotes) -> None:
    rows = quotes('"The bridge will open in May," Mara Lindqvist said, adding that the repairs were finished.')
    assert [q.quote_type for q in rows] == [DIRECT, INDIRECT]
    assert summary(rows[1]) == ("the repairs were finished", "Mara Lindqvist", "add", "speech")


# -- a cue inside quotation marks ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'Owen Tabb said: "Mara Lindqvist said the bridge was safe, but it is not."',
        '"Lindqvist told me the mine would close," Owen Tabb said.',
        '"Meridian claimed that its profits had doubled," Owen Tabb said.',
    ],
)
def test_a_cue_inside_quotation_marks_is_not_a_cue_of_the_narrative(
    quotes: Quotes, context: Context, text: str
) -> None:
    rows = quotes(text)
    assert [(q.quote_type, q.speaker) for q in rows] == [(DIRECT, "Owen Tabb")]  # the quoted words are Tabb's
    ctx = context(text, MARA, OWEN, MERIDIAN)
    sources = [s.attribution.speaker for s in reported_statements(ctx) if s.attribution is not None]
    assert "Mara Lindqvist" not in sources and "Meridian" not in sources


# -- the content's paragraph -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker", "paragraph"),
    [
        (
            "Mara Lindqvist said the bridge was safe\n\nThe repairs will finish in June",
            "the bridge was safe",
            "Mara Lindqvist",
            0,
        ),
        ("Owen Tabb said the harbour will close\nThe mayor arrived late", "the harbour will close", "Owen Tabb", 0),
        ("Harbour closes\nThe harbour will close, Owen Tabb said.", "The harbour will close", "Owen Tabb", 1),
        ("Harbour closes\nAccording to Meridian, the harbour will close", "the harbour will close", "Meridian", 1),
    ],
)
def test_content_stays_in_the_cues_paragraph(
    quotes: Quotes, text: str, content: str, speaker: str, paragraph: int
) -> None:
    rows = indirect(quotes(text))
    assert [(q.text, q.speaker, q.paragraph_index) for q in rows] == [(content, speaker, paragraph)]


def test_a_cue_whose_content_is_in_the_next_paragraph_gives_no_row(quotes: Quotes) -> None:
    assert indirect(quotes("Mara Lindqvist said\nthe bridge was safe.")) == []


def test_the_source_stays_in_the_cues_paragraph(quotes: Quotes) -> None:
    """A line without final punctuation: the parse runs on into the next paragraph, the attribution may not."""
    rows = indirect(quotes("Harbour to close according to Meridian\nThe mayor arrived late."))
    assert [(q.speaker, q.cue, q.paragraph_index) for q in rows] == [("Meridian", "according to", 0)]
    # the parser takes `Harbour` for the next line's subject; the content keeps to the first line
    assert rows[0].text in "Harbour to close"


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "Harbour plan in doubt\n\nMara Lindqvist said on Monday that the harbour would close.",
            "say",
            "the harbour would close",
            "Mara Lindqvist",
        ),
        (
            "Budget talks\nOwen Tabb told reporters the county had no money left.",
            "tell",
            "the county had no money left",
            "Owen Tabb",
        ),
    ],
)
def test_the_subject_is_not_taken_from_a_heading_above(
    quotes: Quotes, text: str, cue: str, content: str, speaker: str
) -> None:
    """A heading without final punctuation: the parse may run it into the next paragraph's subject."""
    q = by_cue(quotes(text), cue)
    assert (q.text, q.speaker, q.paragraph_index) == (content, speaker, 1)
    # the mention is words of the speaker's own paragraph (the parser may give `Owen` to the heading)
    assert q.speaker_mention in speaker and "\n" not in q.speaker_mention


# -- the invariant over an article ------------------------------------------------------------------

ARTICLE = (
    "Harbour plan in doubt\n\n"
    "Mara Lindqvist said on Monday that the harbour would close, and that the fishing fleet would move north. "
    'The plan was "dead on arrival," Owen Tabb said.\n\n'
    "According to Meridian, profits fell by a third last year. A poll shows most residents oppose the move, "
    "and the council's own report found that the water was clean.\n"
    "He told reporters the county had no money left. It was reported that the mayor would resign.\n\n"
    '"We will fight this," Lindqvist said. She believes the council acted in bad faith, she added.'
)


def test_every_row_of_an_article_keeps_the_invariants(quotes: Quotes) -> None:
    rows = quotes(ARTICLE)  # check_rows: text == field_text[char_start:char_end], one paragraph each
    assert len(indirect(rows)) >= 6, rows
    assert rows == sorted(rows, key=lambda q: q.char_start)
    assert {q.cue_class for q in rows} == {"speech", "belief", "evidence"}


# -- reported_statements, complements, content_span -----------------------------------------------


def word(ctx: FieldContext, text: str, nth: int = 0) -> Token:
    return [t for t in ctx.doc if t.text == text][nth]


def test_reported_statements_give_offsets_cue_complement_class_and_source(context: Context) -> None:
    text = (
        "Mara Lindqvist said the bridge was safe. Owen Tabb wants to close the harbour. "
        "Owen Tabb repeated the claim that the pipe leaks."
    )
    ctx = context(text, MARA, OWEN)
    statements = reported_statements(ctx)
    assert all(isinstance(s, Statement) for s in statements)
    assert [s.start for s in statements] == sorted(s.start for s in statements)
    found = {(text[s.start : s.end], s.cue, s.complement, s.cue_class) for s in statements}
    assert ("the bridge was safe", "say", "clause", "speech") in found
    assert ("the pipe leaks", "claim", "noun", "speech") in found
    assert any(cue == "want" and kind == "infinitive" and cls == "belief" for _, cue, kind, cls in found)
    said = next(s for s in statements if s.cue == "say")
    assert said.attribution is not None and said.attribution.entity is not None
    assert said.attribution.entity.entity_id == MARA_ID


def contents(ctx: FieldContext, verb: Token) -> set[tuple[str, str]]:
    """(kind, content words) of each complement of the verb, trimmed as content_span trims them."""
    found = set()
    for kind, first, last in complements(verb):
        span = content_span(ctx, first.i, last.i, verb.i)
        if span is not None:
            found.add((kind, ctx.text[span[0] : span[1]]))
    return found


def test_complements_of_a_verb(context: Context) -> None:
    ctx = context("Owen Tabb told reporters that the county had run out of money.", OWEN)
    assert ("clause", "the county had run out of money") in contents(ctx, word(ctx, "told"))
    # an object with the preposition that completes it is one content, of the preposition's kind
    ctx = context("Mara Lindqvist accused Tabb of lying.", MARA, OWEN)
    assert contents(ctx, word(ctx, "accused")) == {("of", "Tabb of lying")}
    ctx = context("Owen Tabb called for a ban on fishing.", OWEN)
    assert contents(ctx, word(ctx, "called")) == {("for", "a ban on fishing")}
    # a clause `for` opens, with its own subject: the content starts after `for`
    ctx = context("Owen Tabb called for Lindqvist to resign.", MARA, OWEN)
    assert contents(ctx, word(ctx, "called")) == {("for", "Lindqvist to resign")}


def test_complements_of_an_inverted_frame_are_the_clause_before_it(context: Context) -> None:
    ctx = context("The bridge will open in May, Mara Lindqvist said.", MARA)
    assert contents(ctx, word(ctx, "said")) == {("clause", "The bridge will open in May")}


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("Mara Lindqvist said the ferry would run again by May and praised the harbour crews.", "say",
         "the ferry would run again by May"),
        ("Owen Tabb predicted that the levy would pass and criticized the council for its delays.", "predict",
         "the levy would pass"),
        ("Owen Tabb said the council acted too slowly but conceded that the floods were unusual.", "say",
         "the council acted too slowly"),
        ("Mara Lindqvist argued the plan was sound, while critics said the costs were hidden.", "argue",
         "the plan was sound"),
    ],
)
def test_a_second_act_after_the_content_is_not_content(quotes: Quotes, sentence: str, cue: str, content: str) -> None:
    """`X said A and praised B`: the second verb is X's own act, not part of A (nor is a contrasting
    clause with its own subject after `, while`); PolNeAR's annotators end the content there."""
    assert by_cue(quotes(sentence), cue).text == content


def test_a_conjoined_cue_is_the_outer_speakers(quotes: Quotes) -> None:
    rows = quotes("Owen Tabb predicted that the levy would pass and criticized the council for its delays.")
    assert by_cue(rows, "criticize").speaker == "Owen Tabb"
    rows = quotes("Owen Tabb said the council acted too slowly but conceded that the floods were unusual.")
    assert by_cue(rows, "concede").speaker == "Owen Tabb"  # `but`: still his second act, not the council's


def test_a_participle_after_a_quotes_frame_is_that_speakers(quotes: Quotes) -> None:
    """`"...," Ms. Lindqvist said, referring to ...`: the participle goes on with the nearer frame, even
    where the parse makes that frame the content of an attribution a paragraph before."""
    rows = quotes(
        "But Mara Lindqvist, the council's deputy leader, said that many residents were receptive to the plan.\n\n"
        "''Just showing them the numbers, we could see that the mood shifted,'' Ms. Lindqvist said, referring to "
        "reports that the port may close."
    )
    row = by_cue(rows, "refer")
    assert (row.speaker, row.speaker_mention) == ("Mara Lindqvist", "Ms. Lindqvist")


# -- a phrase of time, place or circumstance completes no object ---------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Mara Lindqvist criticized the plan during the debate.", ("the plan", "Mara Lindqvist", "criticize")),
        ("Owen Tabb released the figures until Friday.", ("the figures", "Owen Tabb", "release")),
        ("Mara Lindqvist attacked the budget according to the minutes.",
         ("the budget", "Mara Lindqvist", "attack")),
        # a phrase that says what the object is praised for still completes it
        ("Owen Tabb praised the council for its courage.", ("the council for its courage", "Owen Tabb", "praise")),
    ],
)
def test_a_circumstantial_phrase_is_not_content(
    quotes: Quotes, sentence: str, expected: tuple[str, str, str]
) -> None:
    q = by_cue(quotes(sentence), expected[2])
    assert (q.text, q.speaker, q.cue) == expected


def test_a_subordinate_reporting_clause_after_a_comma_is_no_inverted_frame(quotes: Quotes) -> None:
    """`"...," Tabb told reporters, after Lindqvist stated an interest in ...`: `after` opens a clause
    of its own, not the frame of what comes before it (as `..., as Lindqvist said` is)."""
    rows = quotes('"The contracts are binding," Owen Tabb told reporters in July, after Mara Lindqvist stated '
                  "an interest in ending the lease.")
    assert [q.cue for q in indirect(rows)] == ["state"]
    assert by_cue(rows, "state").text == "an interest in ending the lease"
    quote = next(q for q in rows if q.text.startswith("The contracts"))
    assert quote.speaker == "Owen Tabb"
    rows = quotes("The ferry will run again by May, as Mara Lindqvist said on Monday.")
    assert by_cue(rows, "say").text == "The ferry will run again by May"
