"""Reported speech constructions of issue #19 that the first rules missed (transforms.quotes.reported,
reported_span): one test per construction, on sentences written for them (fictional people)."""

from __future__ import annotations

import pytest

from tests.transforms.quotes.test_quote_reported import Quotes, by_cue, indirect, quotes  # noqa: F401


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("Owen Tabb supported Mara Lindqvist in the primary.", "support", "Mara Lindqvist in the primary"),
        ("Owen Tabb pledged his vote to Mara Lindqvist.", "pledge", "his vote to Mara Lindqvist"),
    ],
)
def test_an_object_completed_by_an_unlisted_preposition_is_the_objects_statement(
    quotes: Quotes, sentence: str, cue: str, content: str  # noqa: F811
) -> None:
    """`X backed Y by 20 points`: a verb that attributes its object still does when a preposition
    the table does not list for it completes the object; the content is the object with it."""
    q = by_cue(quotes(sentence), cue)
    assert q.text == content


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker"),
    [
        ("Mara Lindqvist is likely to stress that the levy will pass.", "stress", "Mara Lindqvist"),
        ("Owen Tabb was the loudest in denouncing the ferry plan.", "denounce", "Owen Tabb"),
    ],
)
def test_a_cue_under_an_adjective_or_attribute_has_the_outer_subject(
    quotes: Quotes, sentence: str, cue: str, speaker: str  # noqa: F811
) -> None:
    """`X is likely to stress ...`, `X was the loudest in denouncing ...`: the cue's source is the
    subject of the verb whose adjective or attribute the cue completes."""
    assert by_cue(quotes(sentence), cue).speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "speaker"),
    [
        ("The ferry, Owen Tabb said, will run again by May.", "say",
         "The ferry, Owen Tabb said, will run again by May", "Owen Tabb"),
        ("With the vote so close, Mara Lindqvist argued, there was no room for error.", "argue",
         "With the vote so close, Mara Lindqvist argued, there was no room for error", "Mara Lindqvist"),
        ("The bridge is safe, Owen Tabb insisted, because the engineers checked it twice.", "insist",
         "The bridge is safe, Owen Tabb insisted, because the engineers checked it twice", "Owen Tabb"),
    ],
)
def test_a_frame_inside_the_sentence_reports_the_words_on_both_sides(
    quotes: Quotes, sentence: str, cue: str, content: str, speaker: str  # noqa: F811
) -> None:
    """`The economy, he said, is in trouble`: a frame set off by commas inside its sentence reports
    the words before and after it as one statement; a row is one span, so it holds the frame too
    (PolNeAR's annotators join the two pieces into one content)."""
    q = by_cue(quotes(sentence), cue)
    assert (q.text, q.speaker) == (content, speaker)


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("The plan is dead, Mara Lindqvist said on Monday.", "say", "The plan is dead"),
        ("The plan is dead, Mara Lindqvist said, adding that the council had refused it.", "say", "The plan is dead"),
    ],
)
def test_a_frame_at_the_sentences_end_reports_only_what_precedes_it(
    quotes: Quotes, sentence: str, cue: str, content: str  # noqa: F811
) -> None:
    assert by_cue(quotes(sentence), cue).text == content


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "speaker"),
    [
        ("Owen Tabb has made clear that he opposes the levy.", "clear", "he opposes the levy", "Owen Tabb"),
        ("Owen Tabb made it clear that he opposes the levy.", "clear", "he opposes the levy", "Owen Tabb"),
        ("Mara Lindqvist made the case that the bridge should close.", "case", "the bridge should close",
         "Mara Lindqvist"),
        ("Mara Lindqvist raised concerns that the bridge is unsafe.", "concern", "the bridge is unsafe",
         "Mara Lindqvist"),
    ],
)
def test_a_statement_made_clear_or_made_as_a_case_or_concern(
    quotes: Quotes, sentence: str, cue: str, content: str, speaker: str  # noqa: F811
) -> None:
    """`made (it) clear that ...`, `made the case that ...`, `raised concerns that ...`: the subject
    of the verb that makes or raises the statement is its source."""
    q = by_cue(quotes(sentence), cue)
    assert (q.text, q.speaker) == (content, speaker)


