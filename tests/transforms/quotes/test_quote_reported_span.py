"""The content's ends (transforms.quotes.reported_span): within the cue's paragraph, without a
leading `that` or lone marks, and with the contents coordinated with it. Sentences written for these
tests (fictional people)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from tests.transforms.quotes.mentions import entities
from transforms.quotes import INDIRECT, Quote, field_quotes
from transforms.quotes.context import FieldContext
from transforms.quotes.reported import complements
from transforms.quotes.reported_span import content_span, coordinated_end, trimmed_end

Context = Callable[..., FieldContext]
MARA = ("Mara Lindqvist", "PERSON", ["Mara Lindqvist", "Lindqvist"])
OWEN = ("Owen Tabb", "PERSON", ["Owen Tabb", "Tabb"])


def word(ctx: FieldContext, text: str, nth: int = 0) -> Token:
    return [t for t in ctx.doc if t.text == text][nth]


@pytest.fixture(scope="module")
def statements(nlp: Language) -> Callable[[str], list[Quote]]:
    """The reported rows of a body text mentioning Mara Lindqvist and Owen Tabb, each checked
    against the invariant text == field_text[char_start:char_end]."""

    def run(text: str) -> list[Quote]:
        doc = nlp(text)
        rows = field_quotes("body", doc, entities({"body": doc}, MARA, OWEN))
        assert all(q.text == text[q.char_start : q.char_end] for q in rows), rows
        return [q for q in rows if q.quote_type == INDIRECT]

    return run


def after_said(context: Context, text: str, spec: tuple) -> str | None:
    """The content span of everything after `said` to the end of `text`, as text; None for no span."""
    ctx = context(text, spec)
    said = word(ctx, "said")
    span = content_span(ctx, said.i + 1, len(ctx.doc) - 1, said.i)
    return None if span is None else text[span[0] : span[1]]


def test_content_span_trims_that_punctuation_and_lone_marks(context: Context) -> None:
    assert after_said(context, "Mara Lindqvist said that the bridge would open in May.", MARA) == (
        "the bridge would open in May")
    text = 'Owen Tabb said the plan was "dead on arrival" and would be dropped.'
    # a whole quote keeps its marks
    assert after_said(context, text, OWEN) == 'the plan was "dead on arrival" and would be dropped'


def test_content_span_takes_a_quotation_it_ends_or_starts_inside_whole(context: Context) -> None:
    # the parse may stop a clause at a quoted comma, or start one inside a quotation
    text = 'Mara Lindqvist said the plan was "a gamble, a folly and a waste" and left.'
    ctx = context(text, MARA)
    said, gamble, folly = word(ctx, "said"), word(ctx, "gamble"), word(ctx, "folly")
    start, end = content_span(ctx, said.i + 1, gamble.i, said.i) or (0, 0)
    assert text[start:end] == 'the plan was "a gamble, a folly and a waste"'
    start, end = content_span(ctx, folly.i, folly.i + 3, said.i) or (0, 0)
    assert text[start:end] == '"a gamble, a folly and a waste"'


def test_content_span_takes_no_quotation_past_a_line_break(context: Context) -> None:
    text = 'Mara Lindqvist said the plan was "a gamble\n\nand a waste," the paper wrote.'
    ctx = context(text, MARA)
    said, gamble = word(ctx, "said"), word(ctx, "gamble")
    start, end = content_span(ctx, said.i + 1, gamble.i, said.i) or (0, 0)
    assert text[start:end] == "the plan was \"a gamble"


def test_content_span_of_nothing_but_punctuation_is_none(context: Context) -> None:
    assert after_said(context, "Owen Tabb said: ... !", OWEN) is None


def test_content_span_keeps_to_the_cues_paragraph(context: Context) -> None:
    text = "Mara Lindqvist said the bridge was safe\n\nThe repairs will finish in June"
    assert after_said(context, text, MARA) == "the bridge was safe"


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        # the second content hangs on the verb, with its own `that`
        (
            "Mara Lindqvist said the bridge was safe, and that the ferry would resume in May.",
            "say",
            "the bridge was safe, and that the ferry would resume in May",
        ),
        # `but that`: still the speaker's words, not the writer's contrast
        (
            "Owen Tabb said the levy was high, but that the council had no other choice.",
            "say",
            "the levy was high, but that the council had no other choice",
        ),
        (
            "Owen Tabb believes the port can recover, but that it will take a decade.",
            "believe",
            "the port can recover, but that it will take a decade",
        ),
    ],
)
def test_a_content_coordinated_with_that_is_part_of_the_content(
    statements: Callable[[str], list[Quote]], sentence: str, cue: str, content: str
) -> None:
    rows = [q for q in statements(sentence) if q.cue == cue]
    assert [q.text for q in rows] == [content], rows


def test_a_contrast_while_the_writer_frames_it_is_not_content(statements: Callable[[str], list[Quote]]) -> None:
    rows = statements("Owen Tabb said the levy was high, while the council said it was fair.")
    assert [q.text for q in rows if q.cue == "say"][0] == "the levy was high"


def parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    """A Doc with the parse given (heads as token indices), to pin a rule on one parse whatever
    the model would make of the sentence."""
    pos = ["VERB" if t.startswith("VB") or t == "MD" else "PUNCT" if t in (",", ".") else "X" for t in tags]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_an_adverbial_clause_the_parse_hangs_on_the_verb_ends_the_content() -> None:
    doc = parsed(
        ["Tabb", "said", "the", "plant", "would", "close", ",", "because", "demand", "fell", "."],
        [1, 1, 3, 5, 5, 1, 1, 9, 9, 1, 1],
        ["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct", "mark", "nsubj", "advcl", "punct"],
        ["NNP", "VBD", "DT", "NN", "MD", "VB", ",", "IN", "NN", "VBD", "."],
    )
    assert coordinated_end(doc[1], doc[5]).i == 9  # `... close, because demand fell`


def test_a_reporting_participle_the_parse_hangs_on_the_verb_is_not_content() -> None:
    doc = parsed(
        ["Tabb", "said", "the", "plant", "would", "close", ",", "adding", "that", "jobs", "go", "."],
        [1, 1, 3, 5, 5, 1, 1, 1, 10, 10, 7, 1],
        ["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct", "advcl", "mark", "nsubj", "ccomp", "punct"],
        ["NNP", "VBD", "DT", "NN", "MD", "VB", ",", "VBG", "IN", "NNS", "VBP", "."],
    )
    doc[7].lemma_ = "add"
    assert coordinated_end(doc[1], doc[5]).i == 5


def test_content_span_never_takes_the_body_s_dateline(context: Context) -> None:
    for dateline in ("HARBOURTON - ", "HARBOURTON, Maine — ", "Harbourton (AP) – "):
        text = dateline + "The bridge will open in May, Mara Lindqvist said."
        ctx = context(text, MARA)
        said = word(ctx, "said")
        start, end = content_span(ctx, 0, said.i - 4, said.i) or (0, 0)
        assert text[start:end] == "The bridge will open in May", dateline


def test_a_clause_before_the_subject_is_not_content_when_a_clause_follows_the_verb() -> None:
    # `When the mill town won the fair, Lindqvist felt the town had its pride back.`, as the parse
    # misread a real article: the fronted `when` clause hung on `felt` as a second clausal complement
    doc = parsed(
        ["When", "the", "town", "won", "the", "fair", ",", "Lindqvist", "felt", "the", "town", "had", "its", "pride",
         "back", "."],
        [3, 2, 3, 8, 5, 3, 8, 8, 8, 10, 11, 8, 13, 11, 11, 8],
        ["advmod", "det", "nsubj", "ccomp", "det", "dobj", "punct", "nsubj", "ROOT", "det", "nsubj", "ccomp", "poss",
         "dobj", "advmod", "punct"],
        ["WRB", "DT", "NN", "VBD", "DT", "NN", ",", "NNP", "VBD", "DT", "NN", "VBD", "PRP$", "NN", "RB", "."],
    )
    found = [(kind, doc[first.i : last.i + 1].text) for kind, first, last in complements(doc[8])]
    assert found == [("clause", "the town had its pride back")]
    # with no clause after the verb, a clause before it is its content (`The town won, Lindqvist felt.`)
    doc = parsed(["The", "town", "won", ",", "Lindqvist", "felt", "."], [1, 2, 5, 5, 5, 5, 5],
                 ["det", "nsubj", "ccomp", "punct", "nsubj", "ROOT", "punct"],
                 ["DT", "NN", "VBD", ",", "NNP", "VBD", "."])
    assert [(k, doc[f.i : e.i + 1].text) for k, f, e in complements(doc[5])] == [("clause", "The town won")]


def test_a_trailing_according_to_is_no_part_of_the_verbs_content(statements) -> None:
    text = "Mara Lindqvist said the ferries would run on a reduced timetable, according to a statement on Tuesday."
    said = [q for q in statements(text) if q.cue == "say"]
    assert [q.text for q in said] == ["the ferries would run on a reduced timetable"]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Owen Tabb said he was impressed by the mayor and liked the way she answered the question.",
         "he was impressed by the mayor and liked the way she answered the question"),
        ("The council said it had met the builders and hoped the bridge would open in May.",
         "it had met the builders and hoped the bridge would open in May"),
    ],
)
def test_a_stance_coordinated_in_the_content_is_content(statements: Callable[[str], list[Quote]], sentence: str,
                                                        content: str) -> None:
    """`said A and liked B`: a belief or stance verb the parse hangs on the content's verb goes on with the
    content (only a speech verb there, `... and praised B`, is a second act of the speaker)."""
    assert statements(sentence)[0].text == content


@pytest.mark.parametrize(
    ("sentence", "content", "partial"),
    [
        ('Mara Lindqvist told reporters that the ferry timetable was "a disgrace."',
         'the ferry timetable was "a disgrace."', "a disgrace."),
        ('Owen Tabb called the harbour plan "reckless," and the council agreed.',
         'the harbour plan "reckless,"', "reckless,"),
    ],
)
def test_content_ending_in_a_quotation_takes_its_closing_punctuation_and_mark(
        nlp: Language, sentence: str, content: str, partial: str) -> None:
    """`said X was "a disgrace."`: the quotation's own stop and closing mark end the content (the parse hangs
    them on the cue's clause), so the quoted phrase's partial row lies inside the reported row's text."""
    doc = nlp(sentence)
    rows = field_quotes("body", doc, entities({"body": doc}, MARA, OWEN))
    assert all(q.text == sentence[q.char_start : q.char_end] for q in rows)
    reported = next(q for q in rows if q.quote_type == INDIRECT)
    quoted = next(q for q in rows if q.quote_type != INDIRECT)
    assert (reported.text, quoted.text) == (content, partial)
    assert quoted.text in reported.text


