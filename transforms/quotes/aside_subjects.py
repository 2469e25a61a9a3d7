"""A subject set off from its verb by asides, when the parse lost it.

`Texas, leading a coalition of 13 states, asked a judge to block the rules`, `Sen. Jo Ames, facing a
spirited challenge in Iowa, a swing state, said ...`, `Speaking in Harlem, Clinton, without naming
him, accused ...`, `Beck, who backed Cruz, last week said ...`: between the subject and its verb
stand a participle phrase, a relative clause, an apposition or a prepositional phrase, each between
commas or dashes (`Mr. Bush - in a line aimed at Trump - declared`), and the parser often hangs the
name on one of them (or on a date before it) and leaves the sentence's main verb without a subject.
The subject is then the first comma- or dash-separated piece of the sentence before the verb that is
nothing but a name phrase (a determiner, adjectives, nouns and a proper name: `But Chris Christie`,
`Col. Steven H. Warren`) naming a person, an organisation or a group; a place (`Texas`) only when no
piece names one of those, and not a place that follows another (`at his pulpit in Burlington,
Iowa,`, `in Alabama, Georgia and Virginia`). A piece with a verb or a preposition (`Speaking in
Harlem`, `In Alexandria`), a date (`Friday`) or a line break is no subject.

understood_subjects.lost_subject reads the name right before the verb (`Jay Holt, the club's
president, suggested`); this rule is asked only when that one finds none.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

# Entity types of a subject piece: who can say or hold something; places only as a last resort.
_SPEAKING = frozenset({"PERSON", "ORG", "NORP"})
_PLACE = frozenset({"GPE"})
# Parts of speech of a piece that is only a name phrase.
_NAME_PHRASE = frozenset({"PROPN", "NOUN", "ADJ", "DET", "NUM", "PART", "CCONJ", "PUNCT", "SPACE"})
_PIECE_PUNCT = frozenset({",", "—", "–", "--"})
_MAX_WORDS = 50  # the asides of one sentence, never a walk over the field
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def subject_before_asides(verb: Token, excluded: Callable[[Token], bool]) -> Token | None:
    """The name of the first comma-separated piece before a finite main verb that has no subject in
    the parse, by the rules of the module's docstring; None when the verb has a subject, is not
    finite or no piece is a name phrase (or the name is excluded: quoted)."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.dep_ != "ROOT" or not finite or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    doc = verb.doc
    start = max(verb.sent.start, verb.i - _MAX_WORDS)
    pieces: list[list[Token]] = [[]]
    for t in doc[start : verb.i]:
        if "\n" in t.text:
            pieces = [[]]
        elif t.text in _PIECE_PUNCT or _spaced_hyphen(t):
            pieces.append([])
        else:
            pieces[-1].append(t)
    if len(pieces) < 3:  # a name, at least one aside, the verb: fewer pieces is no such sentence
        return None
    place = None
    for before, piece in zip([[], *pieces], pieces[:-1], strict=False):
        name = _name(piece)
        if name is None:
            continue
        if name.ent_type_ in _SPEAKING:
            return None if excluded(name) else name
        if not (before and before[-1].ent_type_ in _PLACE):  # `in Burlington, Iowa,`, `Alabama, Georgia`: no subject
            place = place or name
    return None if place is None or excluded(place) else place


def _spaced_hyphen(t: Token) -> bool:
    """A hyphen used as a dash (`Mr. Bush - in a line aimed at Trump - declared`): spaces on both sides."""
    return t.text == "-" and t.i > 0 and bool(t.doc[t.i - 1].whitespace_) and bool(t.whitespace_)


def _name(piece: list[Token]) -> Token | None:
    """The last proper name of a piece that is only a name phrase of a speaker or a place; None for
    any other piece (a verb, a preposition, a date, no proper name)."""
    if not piece or any(t.pos_ not in _NAME_PHRASE for t in piece):
        return None
    names = [t for t in piece if t.pos_ == "PROPN" and t.ent_type_ in _SPEAKING | _PLACE]
    if not names or any(t.pos_ == "PROPN" and t.ent_type_ in ("DATE", "TIME") for t in piece):
        return None
    speaking = [t for t in names if t.ent_type_ in _SPEAKING]
    return (speaking or names)[-1]
