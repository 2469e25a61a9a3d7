"""Discourse idioms: set phrases on a reporting verb that link the writer's sentences (`That said,`,
`All told,`, `Needless to say,`) and report nobody's statement.

The parse reads `That said, the plan may still work` as `said` with the subject `That` and the rest
of the sentence as its clause, which would make a statement said by `That`. A careful reader takes
the phrase as a sentence adverbial of the writer's. A reporting verb that is one of the words of such
a phrase (the phrases are in lexicon/discourse_idioms.txt), where the phrase opens its sentence (or
follows a conjunction: `But that said,`) and a comma follows it, cues nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.lexicon import word_list

IDIOMS = tuple(tuple(p.split()) for p in word_list("discourse_idioms.txt", phrases=True))
_OPENERS = frozenset({"and", "but", "yet", "so", "still", "or"})


def in_discourse_idiom(verb: Token) -> bool:
    """True when the verb is a word of a discourse idiom that opens its sentence (after at most a
    conjunction) and is followed by a comma."""
    doc = verb.doc
    for words in IDIOMS:
        for k, word in enumerate(words):
            start = verb.i - k
            end = start + len(words)
            if word != verb.lower_ or start < verb.sent.start or end >= len(doc):
                continue
            if tuple(t.lower_ for t in doc[start:end]) != words or doc[end].text != ",":
                continue
            before = doc[verb.sent.start : start]
            if all(t.lower_ in _OPENERS or t.is_punct or t.is_space for t in before):
                return True
    return False
