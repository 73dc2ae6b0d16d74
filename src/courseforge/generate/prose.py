"""Sentences: a paragraph split into them, and whether one reads as prose on its own.

Pure functions of text (cached per text), shared by the module pages, the
facts and the quiz drafts, so that a page and a question agree about what a
sentence is and whether it can be quoted alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .dates import MONTH

# ---------------------------------------------------------------- splitting

# Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    """e.g i.e al cf vs viz approx ca no nos art arts para paras p pp vol ch sec fig ed eds
    mr mrs ms dr prof st sr jr gen gov rep sen hon rev inc ltd co corp dept div univ assn
    jan feb mar apr jun jul aug sep sept oct nov dec est u.s u.k u.n e.u op ibid""".split()
)
# A candidate boundary: ., ! or ? (with closing quotes or brackets), spaces,
# then what can start a sentence.
_BOUNDARY_RE = re.compile(r"([.!?]+[\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9])")


@lru_cache(maxsize=65536)
def _sentences_cached(text: str) -> tuple[str, ...]:
    text = text.strip()
    if not text:
        return ()
    out: list[str] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        end = m.end(1)
        if m.group(1)[0] == "." and _is_abbreviation(text, m.start(1)):
            continue
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return tuple(out)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation or an initial."""
    m = re.search(r"(\S+)$", text[:dot])
    if not m:
        return False
    word = m.group(1).lstrip("\"'“‘([")
    if re.fullmatch(r"[A-Z]", word) or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        return True  # "John D. and Catherine T. MacArthur", "U.S."
    return word.lower() in ABBREVIATIONS


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, each verbatim (cached per text).

    A rule-based splitter rather than pysbd: pysbd recompiles its regular
    expressions on every call and made generation several times slower; the
    rules here (abbreviations, initials, closing quotes) split the policy
    documents the same way."""
    return list(_sentences_cached(text))


# ---------------------------------------------------------------- words

STOPWORDS = frozenset(
    "a an the of and or for in on to with by at from as its their his her this that these those "
    "is are was were be been it which who whom whose into than then also under over about".split()
)
QUOTES = "\"'“”‘’«»"
# Capitalised only because they start a sentence: "While the Third Committee ..."
LEADING = frozenset(
    """While In On Since As Through With Within Regarding At By For From During Although Outside Under
    After Before Unlike Like Among Both All Several Some Many Each Also And But If When Where Whereas
    Besides Given Following Moreover Further Furthermore Then Thus Finally Lately Still Yet According
    Sometimes Often Usually Generally Currently Today Now Here Recently Later Earlier Previously Once
    Traditionally Typically Normally Occasionally Increasingly Similarly Likewise""".split()
)

# ---------------------------------------------------------------- reading alone

_PRONOUN_START = re.compile(
    r"^(?:It|Its|This|These|That|Those|They|Their|Them|He|She|His|Her|Such|Both|Each|Either|Neither|"
    r"Here|There(?!\s+(?:is|are|was|were|has|have))|Then|Thus|Therefore|Hence|However|But|Yet|Still|"
    r"Also|And|Or|So|Moreover|Furthermore|Further|Finally|Besides|Nevertheless|Indeed|Lately|"
    r"Likewise|Similarly|Otherwise|Instead|Accordingly|Consequently|Alternatively)\b"
)
_DEICTIC = re.compile(
    r"\b(?:this|these|those|the present|the above|the following|the said|the same|the latter|the former)\b"
    r"|\bsuch\b(?!\s+as\b)|\b(?:above|below|aforementioned|hereafter|herein)\b|\bthe Annex\b|\bsee\b"
    r"|\bthe (?:paper|note|document|chapter)\b|,\s+(?:it|they|he|she)\s|\bthen\b(?!\s*,?\s*(?:the|a)\b)"
    r"|^(?:Some|Others|Another|Several|Most|Many|Few)\s+[a-z]+(?<!s)\s",
    re.I,
)
# "The commission meets ...", "The activities involved ...": a common noun
# standing for a body or a thing named in an earlier sentence.
_BACK_REFERENCE = re.compile(
    r"^The\s+(?:proposed\s+|above\s+|said\s+)?(?:commission|forum|organi[sz]ation|institute|council|committee|assembly|"
    r"series|programme|program|division|agency|conference|convention|report|resolution|declaration|note|paper|"
    r"project|initiative|meeting|dialogue|session|activities|programmes|programs|workshops|topics|participants|"
    r"treaty|protocol|body|group|office|fund|plan|study|survey|summit|course|courses)\b"
    r"|^(?:Examples?|Another example|One example|Other examples|Both|Each|Either|Neither|The former|The latter)\b"
    # "For instance, the 2002 report ...": an example of something said before
    r"|^(?:For (?:instance|example)|In particular|Notably),\s+(?:the|its|their)\s+(?![A-Z])"
)
_EARLY_PRONOUN = re.compile(r"^((?:\S+\s+){0,5}?)(?:it|they|he|she|its|their|it[’']s)\b")


def _early_pronoun(s: str) -> bool:
    """A pronoun near the start with no name before it: "Although it is not ..."."""
    m = _EARLY_PRONOUN.match(s)
    if not m:
        return False
    before = m.group(1).split()
    if not before:
        return True
    first = before[0].strip(",")
    named = [w for w in before[1:] if w[:1].isupper()] or ([first] if first not in LEADING and first.lower() not in STOPWORDS else [])
    return not named


_BARE_THE = re.compile(r"^The\s+([A-Z][a-z]+)\b(?!\s+(?:of|for|on|and|[A-Z]))")
# Capitalised words after "The" that are not a shortened name.
_GENERIC_BARE = frozenset("United European World International Global Economic Secretary".split())
# "As a clearing house, by gathering ..." : a list item cut from its sentence
_FRAGMENT = re.compile(r"^(?:As an?|By|Through|To)\s")
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|shall|does|do|did)\b", re.I
)


@lru_cache(maxsize=65536)
def self_contained(sentence: str) -> bool:
    """Whether a sentence can be read without the text around it: no leading
    pronoun or connective ("It", "This", "However"), no "The Forum" standing
    for a name given earlier, no "this", "these", "such", "the above", no
    ", it ..." whose antecedent is elsewhere, no list item cut from its sentence."""
    s = sentence.strip().lstrip(QUOTES + "-–—•* ")
    if not s or not s[0].isupper():
        return False
    if leans_back(s) or _DEICTIC.search(s):
        return False
    if _FRAGMENT.match(s) and not _FINITE.search(s):
        return False
    return True


def leans_back(s: str) -> bool:
    """Whether a sentence (leading quotes and bullets stripped) opens by leaning
    on what came before: a pronoun or connective ("It", "However"), "The Forum"
    standing for a name given earlier ("The Commission has ..."), or a pronoun
    with no name before it ("Although it is not ...")."""
    if _PRONOUN_START.match(s) or _BACK_REFERENCE.match(s) or _early_pronoun(s):
        return True
    m = _BARE_THE.match(s)
    return bool(m and m.group(1) not in _GENERIC_BARE)

_BOILERPLATE = re.compile(
    r"views expressed|do not (?:necessarily )?(?:imply|reflect)|all rights reserved|copyright|https?://|www\.|\.(?:org|com|int)\b|@|Retour à|Bookmark|\bShare\b|Twitter|Facebook|Youtube|RSS|"
    r"table des matières|\bCONTENTS\b|\.{4,}|[<>|#`*_]{1,}|\]\(|\[[^\]]*\]|\bpages?\b\s*\d",
    re.I,
)
_FOOTNOTE = re.compile(r"[a-z)\]][\d¹²³⁴⁵⁶⁷⁸⁹⁰]+(?=[\s.,;:]|$)")


@lru_cache(maxsize=65536)
def is_prose(sentence: str) -> bool:
    """A full sentence rather than a heading, dateline or list entry: at least
    six words, mostly lowercase words, ending with a full stop."""
    ws = sentence.split()
    if len(ws) < 6 or not sentence.rstrip(QUOTES + ")").endswith((".", "!", "?")):
        return False
    if re.match(rf"^(?:\d{{1,2}}\s+)?{MONTH}\s+\d{{4}}\s+[-–]", sentence):
        return False  # "21 December 2012 - General Assembly - Resolution ..."
    lower = sum(1 for w in ws if w[:1].islower())
    return lower / len(ws) >= 0.3


@lru_cache(maxsize=65536)
def is_boilerplate(text: str) -> bool:
    """Navigation, links, markup, tables of contents, footnote markers."""
    if _BOILERPLATE.search(text) or _FOOTNOTE.search(text):
        return True
    letters = re.sub(r"[^A-Za-z]", "", text)
    if letters and len(re.sub(r"[^A-Z]", "", letters)) / len(letters) > 0.5:
        return True  # ALL-CAPS headings
    return False

