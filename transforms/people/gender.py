"""A person's gender as the article's own words show it, with the words that show it: an honorific
or kinship word before a name (`Mrs. Clinton`, `her husband, Bill Clinton`: gender_words.tsv), a
gendered noun describing the person (`spokeswoman Jessica Ditto`: gendered_nouns.tsv), or a personal
pronoun of the narrative whose antecedent is certain: the only person named from the start of the
sentence before it (`Wells Fargo CEO John Stumpf testified. He admitted ...`); a pronoun with two
people in reach (`Trump attacked Clinton. She said`) counts for no one, and quoted words are skipped
(their pronouns belong to the speaker's own story); and the `he`/`she` of an attribution (`she said`)
that speaker resolution pointed at the person. Never a first name, never outside knowledge.

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
from transforms.nlp import doc_text
from transforms.people.descriptions import EntityIndex
from transforms.people.roles import Described
from transforms.quotes import Quote, scan_quotes

GENDERED_NOUNS = mapping("gendered_nouns.tsv", values=("f", "m"))
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

    quoted = {f: _quoted_chars(doc_text(doc)) for f, doc in docs.items()}
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
        for d in described.get(eid, []):
            noun = next((w for w in d.description.words if w in GENDERED_NOUNS), None)
            if noun:
                vote(eid, GENDERED_NOUNS[noun], _STRONG, noun)
    for fld, doc in docs.items():
        for eid, g, words in pronoun_votes(doc, index[fld], quoted[fld]):
            vote(eid, g, _WEAK, words)
    people = {e.entity_id for e in entities if e.label == "PERSON"}
    for q in quotes:  # the `he` of `he said` that speaker resolution pointed at the person
        g = _PRONOUN.get((q.speaker_mention or "").lower())
        if g and q.speaker_entity_id in people:
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


def pronoun_votes(
    doc: Doc, index: EntityIndex, quoted: list[tuple[int, int]]
) -> list[tuple[str, str, str]]:
    """(entity_id, f|m, words) for each personal pronoun of the narrative (not in quotation marks)
    whose antecedent is certain: exactly one person is named from the start of the sentence before
    it up to it, and no other proper noun outside the entities could be a person (`Melania`)."""
    out = []
    for t in doc:
        g = _PRONOUN.get(t.lower_)
        if g is None or _inside(t.idx, quoted):
            continue
        sent = t.sent
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for k in range(t.i - 1, start - 1, -1):  # not across a paragraph break
            if "\n" in doc[k].text:
                start = k + 1
                break
        people, other = set(), False
        for w in doc[start : t.i]:
            entry = index.get(w.i)
            if entry is not None:
                if entry[1] == "PERSON":
                    people.add(entry[2])
            elif w.pos_ == "PROPN" and w.is_title and w.i != sent.start and w.ent_type_ in ("PERSON", ""):
                other = True
        if len(people) == 1 and not other:
            words = " ".join(doc_text(doc)[t.idx : t.idx + 80].split("\n")[0].split()[:3]).rstrip(",.;:!?")
            out.append((people.pop(), g, words))
    return out


def _quoted_chars(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in scan_quotes(text)]


def _inside(char: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= char < b for a, b in ranges)