def test_phrases_quoted_from_a_reported_statement_leave_it_a_statement(nlp: Language) -> None:
    """`told reporters that she felt "a lot of pressure" before the "very important vote."`: no one quotation
    holds half the content and the quotations together hold less than three quarters, so the content is a
    statement of its own, holding the quoted phrases' partial rows."""
    text = 'Mara Lindqvist told reporters that she felt "a lot of pressure" before the "very important vote."'
    doc = nlp(text)
    rows = field_quotes("body", doc, entities({"body": doc}, MARA, OWEN))
    reported = [q for q in rows if q.quote_type == INDIRECT]
    assert [q.text for q in reported] == ['she felt "a lot of pressure" before the "very important vote."']
    assert reported[0].speaker == "Mara Lindqvist"
    assert all(q.text in reported[0].text for q in rows if q.quote_type != INDIRECT)


@pytest.mark.parametrize(
    "text",
    ['Owen Tabb said that "the harbour is finally safe again."',
     '"The harbour is safe," Mara Lindqvist said, "and the ferry will run again."'],
)
def test_a_content_of_quotations_is_left_to_their_rows(nlp: Language, text: str) -> None:
    """Half the content in one quotation, or three quarters in several: the quotations' rows stand for it."""
    doc = nlp(text)
    rows = field_quotes("body", doc, entities({"body": doc}, MARA, OWEN))
    assert [q for q in rows if q.quote_type == INDIRECT] == []


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Owen Tabb cited a moral objection to free the delegates from their pledge.",
         "a moral objection to free the delegates from their pledge"),
        ("Mara Lindqvist supports a larger harbour fund to repair the old piers.",
         "a larger harbour fund to repair the old piers"),
    ],
)
def test_an_infinitive_of_purpose_after_the_object_is_content(statements: Callable[[str], list[Quote]],
                                                               sentence: str, content: str) -> None:
    """`supports a larger fund to repair the piers`: the purpose the parse hangs on the verb goes with the object."""
    assert statements(sentence)[0].text == content


