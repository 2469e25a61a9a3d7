"""Sources the text gives without naming them: a speaking `it` whose antecedent is no entity.

`"I am still Sanders," it read.`, `It said the company had complied.`: the pronoun stands for a
text of an earlier sentence (a sign, a statement, an ad) that the article's entities do not hold, so
speakers.resolve_speaker finds no antecedent. An unresolved `it` is dropped as a speaker in general
(`it shows ...`, `it means ...` are most often about facts), but as the finite subject of a verb of
saying or writing (text_speech_verbs.txt) it is the source as the text gives it, as PolNeAR's
annotators take it: the row keeps `it` as the speaker's words and no resolved speaker. An `it` that
reads (`"Stay home," it read`) is always a text: it is not resolved to an organisation or a place.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.lexicon import word_list
from transforms.quotes.types import Attribution

TEXT_SPEECH_VERBS = word_list("text_speech_verbs.txt")
# Verbs whose subject `it` is always a text, never an organisation or a place the pronoun could
# otherwise resolve to (`"Stay home," it read`): speakers.resolve_speaker does not look for one.
TEXT_ONLY_VERBS = word_list("text_only_verbs.txt")
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def speaking_it(subject: Token, cue: str | None) -> Attribution | None:
    """The Attribution `it` (no speaker, no entity) for an `it` that is the subject (`nsubj`) of a
    finite verb of saying or writing whose lemma is the cue (`it read`, `it would say`); None for
    any other `it` (an object, a gerund's or infinitive's subject, `it shows`)."""
    verb = subject.head
    if subject.lower_ != "it" or subject.dep_ != "nsubj" or cue is None or cue not in TEXT_SPEECH_VERBS:
        return None
    if verb.lemma_.lower() != cue or verb.pos_ != "VERB":
        return None
    if verb.tag_ not in _FINITE and not any(c.dep_ == "aux" and c.lower_ != "to" for c in verb.children):
        return None
    return Attribution(mention=subject.text, speaker=None, entity=None, cue=cue)
