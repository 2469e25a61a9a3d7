"""Where a field may hold a cue (transforms.quotes.cue_candidates): the positions read
from the Doc's arrays are exactly the tokens a token-by-token reading picks, on realistic text with
quotation marks, `according to`, noun cues, capitalised and auxiliary verbs, and an empty field."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from transforms.quotes.cue_candidates import cue_positions, verb_positions
from transforms.quotes.cue_table import ATTRIBUTION_NOUNS, CUES
from transforms.quotes.cues import REPORTING_VERBS, is_reporting

VERBS = frozenset(lemma for lemma, _ in CUES)
TEXT = (
    "ACCORDING TO the minister, the talks had collapsed. Officials said on Tuesday that the vote was "
    "rigged, a claim the party denied. \"We will not sign,\" Mara Lindqvist told reporters, adding that "
    "she had warned of delays. According to a report by the Harbour Council, costs rose; the council's "
    "warning that rates would rise was repeated. Owen Tabb is expected to announce his decision, "
    "according to aides.\n\nHe Said, She Said: a headline. The accord was signed."
)


def by_token(doc: Doc) -> list[int]:
    """The same positions, read one Token at a time (the reference)."""
    return [
        t.i for t in doc
        if t.lower_ == "according"
        or (t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in VERBS)
        or (t.pos_ == "NOUN" and t.lemma_.lower() in ATTRIBUTION_NOUNS)
    ]


def test_positions_are_the_tokens_a_token_by_token_reading_picks(nlp: Language) -> None:
    doc = nlp(TEXT)
    found = cue_positions(doc, VERBS, ATTRIBUTION_NOUNS)
    assert found == by_token(doc)
    words = [doc[i].lower_ for i in found]
    assert {"said", "told", "according", "claim", "warning"} <= set(words)
    assert "the" not in words and "minister" not in words


def test_lemma_tables_decide_not_the_word_list_baked_in(nlp: Language) -> None:
    doc = nlp("Officials said the vote was rigged, and the party denied it.")
    assert [doc[i].text for i in cue_positions(doc, {"deny"}, {})] == ["denied"]
    assert cue_positions(doc, set(), set()) == []


def test_an_empty_field_has_none(nlp: Language) -> None:
    assert cue_positions(nlp(""), VERBS, ATTRIBUTION_NOUNS) == []


def test_reporting_verbs_are_found_where_is_reporting_would_find_them(nlp: Language) -> None:
    doc = nlp(TEXT)
    found = verb_positions(doc, REPORTING_VERBS)
    assert {t.i for t in doc if is_reporting(t)} <= set(found)
    assert found == [t.i for t in doc if t.pos_ == "VERB" and t.lemma_.lower() in REPORTING_VERBS]
    assert not any(doc[i].pos_ == "AUX" for i in found)
    assert verb_positions(nlp(""), REPORTING_VERBS) == []


def test_adjective_positions_only_when_asked(nlp: Language) -> None:
    doc = nlp("Owen Tabb was critical of the plan.")
    critical = next(t.i for t in doc if t.text == "critical")
    assert critical not in cue_positions(doc, frozenset(), frozenset())
    assert critical in cue_positions(doc, frozenset(), frozenset(), adjective_lemmas=frozenset({"critical"}))
