"""The understood subject of a reporting verb that has none in the parse: who backs, shows, says or
denies in a participle, an infinitive or a gerund (the rules of English control, read off the parse).

- a participle modifying a noun is that noun's act: `a group backing Rubio`, `polls showing a tie`,
  `those describing themselves as conservative`;
- an infinitive or participle after the object of a verb of causing (causative_verbs.txt) is the
  object's act: `led Republicans to say`, `forced Tabb to admit`, `left many voters wondering
  whether` (but what a verb of asking asks for is its subject's demand: `urged voters to reject`);
- an infinitive or gerund of a noun is its possessor's act (`his policy of not attacking`, `the
  council's refusal to answer`), else the act of the subject of the verb the noun belongs to (`took
  the step of criticizing`, `has plans to address`, `went out of his way to say`), and one of an
  adjective is the act of the subject of the adjective's verb (`is quick to point out`, `was wrong to
  say`) or of the noun it modifies (`a senator willing to address`).

The last rule may give the verb whose subject to take instead (speakers.py finds it, with its own
rules); a noun that is itself a subject (`efforts to reach him failed`) gives no one. A participle of
an authored noun (`issued a statement saying`) is the noun's act, and speakers.py speaks for the
noun's author: issuing_verb finds who issued it.

A main verb the parse read as a participle of its subject (main_verb_read_as_modifier), a reporting
participle that continues an outer attribution (outer_reporting_verb) and a participle whose subject
the parse lost (subject_nearby) are read here too. A finite main verb the parse left without any
subject (`At Boca West, Jay Holt, the club's president, suggested ...`, where the name went to the
fronted phrase) takes the name right before it (lost_subject).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from transforms.lexicon import word_list
from transforms.quotes.cue_table import ISSUING_VERBS
from transforms.quotes.cues import is_cue_verb, is_reporting

CAUSATIVE_VERBS = word_list("causative_verbs.txt")
# Nouns whose author speaks through them (`a study by Harvard found`, `issued a statement saying`).
AUTHORED_NOUNS = word_list("authored_nouns.txt")
_VERB_TAGS = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
# Links from a noun up to the word it belongs to, on the way to a verb.
_NOUN_UP = frozenset({"dobj", "pobj", "attr", "oprd", "appos", "conj", "npadvmod", "dative", "prep", "pcomp"})
# Links from an adjective to the verb whose subject it describes (`is quick to`, `seemed eager to`).
_ADJECTIVE_UP = frozenset({"acomp", "oprd", "xcomp", "ccomp", "conj"})
_MAX_STEPS = 6  # a verb a few words up the tree, never a walk over the sentence


def understood_subject(verb: Token, excluded: Callable[[Token], bool]) -> Token | None:
    """The token whose act the verb is, by the first two rules of the module's docstring; None when
    none applies or the token is excluded (quoted)."""
    found = _participle_of_noun(verb) or _object_caused(verb)
    if found is None or excluded(found):
        return None
    return found


def host_subject(verb: Token, excluded: Callable[[Token], bool]) -> tuple[Token | None, Token | None]:
    """For an infinitive or gerund of a noun or an adjective, by the last rule of the module's
    docstring: (subject, None) when a word names who acts (`his policy of not attacking` -> his,
    `a senator willing to address` -> senator), (None, verb) when the subject of a verb up the tree
    does (`took the step of criticizing` -> took), (None, None) when the verb hangs on no noun or
    adjective, or the noun is a subject or the sentence's head."""
    head = _host(verb)
    for _ in range(_MAX_STEPS if head is not None else 0):
        if head.pos_ in _VERB_TAGS:
            return None, head
        if head.pos_ == "ADP" and head.dep_ in ("prep", "agent"):
            up = head.head
        elif head.pos_ in ("NOUN", "PROPN"):
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return (None if excluded(owner) else owner), None
            up = head.head if head.dep_ in _NOUN_UP else head
        elif head.pos_ == "ADJ":
            if head.dep_ == "amod" and head.head.pos_ in _NOMINAL:
                return (None if excluded(head.head) else head.head), None
            up = head.head if head.dep_ in _ADJECTIVE_UP else head
        else:
            break
        if up.i == head.i:
            break
        head = up
    return None, None