def test_what_a_colon_after_the_content_opens_is_content(statements: Callable[[str], list[Quote]]) -> None:
    """`argued that A: B`: the colon spells the content out, to the sentence's end."""
    rows = statements("Owen Tabb argued that the plan was sound: the costs were small and the gains large.")
    assert rows[0].text == "the plan was sound: the costs were small and the gains large"
    rows = statements("Mara Lindqvist said the ferry would run. Two reasons: cost and demand.")
    assert rows[0].text == "the ferry would run"


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Owen Tabb said he would meet the harbour board and tell them to wait.",
         "he would meet the harbour board and tell them to wait"),
        ("Mara Lindqvist said she had met the builders and written to the council about the piers.",
         "she had met the builders and written to the council about the piers"),
    ],
)
def test_a_speech_verb_sharing_the_contents_auxiliary_is_content(statements: Callable[[str], list[Quote]],
                                                                 sentence: str, content: str) -> None:
    """`said he would meet X and tell them ...`: a speech verb in the form the content's modal or `have` asks
    for shares it, so it is the content's second predicate, not a second act of the speaker (`said the ferry
    would run and praised the crews`: `praised` takes no `would`)."""
    assert [q.text for q in statements(sentence) if q.cue == "say"] == [content]


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("Owen Tabb said the ferry would keep running even as the council debated its future.", "say",
         "the ferry would keep running"),
        ("Mara Lindqvist insisted the bridge was safe although inspectors had found rust on its cables.", "insist",
         "the bridge was safe"),
        ("Owen Tabb voted to close the old pier even though the harbour board had asked for a delay.", "vote",
         "to close the old pier"),
    ],
)
def test_the_writers_clause_of_circumstance_ends_the_content(statements: Callable[[str], list[Quote]],
                                                            sentence: str, cue: str, content: str) -> None:
    """`said A even as B`, `... although B`: a clause with its own subject that a writer's subordinator opens
    (writers_subordinators.txt) sets the content against events; it is not the source's words."""
    assert [q.text for q in statements(sentence) if q.cue == cue] == [content]


