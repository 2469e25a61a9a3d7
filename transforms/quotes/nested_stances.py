"""Nested stances: a belief or stance verb whose clause is what another cue reports is part of that
statement, not a statement of its own.

`Tabb said he supports the plan`, `The council announced it expects a deficit`, `Lindqvist told
reporters Tabb wants a recount`: the verb `supports` (`expects`, `wants`) is the head of the clause
that `said` reports. The reported content is the whole clause (`he supports the plan`), said by the
outer cue's source; the stance inside it is how that source put it, and the text does not report it
as a separate act (the writer vouches only for what Tabb said). The outer statement keeps its row
and the inner stance gives none. A speech verb in that place keeps its row (`Tabb said Lindqvist
told him the port would close`: the telling is an event the source reports, a second attribution),
and so does a stance whose head is no cue with a source (`It is clear he supports the plan`) and a
stance before its frame (`Crews voted to strike, their union said`: the sentence's own main clause,
whose frame the parse often hangs on it the other way round).

Where the rule comes from: on the polnear-dev annotations, a belief-class cue (cue_table.py) that is
the clausal complement (`ccomp`) of another statement's cue with a source was an annotated
attribution with the right source about one time in eight; the outer statement is the one annotated.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from transforms.quotes.cue_table import CUE_CLASSES
from transforms.quotes.types import Statement

_STANCE = CUE_CLASSES[1]  # belief: think, believe, want, support, expect, ...


def without_nested_stances(doc: Doc, statements: Sequence[Statement], cues: Sequence[int]) -> list[Statement]:
    """The statements (in the same order) less each stance whose cue (`cues[k]`: the token index of
    statement k's cue) is the clausal complement, after it, of the cue of a statement with a source
    whose content holds it."""
    sourced: dict[int, list[Statement]] = {}
    for s, i in zip(statements, cues, strict=True):
        if s.attribution is not None:
            sourced.setdefault(i, []).append(s)
    kept = []
    for s, i in zip(statements, cues, strict=True):
        cue = doc[i]
        if s.cue_class == _STANCE and cue.dep_ == "ccomp" and cue.head.i < i and any(
            o is not s and o.start <= cue.idx < o.end for o in sourced.get(cue.head.i, ())
        ):
            continue
        kept.append(s)
    return kept
