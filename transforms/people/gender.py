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

from spacy.tokens import Doc, Span, Token

from transforms.entities import Entity
from transforms.entities.gender import GENDER_WORDS
from transforms.entities.names import TITLE_WORDS
from transforms.lexicon import mapping
from transforms.nlp import doc_text
from transforms.people.descriptions import ROLE_TITLES, EntityIndex
from transforms.people.roles import Described
from transforms.quotes import Quote, scan_quotes

GENDERED_NOUNS = mapping("gendered_nouns.tsv", values=("f", "m"))
FEMALE, MALE = "female", "male"
_PRONOUN = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
_WORD = {"f": FEMALE, "m": MALE}
_STRONG, _WEAK = 3, 1
# Clause links a pronoun's binder is looked for across (see _binder).
_CLIMB = frozenset({"ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "pcomp", "prep", "pobj", "dobj", "appos"})


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
    it up to it, and no other proper noun outside the entities could be a person (`Melania`; a title
    such as `Gov.` or `Speaker` is none)."""
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
            elif (w.pos_ == "PROPN" and w.is_title and w.i != sent.start and w.ent_type_ in ("PERSON", "")
                  and not _title_word(w)):
                other = True
        person = people.pop() if len(people) == 1 and not other else _binder(t, index, quoted)
        if person is not None:
            words = " ".join(doc_text(doc)[t.idx : t.idx + 80].split("\n")[0].split()[:3]).rstrip(",.;:!?")
            out.append((person, g, words))
    return out


def _binder(pronoun: Token, index: EntityIndex, quoted: list[tuple[int, int]]) -> str | None:
    """The person a pronoun is bound to by the sentence's structure when the window rule cannot say:
    the named subject of the clause that holds the pronoun's clause (`Gov. Pat McCrory said it would
    be improper for him to speak`, `X stressed that his client`), or of its own clause for a
    possessive (`Johnson did not identify a location in his remarks`). A subject or object pronoun
    never means its own clause's subject (`Clinton told her`); the climb stops at any other subject
    (`the woman said he`), and at a participle without one (`Trump attacked Clinton, saying she`,
    where `she` is Clinton), and the subject must be one name (not `Mrs. Clinton and Bill Clinton`)
    with no other person or pronoun between it and the pronoun. Returns the entity id, or None."""
    if pronoun.lower_ in ("himself", "herself"):  # `Stumpf himself`: emphatic, bound to the name beside it
        return None
    verb = _verb_above(pronoun)
    if verb is not None and pronoun.dep_ not in ("poss", "nsubj", "nsubjpass"):
        own_subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        # an object never means its clause's subject, and that subject may be implied (`Blige sings to
        # Clinton before asking her`) or a relative pronoun standing for the name above (`Erin Murphy,
        # a former aide who accompanied her`): the subject above is then the one excluded
        if own_subject is None or own_subject.lower_ in ("who", "that", "which"):
            return None
    own = True
    while verb is not None:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                        and not c.left_edge.i <= pronoun.i <= c.right_edge.i), None)  # `his client was`
        if subject is not None and not (own and pronoun.dep_ != "poss"):
            if subject.lower_ in ("it", "there") and subject.i < verb.i:  # `it would be improper for him`
                pass
            elif _PRONOUN.get(subject.lower_, _PRONOUN[pronoun.lower_]) != _PRONOUN[pronoun.lower_]:
                pass  # `Shelby said he refused to follow her commands`: `he` is someone else
            else:
                person = _named_person(subject, index)
                if person is None or _inside(subject.idx, quoted) or any(c.dep_ == "conj" for c in subject.children):
                    return None
                return person if _alone(subject, pronoun, person, index) else None
        elif subject is None and not own and verb.dep_ == "advcl" and verb.tag_ == "VBG":
            return None
        if verb.dep_ not in _CLIMB or verb.head.i == verb.i:
            return None
        verb, own = _verb_above(verb), False
    return None


def _alone(subject: Token, pronoun: Token, person: str, index: EntityIndex) -> bool:
    """The subject comes before the pronoun, with no other person named and no other personal pronoun
    of its gender between them (`Warren grilled CEO John Stumpf for his role`, `Sanders challenged
    her when she ran`)."""
    if subject.i > pronoun.i:  # `by calling out Clinton on her attack, Axelrod`: a fronted clause
        return False
    for t in subject.doc[subject.right_edge.i + 1 : pronoun.i]:
        entry = index.get(t.i)
        if (entry is not None and entry[1] == "PERSON" and entry[2] != person) or (
                _PRONOUN.get(t.lower_) == _PRONOUN[pronoun.lower_]):
            return False
    return True


def _verb_above(t: Token) -> Token | None:
    """The nearest verb at or above the token's head (itself excluded)."""
    h = t.head
    for _ in range(8):
        if h.pos_ in ("VERB", "AUX"):
            return h
        if h.head.i == h.i:
            return None
        h = h.head
    return None


def _named_person(subject: Token, index: EntityIndex) -> str | None:
    """The PERSON entity a subject names: itself or its apposition (`An attorney for Pagliano, Mark MacDougall,`)."""
    for t in [subject, *(c for c in subject.children if c.dep_ in ("appos", "compound", "flat"))]:
        entry = index.get(t.i)
        named = t is subject or t.dep_ == "appos" or subject.pos_ == "PROPN"
        if entry is not None and entry[1] == "PERSON" and named:
            return entry[2]
    return None


def _title_word(t) -> bool:
    """A title before a name (`Gov.`, `Speaker`, `Senator`) or a party tag's letter (`(R-IN)`): no
    other person the pronoun could mean."""
    word = t.lower_.rstrip(".")
    return word in TITLE_WORDS or word in ROLE_TITLES or (len(t.text) == 1 and t.text.isupper())


def _quoted_chars(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in scan_quotes(text)]


def _inside(char: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= char < b for a, b in ranges)
