"""Where a reported content gives way to the writer, read off a coordinated or subordinate verb: its
form against the content verb's (a verb in the content's tense or sharing its auxiliary goes on with
it; a simple past after a present content is the speaker's next act), a new clause about the source
after a dash or semicolon, and the writer's subordinators (`even as`, `although`). reported_span.py
applies these where it cuts a content's end; reported_nouns.py where a phrase of attribution sits
inside its clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.lexicon import word_list

# Phrases that open the writer's own clause of circumstance at a content's end (`... even as B`).
WRITERS_SUBORDINATORS = word_list("writers_subordinators.txt", phrases=True)
# Marks after which a coordinated clause with its own subject is the writer's next sentence.
BREAKS = frozenset({"—", "–", "--", "-", ";"})


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def finite_form(verb: Token) -> str:
    """The tag of a verb's first auxiliary (`to` for an infinitive), or its own: what tense it is in."""
    aux = next((c for c in verb.children if c.i < verb.i and c.dep_ in ("aux", "auxpass")), None)
    return verb.tag_ if aux is None else ("TO" if aux.lower_ == "to" else aux.tag_)


def past_after_present(conj: Token) -> bool:
    """`said he makes $41,000 a year and questioned how ...`, `urged them to coalesce and tried to ...`: a
    verb in the simple past coordinated with a content verb that is not in the past is in the tense of the
    reporting, so it is the speaker's next act, whatever its verb."""
    head = conj.head
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in head.children):
        return False  # `has been impressed by her and liked ...`: the perfect reaches into the past
    return conj.tag_ == "VBD" and finite_form(conj) == "VBD" and finite_form(head) in (
        "VB", "VBZ", "VBP", "VBG", "MD", "TO")


def shares_auxiliary(conj: Token) -> bool:
    """`would sit Putin down and tell him ...`, `has not held dinners and never called a donor`, `to
    get on a plane and go home`: a coordinated verb in the form the auxiliary or `to` of the verb it is
    coordinated with asks for (a bare verb after a modal or `to`, a participle after `have`) shares it,
    so it is that verb's second predicate, not an act of the reporting verb's subject (`said the ferry
    would run and praised the crews`: `praised` takes no `would`)."""
    head = conj.head
    for aux in head.children:
        if aux.i > head.i or aux.dep_ not in ("aux", "auxpass"):
            continue
        if conj.tag_ == "VB" and (aux.tag_ == "MD" or aux.lower_ == "to"):
            return True
        if conj.tag_ == "VBN" and aux.lemma_.lower() == "have":
            return True
    return False


def third_person_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.text.lower() in ("he", "she", "they")
               for c in verb.children)


def after_a_break(first: Token, before: Token) -> bool:
    """Whether a coordinated clause starts after a dash or semicolon (`... — and he singled out B`,
    `...; B`), with or without `and`/`but`: the writer going on, not the content."""
    if before.text.lower() in ("and", "but"):
        if before.i - 1 <= first.i:
            return False
        before = before.doc[before.i - 1]
    return before.text in BREAKS


def writers_clause(clause: Token) -> bool:
    """`even as B`: an adverbial clause with a subject of its own opened by a writer's subordinator
    (writers_subordinators.txt: the words from the clause's first word to its marker)."""
    if not has_subject(clause):
        return False
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.i < clause.i), None)
    if mark is None:
        return False
    return clause.doc[clause.left_edge.i : mark.i + 1].text.lower() in WRITERS_SUBORDINATORS
