"""Wrong options of the key's own kind: years for a year, acronyms for an
acronym, full names for a full name.

Candidates come from the corpus itself (plausible: the learner has met them)
and are ordered by closeness to the key, ties broken by a seeded hash, so the
choice is deterministic yet not alphabetical. The checks reject any that
could also be right; the caller asks for more than it needs.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from courseforge.generate.names import is_body

from .index import CorpusIndex


def seeded(seed: str, *parts: str) -> int:
    """A stable pseudo-random number from a seed and some text (no global RNG)."""
    h = hashlib.sha256("|".join((seed,) + parts).encode("utf-8")).digest()
    return int.from_bytes(h[:8], "big")


SAMPLE = 60  # candidates looked at per question: enough for three that pass the checks


def sample(items: list[str], seed: str, key: str, keep) -> list[str]:
    """Up to SAMPLE items that ``keep`` accepts, read from a seeded starting
    point of the (sorted) list: deterministic, and bounded however large the corpus."""
    if not items:
        return []
    start = seeded(seed, "start", key) % len(items)
    out = []
    for i in range(len(items)):
        item = items[(start + i) % len(items)]
        if keep(item):
            out.append(item)
            if len(out) >= SAMPLE:
                break
    return out


def years(key: str, idx: CorpusIndex, seed: str, exclude: str = "") -> list[str]:
    """Other years, the corpus's own first (nearest first), then nearby years."""
    k = int(key)
    pool = [y for y in idx.years if y != k and str(y) not in exclude and abs(y - k) <= 30]
    pool.sort(key=lambda y: (abs(y - k), seeded(seed, key, str(y))))
    synthetic = [k + d for d in (-3, 4, -7, 6, -10, 9, 12, -14)]
    out = [str(y) for y in pool]
    out += [str(y) for y in synthetic if str(y) not in out and str(y) not in exclude and y != k]
    return out


def acronyms(key: str, idx: CorpusIndex, seed: str, exclude: str = "") -> list[str]:
    """Other acronyms of bodies, those used across several documents first."""
    # a plural acronym ("OSIMs") would not fit a singular blank, nor the reverse
    plural = key[-1:] == "s" and key[:-1].isupper()
    pool = sample(sorted(idx.body_acronyms), seed, key, lambda a: (
        a != key and not extract_contains(exclude, a) and (a[-1:] == "s" and a[:-1].isupper()) == plural))
    pool.sort(key=lambda b: (-min(idx.body_acronyms[b], 3), seeded(seed, key, b)))
    return pool


def names(key: str, idx: CorpusIndex, seed: str, exclude: str = "", doc: str = "") -> list[str]:
    """Other full names of bodies, of a similar length: those the same
    document names first (the organs of one charter are the plausible
    confusions; a body of another document is easily ruled out)."""
    n = len(key.split())
    pool = sample(idx.organization_names, seed, key, lambda p: (
        p != key and 2 <= len(p.split()) <= n + 3 and not extract_contains(exclude, p)))
    pool.sort(key=lambda p: (doc not in idx.body_docs(p), abs(len(p.split()) - n) > 2, seeded(seed, key, p)))
    return list(dict.fromkeys(pool))


@lru_cache(maxsize=65536)  # asked again and again of the same texts and names
def extract_contains(text: str, part: str) -> bool:
    """Whether ``part`` occurs in ``text`` as whole words (case-insensitive)."""
    if not text or part.casefold() not in _folded(text):
        return False
    return _whole_words(part).search(text) is not None


# A module's drafts ask of the same few paragraphs and documents thousands of
# times: fold each text and compile each pattern once.
@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    return text.casefold()


@lru_cache(maxsize=8192)
def _whole_words(part: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(part)}(?![\w-])", re.I)


def expansions(exclude_acronyms: set[str], idx: CorpusIndex, seed: str, exclude: str = "") -> list[str]:
    """Expansions of acronyms not in the question, for a matching distractor."""
    pool = [
        exp
        for a in idx.acronyms.values()
        if a.acronym not in exclude_acronyms
        for exp in [a.expansion] + [o[0] for o in a.others]
        if is_body(exp) and not extract_contains(exclude, exp)
    ]
    pool.sort(key=lambda p: seeded(seed, "expansion", p))
    return pool


def bodies(keys: list[str], idx: CorpusIndex, seed: str, prefer_acronyms: bool) -> list[str]:
    """Other bodies for a "select all" question: never the key's acronym or
    expansion, never one the documents name beside a key (what is said of one
    may hold for the other); acronyms first when the keys are mostly acronyms."""
    related = {k.casefold() for k in keys}
    for k in keys:
        for form in [idx.expansion_of.get(k), idx.acronym_of.get(k.lower())] + idx.other_expansions.get(k, []):
            if form:
                related.add(form.casefold())
    tag = "|".join(keys)
    acr = sample(sorted(idx.body_acronyms), seed, tag, lambda a: a.casefold() not in related)
    names = sample(idx.organization_names, seed, tag, lambda n: (
        n.casefold() not in related and 2 <= len(n.split()) <= 8 and n not in ("United Nations", "General Assembly")))
    pool = [d for d in (acr + names if prefer_acronyms else names + acr)
            if not any(idx.named_together(d, k) for k in keys)]
    # bodies several documents name first: the learner has met them, and a
    # body named once (often a former name of another) is a riskier wrong answer
    return sorted(dict.fromkeys(pool), key=lambda d: (not (d in idx.body_acronyms) == prefer_acronyms,
                                                     -min(len(idx.body_docs(d)), 3), seeded(seed, tag, d)))