def test_a_reason_after_the_content_stays_content(statements: Callable[[str], list[Quote]]) -> None:
    rows = statements("Owen Tabb said the ferry would stop because the council had cut its budget.")
    assert [q.text for q in rows if q.cue == "say"] == ["the ferry would stop because the council had cut its budget"]


def test_the_writer_going_on_after_a_dash_ends_the_content() -> None:
    """`said A had misled the town — and he named B`: a clause with `he`, `she` or `they` for subject after
    a dash, even as the parse hangs it on the content's verb, is the writer's next sentence."""
    words = ["Tabb", "said", "Lindqvist", "had", "misled", "the", "town", "—", "and", "he", "named", "her", "aide", "."]
    heads = [1, 1, 4, 4, 1, 6, 4, 4, 4, 10, 4, 12, 10, 1]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "det", "dobj", "punct", "cc", "nsubj", "conj", "poss", "dobj",
            "punct"]
    tags = ["NNP", "VBD", "NNP", "VBD", "VBN", "DT", "NN", ":", "CC", "PRP", "VBD", "PRP$", "NN", "."]
    doc = parsed(words, heads, deps, tags)
    assert trimmed_end(doc[2], doc[12]).i == 6
    # another subject: the annotators mostly keep the clause in the content
    words[9], tags[9] = "crews", "NNS"
    doc = parsed(words, heads, deps, tags)
    assert trimmed_end(doc[2], doc[12]).i == 12