def test_it_is_clear_that_names_no_source(quotes: Quotes) -> None:  # noqa: F811
    """`It is clear that ...`: the pronoun anticipates the clause; nobody holds it."""
    rows = indirect(quotes("Meridian won the contract. It is clear that the bridge will close."))
    assert not [q for q in rows if q.cue == "clear" and q.speaker is not None], rows


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "speaker"),
    [
        ("The levy was criticized by Owen Tabb.", "criticize", "The levy", "Owen Tabb"),
        ("The ferry plan is supported by a coalition of harbour towns.", "support", "The ferry plan",
         "a coalition of harbour towns"),
    ],
)
def test_a_passive_with_an_agent_attributes_its_subject(
    quotes: Quotes, sentence: str, cue: str, content: str, speaker: str  # noqa: F811
) -> None:
    """`The plan was criticized by X`: the passive's subject is the content of an object cue, and
    the agent its source."""
    q = by_cue(quotes(sentence), cue)
    assert (q.text, q.speaker) == (content, speaker)


def test_a_relative_pronoun_is_no_content(quotes: Quotes) -> None:  # noqa: F811
    rows = indirect(quotes("The bridge, which was endorsed by Mara Lindqvist, will open in May."))
    assert not [q for q in rows if q.text.lower() in ("which", "that")], rows


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "speaker"),
    [
        ("Voters cheered Mara Lindqvist's decision to rebuild the pier.", "decision", "to rebuild the pier",
         "Mara Lindqvist"),
        ("Reporters asked about Owen Tabb's refusal to disavow the endorsement.", "refusal",
         "to disavow the endorsement", "Owen Tabb"),
    ],
)
def test_a_noun_with_an_infinitive_attributes_it_to_its_possessor(
    quotes: Quotes, sentence: str, cue: str, content: str, speaker: str  # noqa: F811
) -> None:
    """`Obama's decision to jump-start relations`: the infinitive of a decision, refusal, plan or
    promise is its possessor's (attribution_noun_objects.tsv lists the nouns)."""
    q = by_cue(quotes(sentence), cue)
    assert (q.text, q.speaker) == (content, speaker)


def test_a_noun_with_an_infinitive_and_no_source_gives_no_claim(quotes: Quotes) -> None:  # noqa: F811
    rows = indirect(quotes("The decision to close the bridge was made in May."))
    assert not [q for q in rows if q.cue == "decision" and q.speaker is not None], rows


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("According to the harbour survey, the ferry line is once again strongly leading the field.",
         "the ferry line is once again strongly leading the field"),
        ("The island towns would see their fares go down by a third, according to Meridian.",
         "The island towns would see their fares go down by a third"),
    ],
)
def test_according_to_takes_the_whole_clause(quotes: Quotes, sentence: str, content: str) -> None:  # noqa: F811
    """The parse may hang `according to X` on an auxiliary or on a clause that a verb reporting
    nothing takes (`would see fares go down`); the content is still the whole clause."""
    assert by_cue(quotes(sentence), "according to").text == content


def test_the_last_member_of_an_objects_list_the_parse_hangs_on_the_verb_is_content(
    quotes: Quotes,  # noqa: F811
) -> None:
    """`criticized A, B, and C`: the parse may make C a conjunct of the verb; a noun coordinated with a verb
    is a misreading, so C ends the object's list (a verb there is the speaker's next act)."""
    q = by_cue(quotes("Owen Tabb criticized the ferry timetable, the harbour levy, and the new parking rules."),
               "criticize")
    assert q.text == "the ferry timetable, the harbour levy, and the new parking rules"
    q = by_cue(quotes("Owen Tabb criticized the ferry timetable and praised the harbour crews."), "criticize")
    assert q.text == "the ferry timetable"


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("Owen Tabb decided the harbour plan was too costly.", "decide", "the harbour plan was too costly"),
        ("Owen Tabb asked the council about the ferry schedule.", "ask", "the council about the ferry schedule"),
        ("Owen Tabb is looking to win the harbour vote in March.", "look", "to win the harbour vote in March"),
        ("Owen Tabb compared the harbour levy with the old ferry toll.", "compare",
         "the harbour levy with the old ferry toll"),
        ("Owen Tabb concluded by urging the council to reopen the harbour.", "conclude",
         "urging the council to reopen the harbour"),
        ("Many voters identify with Owen Tabb on the harbour question.", "identify", "Owen Tabb"),
    ],
)
def test_complements_the_rescan_of_the_cue_table_added(
    quotes: Quotes, sentence: str, cue: str, content: str  # noqa: F811
) -> None:
    """`decided (that) ...`, `asked X about Y`, `is looking to ...`, `compared A with B`, `concluded by
    urging ...`, `identify with X`: complements of verbs already in the cue table that it did not list."""
    assert by_cue(quotes(sentence), cue).text == content
