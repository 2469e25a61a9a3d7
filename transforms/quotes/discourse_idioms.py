"""Discourse idioms: set phrases on a reporting verb that link the writer's sentences (`That said,`,
`All told,`, `Needless to say,`) and report nobody's statement.

The parse reads `That said, the plan may still work` as `said` with the subject `That` and the rest
of the sentence as its clause, which would make a statement said by `That`. A careful reader takes
the phrase as a sentence adverbial of the writer's. A reporting verb that is one of the words of such
a phrase (the phrases are in lexicon/discourse_idioms.txt), where the phrase opens its sentence or a
clause after a semicolon, colon or dash (after at most a conjunction: `But that said,`, `The plan
failed; that said,`) and a comma follows it, cues nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from transforms.lexicon import word_list

IDIOMS = tuple(tuple(p.split()) for p in word_list("discourse_idioms.txt", phrases=True))
_OPENERS = frozenset({"and", "but", "yet", "so", "still", "or"})
# Marks after which a new clause of the writer's opens inside the sentence (`The plan failed; that
# said, it may work`).
_CLAUSE_MARKS = frozenset({";", ":", "—", "–", "--"})


def in_discourse_idiom(verb: Token) -> bool:
    """True when the verb is a word of a discourse idiom that opens its sentence or a clause after
    `;`, `:` or a dash (after at most a conjunction) and is followed by a comma."""
    doc = verb.doc
    for words in IDIOMS:
        for k, word in enumerate(words):
            start = verb.i - k
            end = start + len(words)
            if word != verb.lower_ or start < verb.sent.start or end >= len(doc):
                continue
            if tuple(t.lower_ for t in doc[start:end]) != words or doc[end].text != ",":
                continue
            if _opens_a_clause(doc, verb.sent.start, start):
                return True
    return False


def _opens_a_clause(doc: Doc, sent_start: int, start: int) -> bool:
    """True when the words before token `start` back to its sentence's start, or to a semicolon,
    colon or dash, are at most conjunctions and punctuation."""
    for t in reversed(doc[sent_start:start]):
        if t.text in _CLAUSE_MARKS:
            return True
        if not (t.lower_ in _OPENERS or t.is_punct or t.is_space):
            return False
    return True
