"""A course plan proposed from the documents themselves (``generate --auto``).

Used when course.yml lists no modules, so generate works on any corpus.
Paragraphs become TF-IDF vectors and are grouped by spherical k-means with a
deterministic start (farthest-point seeding from the paragraph nearest the
corpus centre), so the same documents always give the same plan. Each group
becomes a module whose topics are its most distinctive phrases and whose
title is built from the top two; modules follow the reading order of the
documents.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from ..sources.model import Corpus
from .plan import CoursePlan, ModulePlan
from .text import STOPWORDS, WORD_RE, slugify, stem, word_count, words

MIN_WORDS = 15
ITERATIONS = 12
# What a module needs to yield a quiz of at least 8 questions of 3 types once
# the checks have thrown out many drafts: sentences a question can be built on
# (a sentence stating a fact, such as a date, a figure or an acronym, counts
# one and a half: it gives a choice or numeric question besides a statement).
# No fact is required: key terms give cloze and choice questions too.
MIN_SENTENCES = 10
MIN_FACT_SENTENCES = 0

Vector = dict[str, float]


def _normalise(v: Vector) -> Vector:
    n = math.sqrt(sum(x * x for x in v.values()))
    return {k: x / n for k, x in v.items()} if n else {}


def _dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(k, 0.0) for k, x in a.items())


_WEB = frozenset({"http", "https", "www", "com", "org", "int", "html", "htm", "pdf"})


def _content(text: str) -> list[str]:
    return [w for w in words(text)
            if len(w) > 2 and w not in STOPWORDS and w not in _WEB and not any(c.isdigit() for c in w)]


def module_count(n_paragraphs: int, max_modules: int = 8) -> int:
    """About one module per 20 substantial paragraphs, between 1 and ``max_modules``."""
    if n_paragraphs < 8:
        return 1
    return max(2, min(max_modules, round(math.sqrt(n_paragraphs / 2.5))))


def propose_plan(corpus: Corpus, *, title: str = "", description: str = "", max_modules: int = 8) -> CoursePlan:
    items = [(p.text, s.title, d.entry.title) for d in corpus.documents for s in d.sections for p in s.paragraphs]
    substantial = [it for it in items if word_count(it[0]) >= MIN_WORDS]
    items = substantial or items
    paras = [t for t, _, _ in items]
    headings = [h if h and h.strip() and h.strip() != title_ and s_ok(h) else "" for _, h, title_ in items]
    tokens = [_content(t) for t in paras]
    casing = _casing(paras)
    stems = [[stem(w) for w in ws] for ws in tokens]
    df: Counter[str] = Counter()
    for s in stems:
        df.update(set(s))
    n = len(paras)
    idf = {t: math.log((1 + n) / (1 + c)) + 1 for t, c in df.items()}
    vecs = [_normalise({t: (1 + math.log(c)) * idf[t] for t, c in Counter(s).items()}) for s in stems]
    k = min(module_count(n, max_modules), n) if n else 0
    if k == 0:
        return CoursePlan(title=title, description=description, modules=(), proposed=True)
    centre: Vector = defaultdict(float)
    for v in vecs:
        for t, x in v.items():
            centre[t] += x
    centre = _normalise(centre)
    first = max(range(n), key=lambda i: (_dot(vecs[i], centre), -i))
    seeds = [first]
    nearest = [_dot(v, vecs[first]) for v in vecs]
    while len(seeds) < k:
        nxt = min((i for i in range(n) if i not in seeds), key=lambda i: (nearest[i], i))
        seeds.append(nxt)
        nearest = [max(a, _dot(v, vecs[nxt])) for a, v in zip(nearest, vecs)]
    centroids = [vecs[i] for i in seeds]
    assign = [0] * n
    for _ in range(ITERATIONS):
        new = [max(range(k), key=lambda c: (_dot(v, centroids[c]), -c)) for v in vecs]
        if new == assign and _ > 0:
            break
        assign = new
        sums: list[Vector] = [defaultdict(float) for _ in range(k)]
        for v, c in zip(vecs, assign):
            for t, x in v.items():
                sums[c][t] += x
        centroids = [_normalise(s) if s else centroids[c] for c, s in enumerate(sums)]
    groups = [[i for i in range(n) if assign[i] == c] for c in range(k)]
    groups = _merge_thin([g for g in groups if g], vecs, [capacity(t) for t in paras])
    groups = sorted(groups, key=lambda g: g[0])
    modules: list[ModulePlan] = []
    used_slugs: set[str] = set()
    used_titles: set[str] = set()
    for order, group in enumerate(groups, start=1):
        topics = [_cased(t, casing) for t in _topics(group, tokens, df, n)]
        if not topics:
            topics = ["overview"]
        mtitle = _heading_title(group, headings)
        if not mtitle or mtitle.lower() in used_titles:
            mtitle = _title(topics)
        used_titles.add(mtitle.lower())
        slug = slugify(mtitle, 5)
        base, i = slug, 2
        while slug in used_slugs:
            slug, i = f"{base}-{i}", i + 1
        used_slugs.add(slug)
        modules.append(ModulePlan(slug=slug, title=mtitle, topics=tuple(topics), order=order))
    return CoursePlan(title=title, description=description, modules=tuple(modules), proposed=True)


_FACT_RE = re.compile(r"(?<![\w/.-])(?:1[89]\d\d|20\d\d|\d[\d,.]*\s*(?:%|per\s?cent)|\d{2,}[\d,.]*)(?![\w/-])|\b[A-Z]{2,}\b")


def capacity(text: str) -> tuple[int, int]:
    """How many questions a paragraph can carry, roughly: (sentences fit for a
    question, those of them that state a fact)."""
    from . import extract

    usable = facts = 0
    for sent in extract.sentences(text):
        n = len(sent.split())
        if 7 <= n <= 38 and extract.is_prose(sent) and extract.self_contained(sent) and not extract.is_boilerplate(sent):
            usable += 1
            facts += bool(_FACT_RE.search(sent))
    return usable, facts


def _merge_thin(groups: list[list[int]], vecs: list[Vector], caps: list[tuple[int, int]]) -> list[list[int]]:
    """Merge groups too thin for a quiz of their own into the group nearest in
    content, thinnest first, until every group can carry a quiz (or one is left):
    the number of modules is what the documents can support."""
    def total(g: list[int]) -> tuple[int, int]:
        return sum(caps[i][0] for i in g), sum(caps[i][1] for i in g)

    def thin(g: list[int]) -> bool:
        u, f = total(g)
        return u + f // 2 < MIN_SENTENCES or f < MIN_FACT_SENTENCES

    def centroid(g: list[int]) -> Vector:
        c: Vector = defaultdict(float)
        for i in g:
            for t, x in vecs[i].items():
                c[t] += x
        return _normalise(c)

    groups = [list(g) for g in groups]
    while len(groups) > 1 and any(thin(g) for g in groups):
        weakest = min(range(len(groups)), key=lambda j: (total(groups[j]), groups[j][0]))
        c = centroid(groups[weakest])
        target = max((j for j in range(len(groups)) if j != weakest),
                     key=lambda j: (_dot(c, centroid(groups[j])), -groups[j][0]))
        groups[target] = sorted(groups[target] + groups[weakest])
        del groups[weakest]
    return groups


def _topics(group: list[int], tokens: list[list[str]], df: Counter[str], n: int, size: int = 5) -> list[str]:
    """The group's most distinctive phrases: bigrams first, then single words."""
    uni: Counter[str] = Counter()
    bi: Counter[tuple[str, str]] = Counter()
    surface: dict[str, Counter[str]] = defaultdict(Counter)
    for i in group:
        ws = tokens[i]
        for w in ws:
            surface[stem(w)][w] += 1
        uni.update({stem(w) for w in ws})
        bi.update({(stem(a), stem(b)) for a, b in zip(ws, ws[1:]) if a != b})

    def form(s: str) -> str:
        return min(surface[s].items(), key=lambda kv: (-kv[1], kv[0]))[0]

    members = len(group)

    def weight(count: int, stems: tuple[str, ...]) -> float:
        # share of the group's paragraphs using it, times how rare it is in
        # the corpus: words every paragraph uses ("migration") say nothing
        return (count / members) * sum(math.log((1 + n) / (1 + df[s])) for s in stems) / len(stems)

    phrases: list[tuple[float, str, tuple[str, ...]]] = []
    for pair, c in bi.items():
        if c >= 2:
            phrases.append((-weight(c, pair) * 2.0, f"{form(pair[0])} {form(pair[1])}", pair))
    for s, c in uni.items():
        phrases.append((-weight(c, (s,)), form(s), (s,)))
    phrases.sort()
    out: list[str] = []
    covered: set[str] = set()
    for _, text, parts in phrases:
        if any(p in covered for p in parts):
            continue
        out.append(text)
        covered.update(parts)
        if len(out) >= size:
            break
    return out