def test_a_contrast_after_but_goes_on_with_the_content(nlp: Language) -> None:
    """`said A, but B` with B hung on A's verb: PolNeAR's annotators mostly keep B in the source's content
    (with `while`, not)."""
    words = ["Tabb", "said", "the", "levy", "was", "high", ",", "but", "the", "council", "cut", "it", "."]
    heads = [1, 1, 3, 4, 1, 4, 4, 4, 9, 10, 4, 10, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "punct", "cc", "det", "nsubj", "conj", "dobj", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "VBD", "JJ", ",", "CC", "DT", "NN", "VBD", "PRP", "."]
    pos = ["VERB" if t.startswith("VB") else "X" for t in tags]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)  # the vocabulary's lower case
    assert trimmed_end(doc[2], doc[11]).i == 11
    words[7] = "while"
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    assert trimmed_end(doc[2], doc[11]).i == 5


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # the past after a present content: the speaker's next act
        ("Owen Tabb said he earns little at the harbour and sold his boat last year.",
         "he earns little at the harbour"),
        ("Owen Tabb said the harbour needs repairs but refused to name the cost.",
         "the harbour needs repairs"),
        # the perfect reaches into the past: its coordinated verb goes on with it
        ("Mara Lindqvist said she has been pleased with the crews and liked their work.",
         "she has been pleased with the crews and liked their work"),
        # the same tense: the content's own second predicate
        ("Owen Tabb said the crews work hard and earn little.", "the crews work hard and earn little"),
    ],
)
def test_a_verb_in_the_past_after_a_present_content_is_the_speakers_act(
        statements: Callable[[str], list[Quote]], sentence: str, content: str) -> None:
    """`said he makes $41,000 a year and questioned how ...`: a simple past coordinated with a content in
    the present, the infinitive or a modal is in the reporting's tense, the speaker's next act."""
    assert [q.text for q in statements(sentence) if q.cue == "say"] == [content]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # `that A, and B`: the content's `that` reaches over the coordinated clause
        ("Owen Tabb argued that the council had ignored the harbour all year, and the crews finally felt they had "
         "to strike.", "the council had ignored the harbour all year, and the crews finally felt they had to strike"),
        # without `that` the clause after `, and` is the writer's
        ("Owen Tabb said the council had ignored the harbour all year, and the crews went on strike.",
         "the council had ignored the harbour all year"),
    ],
)
def test_a_clause_coordinated_after_a_that_content_is_content(statements: Callable[[str], list[Quote]],
                                                              sentence: str, content: str) -> None:
    """`argued that A, and B`: a clause with its own subject coordinated after a content opened by `that`
    (not a second report) goes on with it, though the parse hangs it on the reporting verb."""
    rows = [q for q in statements(sentence) if q.cue in ("argue", "say")]
    assert [q.text for q in rows] == [content]


def test_a_run_on_sentence_gives_contents_of_bounded_length(statements: Callable[[str], list[Quote]]) -> None:
    """A "sentence" of hundreds of clauses with no full stop (a list or transcript pasted without
    punctuation) nests a statement in every clause. Each content stops at MAX_CONTENT_TOKENS, so the
    rows' total length, and the work on them, grow with the sentence, not with its square."""
    from transforms.quotes.reported_span import MAX_CONTENT_TOKENS

    clause = "the senator said that the governor argued the mayor would claim the deal was off"

    def rows(n: int) -> list[Quote]:
        return statements(", and ".join([clause] * n) + ".")

    short, long = rows(150), rows(300)
    assert len(long) >= 2 * len(short) - 3  # every clause still gives its statements
    tokens = [len(q.text.split()) for q in long]
    assert max(tokens) <= MAX_CONTENT_TOKENS
    assert sum(tokens) <= 2.2 * sum(len(q.text.split()) for q in short)
    # the first statement's content runs to the cap, not to the sentence's end
    assert max(tokens) > MAX_CONTENT_TOKENS // 2
