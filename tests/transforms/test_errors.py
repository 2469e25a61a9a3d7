"""The one exception of transforms: its message is the reason recorded for a quarantined file."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.article import parse_article
from transforms.clean import clean_text, decode_bytes
from transforms.errors import QuarantineError

UNUSABLE = [b"", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)), b" date 2023-02-30 WORLD\nH\n\nB.\n"]


@pytest.mark.parametrize("raw", UNUSABLE)
def test_unusable_input_raises_a_quarantine_error_with_a_one_line_reason(raw):
    with pytest.raises(QuarantineError) as caught:
        parse_article(clean_text(decode_bytes(raw)), date(2026, 11, 29))
    assert isinstance(caught.value, ValueError)
    reason = str(caught.value)
    assert reason and "\n" not in reason and len(reason) < 300