def s_ok(heading: str) -> bool:
    """A section heading that can name a module: a few words, not front matter."""
    n = word_count(heading)
    return 1 <= n <= 10 and heading.strip().lower() not in {"introduction", "conclusion", "conclusions", "contents",
                                                            "annex", "references", "summary"}


def _heading_title(group: list[int], headings: list[str]) -> str:
    """The section heading most of the group's paragraphs sit under, if one dominates."""
    counts = Counter(headings[i] for i in group if headings[i])
    if not counts:
        return ""
    best, n = min(counts.items(), key=lambda kv: (-kv[1], group[[headings[i] for i in group].index(kv[0])]))
    if n * 10 < len(group) * 4:  # under 40 %
        return ""
    text = re.sub(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|\(?[ivx]+\)|[A-Z]\.)\s+", "", best.strip())
    return text[:1].upper() + text[1:]


def _casing(texts: list[str]) -> dict[str, str]:
    """Lowercase word -> how the documents usually write it ("unitar" -> "UNITAR")."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for w in WORD_RE.findall(text):
            if w[:1].isupper() and w.lower() != w:
                seen[w.lower()][w] += 1
            else:
                seen[w.lower()][w.lower()] += 1
    out = {}
    for k, c in seen.items():
        form, count = min(c.items(), key=lambda kv: (-kv[1], kv[0]))
        # a capitalised form must clearly dominate: "Population Division" is
        # no reason to write "small Population"
        out[k] = form if count * 3 >= sum(c.values()) * 2 else k
    return out


def _cased(phrase: str, casing: dict[str, str]) -> str:
    """A topic phrase in the documents' casing, unless a capital only started sentences."""
    out = []
    for w in phrase.split():
        form = casing.get(w, w)
        # keep names and acronyms (all caps, or capitalised inside a sentence), not "Migration"
        out.append(form if form.isupper() or form[:1].isupper() and len(form) > 1 else w)
    return " ".join(out)


def _title(topics: list[str]) -> str:
    head = topics[:2]
    text = " and ".join(head) if len(head) == 2 else head[0]
    return text[:1].upper() + text[1:]
