"""Names in running text: proper names, acronyms and the bodies they name.

The patterns and tests every fact and quiz draft uses to find a name
("International Organization for Migration", "IOM") and to trim it to the
words that are the name.
"""

from __future__ import annotations

import re

from .prose import LEADING, QUOTES, STOPWORDS

# Words allowed inside a proper name ("Organization for Migration").
_CONNECTORS = r"(?:of|for|and|on|the|in|to|against|relating|de|du|des|la|le)"
_NAME_WORD = r"(?:[A-Z](?:[^\W\d_]|['’])*(?:-[^\W\d_]+)*|No\.?\s?\d+)"
NAME = rf"{_NAME_WORD}(?:\s+(?:{_CONNECTORS}\s+){{0,3}}{_NAME_WORD})*"
NAME_RE = re.compile(rf"(?<![\w-]){NAME}")

ACRONYM = r"[A-Z][A-Za-z]{0,2}[A-Z][A-Za-z]{0,8}"  # two capitals at least: IOM, ECOSOC, OSIMs, UNCCs
ACRONYM_TOKEN_RE = re.compile(rf"(?<![\w/.-])({ACRONYM})(?![\w/.-])")


def acronym_letters(acronym: str) -> str:
    """The letters an expansion must cover: "OSIMs" -> "osim"."""
    core = acronym[:-1] if len(acronym) > 2 and acronym.endswith("s") and acronym[-2].isupper() else acronym
    return core.lower()


def is_acronym(token: str) -> bool:
    core = acronym_letters(token)
    return len(core) >= 2 and sum(c.isupper() for c in token) >= max(2, len(core) - 1)


ORG_HEADS = frozenset(
    """Organization Organisation Office Fund Institute Commission Council Committee Assembly Division
    Department Bank Forum Group Programme Program Agency Foundation Union Conference Secretariat Board
    Court Network Partnership Facility Initiative Centre Center Platform Commissioner Sector Section Party""".split()
)


def is_body(name: str) -> bool:
    # the head noun may sit mid-name: "International Organization for Migration"
    return name == "United Nations" or any(w in ORG_HEADS or w.rstrip("s") in ORG_HEADS for w in name.split())


def strip_leading(name: str) -> str:
    ws = name.split()
    while ws and (ws[0] in LEADING or ws[0].lower() in STOPWORDS or ws[0].endswith(("'s", "’s"))):
        ws = ws[1:]
    return " ".join(ws)


# A connector left at the end of a name cut from its sentence: "Convention on".
TRAILING_CONNECTOR_RE = re.compile(r"\s+(?:of|for|and|on|the|in|to|against|relating)$")


def trim_name(name: str) -> str:
    name = name.strip().strip(QUOTES + ",;")
    while True:
        new = TRAILING_CONNECTOR_RE.sub("", name)
        if new == name:
            break
        name = new
    name = re.sub(r"^(?:The|the)\s+", "", name)
    return name

