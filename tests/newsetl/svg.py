"""Reading the SVG charts of the reports back, for the tests."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def svg_of(figure_html: str) -> ET.Element:
    svg = re.search(r"<svg.*</svg>", figure_html, re.S)
    assert svg, figure_html
    return ET.fromstring(svg.group(0))  # well-formed XML, or this raises


def marks(svg: ET.Element) -> list[ET.Element]:
    return [e for e in svg.iter() if e.get("class") == "mark"]
