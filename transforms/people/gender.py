"""A person's gender as the article's own words show it, with the words that show it: an honorific
or kinship word before a name (`Mrs. Clinton`, `her husband, Bill Clinton`: gender_words.tsv), a
gendered noun describing the person (`spokeswoman Jessica Ditto`: gendered_nouns.tsv), a personal
pronoun resolved to the person (the `he` of `he said` that speaker resolution pointed at them), or
the first personal pronoun after the person's name as the subject of its sentence, before any other
person is named (`Warren grilled Stumpf ... she said`; quoted words are skipped, their pronouns
belong to the speaker's own story). Never a first name, never outside knowledge.

Honorifics and gendered nouns count three votes, pronouns one; the majority gives the gender, a tie
gives none. The evidence is the words of the strongest vote first seen.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Span

from transforms.entities import Entity
from transforms.entities.gender import GENDER_WORDS
from transforms.entities.names import TITLE_WORDS
from transforms.lexicon import mapping
from transforms.people.descriptions import EntityIndex
from transforms.people.roles import Described
from transforms.quotes import Quote, scan_quotes

GENDERED_NOUNS = mapping("gendered_nouns.tsv")
FEMALE, MALE = "female", "male"
_PRONOUN = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
_WORD = {"f": FEMALE, "m": MALE}
_STRONG, _WEAK = 3, 1


def person_genders(
    docs: Mapping[str, Doc], entities: Sequence[Entity], quotes: Sequence[Quote],
    described: Mapping[str, list[Described]], index: Mapping[str, EntityIndex],
) -> dict[str, tuple[str, str]]:
    """entity_id -> (female|male, evidence words) for the PERSON entities the article genders."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    evidence: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)

    def vote(eid: str, g: str, weight: int, words: str) -> None:
        votes[eid][g] += weight
        best = evidence[eid].get(g)
        if best is None or weight > best[0]:
            evidence[eid][g] = (weight, words)

    quoted = {f: _quoted_chars(doc.text) for f, doc in docs.items()}
    for ent in entities:
        if ent.label != "PERSON":
            continue
        eid = ent.entity_id
        for m in ent.mentions:
            doc = docs.get(m.field)
            span = doc.char_span(m.start, m.end, alignment_mode="expand") if doc is not None else None
            if span is None or not len(span):
                continue
            honorific = _honorific(doc, span)
            if honorific:
                vote(eid, honorific[0], _STRONG, honorific[1])
            pronoun = _subject_pronoun(doc, span, eid, index[m.field], quoted[m.field])
            if pronoun:
                vote(eid, pronoun[0], _WEAK, pronoun[1])
        for d in described.get(eid, []):
            noun = next((w for w in d.description.words if w in GENDERED_NOUNS), None)
            if noun:
                vote(eid, GENDERED_NOUNS[noun], _STRONG, noun)
    for q in quotes:
        g = _PRONOUN.get((q.speaker_mention or "").lower())
        if g and q.speaker_entity_id in votes or (g and q.speaker_entity_id in described):
            vote(q.speaker_entity_id, g, _WEAK, f"{q.speaker_mention} {q.cue or ''}".strip())
    out = {}
    for eid, v in votes.items():
        if v["f"] != v["m"]:
            g = "f" if v["f"] > v["m"] else "m"
            out[eid] = (_WORD[g], evidence[eid][g][1])
    return out


def _honorific(doc: Doc, span: Span) -> tuple[str, str] | None:
    """`Mrs. Clinton`, `Mr Blair`, `her husband, Bill Clinton`: the word and the words up to the name."""
    for t in reversed(doc[max(0, span.start - 4) : span.start]):
        word = t.lower_.rstrip(".")
        if word in GENDER_WORDS and (word != "miss" or t.text[0].isupper()):
            return GENDER_WORDS[word], doc[t.i : span.end].text
        if not (t.is_punct or word in TITLE_WORDS or word in ("the", "late")):
            return None
    return None


def _subject_pronoun(
    doc: Doc, span: Span, eid: str, index: EntityIndex, quoted: list[tuple[int, int]]
) -> tuple[str, str] | None:
    """The first personal pronoun after a name that is its sentence's subject, up to the end of the
    next sentence, unless another person is named first; pronouns in quotation marks are skipped."""
    if span.root.dep_ not in ("nsubj", "nsubjpass") or _inside(span.start_char, quoted):
        return None
    sent = span.root.sent
    nxt = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
    for t in doc[span.end : nxt]:
        if "\n" in t.text and t.i >= sent.end:
            return None
        entry = index.get(t.i)
        if entry is not None and entry[1] == "PERSON" and entry[2] != eid:
            return None
        if t.lower_ in _PRONOUN and not _inside(t.idx, quoted):
            return _PRONOUN[t.lower_], doc[t.i : min(t.i + 3, len(doc))].text
    return None


def _quoted_chars(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in scan_quotes(text)]


def _inside(char: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= char < b for a, b in ranges)
