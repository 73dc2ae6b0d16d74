"""Words for ranking: tokens, a light stemmer, stopwords and bigram terms.

Retrieval and the automatic plan compare paragraphs by these terms. The
stemmer only folds plurals and a few endings so that "remittances" finds
"remittance"; anything cleverer would need language data we do not ship.
"""

from __future__ import annotations

import re
from functools import lru_cache

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

STOPWORDS = frozenset(
    """a about above after again against all also although am an and any are as at be because been
    before being below between both but by can could did do does doing done down during each either
    etc even ever every few for from further had has have having he her here hers herself him himself
    his how however i if in into is it its itself just least less let like may me might more most
    much must my myself no nor not now of off often on once one only or other others otherwise our
    ours ourselves out over own per rather same several shall she should since so some such than
    that the their theirs them themselves then there therefore these they this those though through
    thus to too toward towards under until up upon us very via was we well were what when where
    whether which while who whom whose why will with within without would yet you your yours
    yourself yourselves new many within among amongst including include includes included notably
    particular particularly order way ways number numbers part parts use used using make made
    become became becomes given give gives within""".split()
)


def words(text: str) -> list[str]:
    """Lowercased words (letters and digits), apostrophes kept inside words."""
    return [w.replace("’", "'") for w in WORD_RE.findall(text.lower())]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Fold common English inflections: plurals, -ies, -ing, -ed."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("'s"):
        word = word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4:
        word = word[:-1]
    if word.endswith("ing") and len(word) > 6:
        return word[:-3]
    if word.endswith("ed") and len(word) > 5 and not word.endswith("eed"):
        return word[:-2]
    return word


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning (no stopwords, no one-letter words)."""
    return list(_content_stems(text))


@lru_cache(maxsize=8192)
def _content_stems(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(text) if len(w) > 1 and w not in STOPWORDS)


def terms(text: str) -> list[str]:
    """Index terms: content stems plus bigrams of neighbouring content words.

    Bigrams ("brain drain", "social cohesion") let a topic phrase score higher
    than its words scattered across a paragraph.
    """
    stems = content_stems(text)
    return stems + [f"{a} {b}" for a, b in zip(stems, stems[1:])]


def slugify(text: str, max_words: int = 6) -> str:
    """A lowercase, hyphenated id made of the first words of ``text``."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    parts = [w for w in re.findall(r"[a-z0-9]+", ascii_text.lower()) if w not in {"a", "an", "the", "of", "and"}]
    return "-".join(parts[:max_words]) or "module"


def word_count(text: str) -> int:
    return len(text.split())
