"""A quotation's own frame right after it: `"We won," Tabb said`, `"We won," said Tabb`.

Reported content may hold a quotation together with the frame that attributes it to someone else
(`"We won," Tabb said, according to the minutes`; PolNeAR annotates the outer attribution over the
quotation and its frame). Such a quotation keeps its own speaker rather than taking the statement's
(transforms.quotes._within_statements): frame_after says where its frame's speaker's words start.
"""

from __future__ import annotations

from transforms.quotes.cues import REPORTING_FORMS
from transforms.quotes.types import Attribution

_FRAME_CHARS = 40  # a frame's verb and its adverbs between the closing mark and the speaker's words
_ENDS = ".!?\n"  # no frame reaches over a sentence's end or a line break
_MARKS = " ,?!—–-\"“”‘’'"  # what separates a quotation from its frame's words


def frame_after(text: str, attr: Attribution, quote_end: int) -> int:
    """Where the words of a quotation's attribution start when they follow it within a frame's
    reach (`"...," he told advisers`, `"...," said Tabb`), the quotation ending its clause with a
    comma, dash, question or exclamation mark; -1 otherwise."""
    if not attr.mention:
        return -1
    window = text[quote_end : quote_end + _FRAME_CHARS + len(attr.mention)]
    at = window.find(attr.mention)
    if at < 0:
        return -1
    between = window[:at]
    inner = text[max(0, quote_end - 3) : quote_end + 2]  # the quotation's last characters and its closing mark
    if any(c in _ENDS for c in between) or not any(c in ",?!—–-" for c in inner + between[:3]):
        return -1
    words = between.strip(_MARKS).split()
    # nothing but the marks, or an inverted frame's verb (`said`) between the quotation and the speaker
    return quote_end + at if not words or (len(words) == 1 and words[0] in REPORTING_FORMS) else -1
