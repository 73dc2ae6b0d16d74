"""Dates as the documents write them: months, years and the date expressions around them.

Shared by the facts (dated events, figures, dated items), the prose tests (a
dateline is not prose) and the quiz drafts (which years to blank)."""

from __future__ import annotations

import re

MONTHS = (
    "January February March April May June July August September October November December".split()
)
MONTH = "(?:" + "|".join(MONTHS) + ")"
YEAR = r"(?:1[89]\d\d|20\d\d)"
# The longest date expression first: "3 and 4 October 2013", "22 November 2012",
# "September 1994", "2007-2008", "1949".
DATE_RE = re.compile(
    rf"(?<![\w/.-])(?:(?:\d{{1,2}}(?:\s*(?:-|–|and|to)\s*\d{{1,2}})?\s+{MONTH}(?:\s*(?:-|–|to)\s*\d{{1,2}}\s+{MONTH})?\s+)"
    rf"|(?:{MONTH}\s+(?:\d{{1,2}}(?:\s*(?:-|–|and|to)\s*\d{{1,2}})?,?\s+)?))?({YEAR})(?:\s*[-–]\s*({YEAR}|\d\d))?(?![\w/-]|\.\d)"
)


def inside_reference(text: str, start: int, end: int) -> bool:
    """A year inside a document symbol, URL or title ("A/RES/67/219", "Report 2002")."""
    left = text[max(0, start - 12) : start]
    right = text[end : end + 3]
    return bool(re.search(r"[/.:]\S*$", left) or right.startswith(("/", ")/")) or re.search(r"\b(?:Report|No\.?)\s+$", left))

