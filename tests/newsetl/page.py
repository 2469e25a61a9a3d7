"""Reading the HTML report back, for the tests."""

from __future__ import annotations

import re


def fetched(html: str) -> list[str]:
    """What the page would load from elsewhere: src attributes and <link> hrefs to hosts, module imports
    and CSS imports or fonts from hosts (plain <a href> links to a host are not loaded)."""
    found = re.findall(r"""<(?:script|img|iframe|link|source|embed)\b[^>]*(?:src|href)=["']?(?:https?:)?//[^"' >]+""",
                       html, re.I)
    found += re.findall(r"""import\s[^;]*?from\s*["'](?:https?:)?//[^"']+""", html)
    found += re.findall(r"""@import[^;]*|url\(\s*["']?(?:https?:)?//[^)]*\)""", html)
    return found