def _host(verb: Token) -> Token | None:
    """The noun, adjective or preposition an infinitive or gerund hangs on, when it does: `policy`
    in `policy of not attacking`, `quick` in `quick to point out`; None otherwise."""
    head = verb.head
    if head.i == verb.i:
        return None
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ in ("acl", "relcl") and infinitive and head.pos_ in ("NOUN", "PROPN"):
        return head
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ":
        return head
    gerund = verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.pos_ == "ADP"
    if gerund and head.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return head.head
    return None


def _participle_of_noun(verb: Token) -> Token | None:
    """`a group backing Rubio`: a present participle right after the noun it modifies. Not after a
    comma (`called a vote, declaring ...`: the parse hangs an adverbial on the nearest noun), not on
    a noun of when or where (`at one point calling`, `during the convention showing`), and not on an
    object unless it is authored (`carried signs saying` is the signs', `issued a statement saying` the
    statement's, whose author speakers.py finds; `took turns rebutting` is not the turns'). After an
    authored object's addressee it is the object's: `sent an email to supporters saying`."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or head.pos_ not in _NOMINAL or head.i > verb.i:
        return None
    if verb.i > 0 and verb.doc[verb.i - 1].is_punct:
        return None
    prep = head.head
    if head.dep_ == "pobj" and prep.lower_ in ("at", "during"):
        return None
    if head.dep_ == "pobj" and prep.lower_ == "to" and prep.head.pos_ == "VERB":
        sent = next((c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i), None)
        if sent is not None and sent.lemma_.lower() in AUTHORED_NOUNS:
            return sent
    if head.dep_ in ("dobj", "attr") and head.lemma_.lower() not in AUTHORED_NOUNS:
        return None
    return head


def issuing_verb(noun: Token) -> Token | None:
    """The verb whose subject issued an authored noun: `Tabb issued a statement` (the noun the
    object of an issuing verb, issuing_verbs.txt) or `Tabb said in a statement` (the noun after `in`,
    `during` or `at` of a verb); None otherwise."""
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in ISSUING_VERBS:
        return head
    if noun.dep_ == "pobj" and head.lower_ in ("in", "during", "at") and head.head.pos_ == "VERB":
        return head.head
    return None


def _object_caused(verb: Token) -> Token | None:
    """`led Republicans to say`: the object, before the verb, of a verb of causing."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.pos_ != "VERB" or head.lemma_.lower() not in CAUSATIVE_VERBS:
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i and c.pos_ in _NOMINAL), None)




# Entity types a lost subject may have: who can say or hold something (not a place, a date).
_SPEAKING_TYPES = frozenset({"PERSON", "ORG", "NORP"})
# Words between a verb and its lost subject: adverbs (`also`, `then`), negations and auxiliaries.
_BETWEEN = frozenset({"advmod", "neg", "aux", "auxpass", "punct", "cc", "prt"})
# Parts of speech of the noun phrases (a name, its apposition) before a verb that lost its subject.
_PHRASE_TAGS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "NUM", "PART", "PUNCT", "CCONJ", "SPACE", "ADP"})
# Prepositions inside such a description (`a military spokesman in Baghdad`, `Democrat of Tennessee`).
_DESCRIPTION_PREPOSITIONS = frozenset({"of", "for", "at", "in", "from", "with"})
_PHRASE_WORDS = 14


def lost_subject(verb: Token, excluded: Callable[[Token], bool]) -> Token | None:
    """The subject of a finite main verb that has none in the parse (or only a quoted word): past
    adverbs, commas and a bracket (`Tabb (D-Ore.) said`), in the noun phrases right before the verb
    the last person named, else the last organisation or group (`Jay Holt, the club's president and
    manager, suggested` -> Holt; places of a description are passed: `Col. Owen Tabb, a spokesman in
    Baghdad, said` -> Tabb), or a noun the parse compounded with the verb (`election records show`).
    None when the words before the verb are no such phrase (a place, a date, a clause), or the name
    is excluded."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.dep_ != "ROOT" or not finite:
        return None
    # a quoted word the parse made the subject (`"..., Mr. President," Tabb told ...`) is none
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") and not excluded(c) for c in verb.children):
        return None
    doc, i, start = verb.doc, verb.i - 1, verb.sent.start
    while i >= start:
        t = doc[i]
        if t.text == ")":  # a bracket after the name: `(R-S.C.)`
            while i >= start and doc[i].text != "(":
                i -= 1
        elif not (t.dep_ in _BETWEEN or t.is_punct or t.is_space):
            break
        i -= 1
    if i < start:
        return None
    if doc[i].dep_ == "compound" and doc[i].head.i == verb.i and doc[i].pos_ in ("NOUN", "PROPN"):
        return None if excluded(doc[i]) else doc[i]
    found = None
    for t in reversed(doc[max(start, i - _PHRASE_WORDS) : i + 1]):
        if "\n" in t.text or t.pos_ not in _PHRASE_TAGS or excluded(t):
            break
        if t.pos_ == "ADP" and t.lower_ not in _DESCRIPTION_PREPOSITIONS:
            break
        if t.pos_ == "PROPN" and t.ent_type_ and t.dep_ == "pobj":
            continue  # the place of a description (`a spokesman in Baghdad`, `Democrat of Tennessee`)
        if t.pos_ == "PROPN" and t.ent_type_ == "PERSON":
            return t  # a person named in the phrases is the speaker, before any group they belong to
        if t.pos_ == "PROPN" and t.ent_type_ in _SPEAKING_TYPES:
            found = found or t
        elif t.pos_ == "PROPN" and t.ent_type_ and found is None:  # a place or a date before the verb: no one to name
            return None
    return found


def main_verb_read_as_modifier(verb: Token) -> bool:
    """A parse that reads a sentence's main verb as a participle modifying its subject, leaving the
    subject the sentence's root (`A Quinnipiac University poll found last week that ...`): a verb
    with a clause of its own can only be the main verb there."""
    head = verb.head
    return (
        verb.dep_ == "acl" and head.dep_ == "ROOT" and head.i < verb.i and head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


# Subordinators of a participle that goes on with what its outer speaker says (`said ... while
# adding`, `before adding`, `after noting`).
_CONTINUING_MARKS = frozenset({"while", "before", "after"})


def outer_reporting_verb(verb: Token) -> Token | None:
    """A reporting participle after a comma at the end of reported content (`X said Y will have to
    choose, saying ...`, `X denied the notion that Y was coming, explaining ...`), or after `while`,
    `before`, `after` with or without one (`X insisted it was too early to back Y while adding ...`):
    the parse hangs it on the content's verb, but in news copy it continues the outer attribution, so
    its speaker is the outer verb's. Likewise a reporting verb conjoined to the content without a
    subject of its own (`X said the economy would rebound and praised Kerry`, `... but conceded
    that ...`, `X said A - ... - but said B`). Returns that outer verb, or None."""
    if verb.left_edge.i == 0:
        return None
    before = verb.doc[verb.left_edge.i - 1]
    first = verb.left_edge
    marked = first.dep_ == "mark" and first.head.i == verb.i and first.lower_ in _CONTINUING_MARKS
    # the parse also reads the subordinator as a preposition: `before/prep adding/pcomp`
    after_prep = verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in _CONTINUING_MARKS
    participle = verb.tag_ == "VBG" and (
        (verb.dep_ == "advcl" and (before.text == "," or marked)) or after_prep
    ) and (is_reporting(verb) or is_cue_verb(verb))
    conjoined = verb.dep_ == "conj" and before.lower_ in ("and", "but") and is_cue_verb(verb) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    if not (participle or conjoined):
        return None
    clause = verb.head.head if after_prep else verb.head
    if participle and is_reporting(clause) and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None  # `"...," Mr. Tabb said, referring to ...`: the participle goes on with that attribution
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    outer = clause.head
    if clause.dep_ in ("acl", "ccomp") and outer.pos_ == "NOUN" and outer.dep_ in ("dobj", "pobj"):
        outer = outer.head.head if outer.dep_ == "pobj" else outer.head  # `denied the notion that ...`
        if outer.pos_ == "VERB" and outer.i < clause.i and (is_reporting(outer) or is_cue_verb(outer)):
            return outer
        return None
    if clause.dep_ == "ccomp" and outer.i < clause.i and (is_reporting(outer) or is_cue_verb(outer)):
        return outer
    return None


def subject_nearby(verb: Token, excluded: Callable[[Token], bool]) -> Token | None:
    """When the parse lost a participle's subject (`..., writing "..."`): the subject of the clause
    before it."""
    if verb.tag_ == "VBG":
        for t in reversed(verb.doc[verb.sent.start : verb.i]):
            if excluded(t):
                break
            if t.dep_ == "nsubj" and t.head.pos_ in ("VERB", "AUX"):
                return t
    return None
