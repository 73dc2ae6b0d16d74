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
# Cosine between two documents' centroids, formulas of official texts left
# out (see _shared_subject), from which they are on one subject: documents on
# one subject measure 0.11-0.8 (the shipped seeds 0.20-0.38, a short brief on
# ocean plastics and a report on reefs and fisheries 0.11), documents on
# unrelated subjects 0.02-0.09 (bees, property tax, stars ...; a water
# charter and a health resolution, alike in "member States", 0.05).
RELATED = 0.10

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
    if n_paragraphs < 8 or max_modules <= 1:
        return 1
    return max(2, min(max_modules, round(math.sqrt(n_paragraphs / 2.5))))


def _centroid(indices: list[int], vecs: list[Vector]) -> Vector:
    c: Vector = defaultdict(float)
    for i in indices:
        for t, x in vecs[i].items():
            c[t] += x
    return _normalise(c)


def families(doc_of: list[int], vecs: list[Vector]) -> list[list[int]]:
    """Documents grouped by subject: two documents are related when their
    paragraphs' centroids are at least RELATED alike (and relatedness is
    passed on, so a chain of related documents is one family). Returns, per
    family, its paragraphs' indices; a module never mixes families, so
    documents on unrelated subjects are never merged into one module."""
    docs = sorted(set(doc_of))
    cents = {d: _centroid([i for i, x in enumerate(doc_of) if x == d], vecs) for d in docs}
    parent = {d: d for d in docs}

    def find(d: int) -> int:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    for i, a in enumerate(docs):
        for b in docs[i + 1:]:
            if find(a) != find(b) and _shared_subject(cents[a], cents[b]) >= RELATED:
                parent[find(b)] = find(a)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, d in enumerate(doc_of):
        groups[find(d)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])


# The formulas of official texts, whatever their subject: two documents that
# share only these ("member States", "the Council", "shall") are not on one subject.
_GENRE = frozenset(stem(w) for w in """member members state states government governments party parties article
    articles resolution resolutions assembly council united nations international national shall report reports
    session sessions committee secretary general organization organizations commission convention conventions
    programme programmes country countries regional region secretariat director year years plan plans measure
    measures present paragraph annex decision decisions adopted adopt""".split())


def _shared_subject(a: Vector, b: Vector) -> float:
    """How alike two documents' centroids are in the words of their subject:
    the formulas every official text uses (``_GENRE``) are left out, so a
    water charter and a health resolution are not one subject because both
    speak of "member States"."""
    return sum(x * b.get(k, 0.0) for k, x in a.items() if k not in _GENRE)


def _budget(sizes: list[int], max_modules: int) -> list[int]:
    """Modules per family: what its size calls for, one at least, and no more
    than ``max_modules`` in all unless there are more families than that."""
    ks = [min(module_count(n), n) for n in sizes]
    while sum(ks) > max_modules and max(ks) > 1:
        j = max(range(len(ks)), key=lambda j: (ks[j], j))
        ks[j] -= 1
    return ks


def _kmeans(members: list[int], vecs: list[Vector], k: int) -> list[list[int]]:
    """Spherical k-means over ``members`` with a deterministic start (farthest-point
    seeding from the paragraph nearest their centre); groups of indices."""
    if k <= 1 or len(members) <= 1:
        return [list(members)]
    centre = _centroid(members, vecs)
    first = max(members, key=lambda i: (_dot(vecs[i], centre), -i))
    seeds = [first]
    nearest = {i: _dot(vecs[i], vecs[first]) for i in members}
    while len(seeds) < k:
        nxt = min((i for i in members if i not in seeds), key=lambda i: (nearest[i], i))
        seeds.append(nxt)
        nearest = {i: max(a, _dot(vecs[i], vecs[nxt])) for i, a in nearest.items()}
    centroids = [vecs[i] for i in seeds]
    assign = {i: 0 for i in members}
    for it in range(ITERATIONS):
        new = {i: max(range(k), key=lambda c: (_dot(vecs[i], centroids[c]), -c)) for i in members}
        if new == assign and it > 0:
            break
        assign = new
        groups = [[i for i in members if assign[i] == c] for c in range(k)]
        centroids = [_centroid(g, vecs) if g else centroids[c] for c, g in enumerate(groups)]
    return [g for g in ([i for i in members if assign[i] == c] for c in range(k)) if g]


def document_families(corpus: Corpus) -> dict[str, int]:
    """Document id -> its subject family (see :func:`families`): a module
    reads only documents of one family, whoever wrote the plan."""
    items = [(p.text, di) for di, d in enumerate(corpus.documents) for s in d.sections for p in s.paragraphs]
    items = [it for it in items if word_count(it[0]) >= MIN_WORDS] or items
    if not items:
        return {}
    stems = [[stem(w) for w in _content(t)] for t, _ in items]
    df: Counter[str] = Counter()
    for st in stems:
        df.update(set(st))
    n = len(items)
    idf = {t: math.log((1 + n) / (1 + c)) + 1 for t, c in df.items()}
    vecs = [_normalise({t: (1 + math.log(c)) * idf[t] for t, c in Counter(st).items()}) for st in stems]
    doc_of = [di for _, di in items]
    out: dict[str, int] = {}
    for f, members in enumerate(families(doc_of, vecs)):
        for i in members:
            out[corpus.documents[doc_of[i]].id] = f
    return out


def propose_plan(corpus: Corpus, *, title: str = "", description: str = "", max_modules: int = 8) -> CoursePlan:
    items = [(p.text, s.title, d.entry.title, di) for di, d in enumerate(corpus.documents) for s in d.sections
             for p in s.paragraphs]
    substantial = [it for it in items if word_count(it[0]) >= MIN_WORDS]
    items = substantial or items
    paras = [t for t, _, _, _ in items]
    headings = [h if h and h.strip() and h.strip() != title_ and s_ok(h) else "" for _, h, title_, _ in items]
    doc_of = [di for _, _, _, di in items]
    tokens = [_content(t) for t in paras]
    casing = _casing(paras)
    stems = [[stem(w) for w in ws] for ws in tokens]
    df: Counter[str] = Counter()
    for s in stems:
        df.update(set(s))
    n = len(paras)
    if n == 0:
        return CoursePlan(title=title, description=description, modules=(), proposed=True)
    idf = {t: math.log((1 + n) / (1 + c)) + 1 for t, c in df.items()}
    vecs = [_normalise({t: (1 + math.log(c)) * idf[t] for t, c in Counter(s).items()}) for s in stems]
    caps = [capacity(t) for t in paras]
    fams = families(doc_of, vecs)
    groups: list[list[int]] = []
    for fam, k in zip(fams, _budget([len(f) for f in fams], max_modules)):
        groups += _merge_thin(_kmeans(fam, vecs, k), vecs, caps)
    groups = sorted(groups, key=lambda g: g[0])
    modules: list[ModulePlan] = []
    used_slugs: set[str] = set()
    used_titles: set[str] = set()
    for order, group in enumerate(groups, start=1):
        topics = [_written(_cased(t, casing), [paras[i] for i in group]) for t in _topics(group, tokens, df, n)]
        if not topics:
            topics = ["overview"]
        docs = {doc_of[i] for i in group}
        # a module that is one whole document is best named by the document's title
        whole = corpus.documents[doc_of[group[0]]].entry.title if len(docs) == 1 and \
            len(group) == doc_of.count(doc_of[group[0]]) else ""
        mtitle = _module_title(group, headings, topics, paras, whole, used_titles)
        used_titles.add(mtitle.lower())
        slug = slugify(mtitle, 5)
        base, i = slug, 2
        while slug in used_slugs:
            slug, i = f"{base}-{i}", i + 1
        used_slugs.add(slug)
        modules.append(ModulePlan(slug=slug, title=mtitle, topics=tuple(topics), order=order))
    return CoursePlan(title=title, description=description, modules=tuple(modules), proposed=True)


def propose_course(corpus: Corpus, build, *, title: str = "", description: str = "") -> tuple[CoursePlan, object]:
    """The proposed plan and the course ``build(plan)`` makes of it.

    The capacity estimate is rough: while a module still gets too thin a
    quiz, the plan is proposed again with one module fewer (its paragraphs
    join the nearest module of the same subject). Every round has strictly
    fewer modules, so this ends, at one module per subject at the least:
    unrelated documents are never merged to fatten a quiz.
    """
    from .build import MIN_PROPOSED

    def enough(qs) -> bool:
        # a module's quiz may be short (precision first), but not empty of material
        return len(qs) >= MIN_PROPOSED and len({q.type for q in qs}) >= 2

    plan = propose_plan(corpus, title=title, description=description)
    course = build(plan)
    while len(plan.modules) > 1 and not all(enough(m.quiz.questions) for m in course.modules if not m.assessment):
        fewer = propose_plan(corpus, title=title, description=description, max_modules=len(plan.modules) - 1)
        if len(fewer.modules) >= len(plan.modules):
            break  # only unrelated subjects are left apart
        plan, course = fewer, build(fewer)
    return plan, course


_FACT_RE = re.compile(r"(?<![\w/.-])(?:1[89]\d\d|20\d\d|\d[\d,.]*\s*(?:%|per\s?cent)|\d{2,}[\d,.]*)(?![\w/-])|\b[A-Z]{2,}\b")


def capacity(text: str) -> tuple[int, int]:
    """How many questions a paragraph can carry, roughly: (sentences fit for a
    question, those of them that state a fact)."""
    from . import prose

    usable = facts = 0
    for sent in prose.sentences(text):
        n = len(sent.split())
        if 7 <= n <= 38 and prose.is_prose(sent) and prose.self_contained(sent) and not prose.is_boilerplate(sent):
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
        return _centroid(g, vecs)

    groups = [list(g) for g in groups]
    while len(groups) > 1 and any(thin(g) for g in groups):
        weakest = min(range(len(groups)), key=lambda j: (total(groups[j]), groups[j][0]))
        c = centroid(groups[weakest])
        target = max((j for j in range(len(groups)) if j != weakest),
                     key=lambda j: (_dot(c, centroid(groups[j])), -groups[j][0]))
        groups[target] = sorted(groups[target] + groups[weakest])
        del groups[weakest]
    return groups


# Verbs that follow a subject in policy texts: a bigram ending in one is half a clause.
_VERBS = frozenset("""recommends recommend urges urge notes note calls call requests request decides decide considers
recognizes recognises welcomes welcome encourages encourage invites invite states says shows show finds find reports
estimates suggests provides provide includes include remains remain receives receive prepares prepare adopts adopt
takes take makes make gives give needs need has have is are was were""".split())


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
        if c >= 2 and form(pair[1]).lower() not in _VERBS:  # "Office recommends" is a clause, not a topic
            phrases.append((-weight(c, pair) * 2.0, f"{form(pair[0])} {form(pair[1])}", pair))
    for s, c in uni.items():
        phrases.append((-weight(c, (s,)), form(s), (s,)))
    phrases.sort()
    out: list[str] = []
    covered: set[str] = set()
    for _, text, parts in phrases:
        if any(p in covered for p in parts) or all(p in _GENRE for p in parts):
            continue  # "member States" is in every official text: it finds no subject
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


_BEFORE_NOUN = frozenset("the a an of in on for by with from and or its their this these that those our each every "
                         "all some many most about between among under over into".split())


def _written(topic: str, paras: list[str]) -> str:
    """A two-word topic as the documents write it, with the small word its
    words were read without: "Council Ministers" -> "Council of Ministers"."""
    words = topic.split()
    if len(words) != 2:
        return topic
    pattern = re.compile(rf"\b{re.escape(words[0])}\s+(?:(?:of|for|on|in|and|to)\s+(?:the\s+)?)?{re.escape(words[1])}\b",
                         re.IGNORECASE)
    found = Counter(m.group(0) for text in paras for m in pattern.finditer(text))
    if not found:
        return topic
    # the most frequent writing, the shorter one on a tie
    return " ".join(max(found.items(), key=lambda kv: (kv[1], -len(kv[0])))[0].split())


def _phrase_in(phrase: str, paras: list[str]) -> str:
    """The phrase as the documents write it, where they use it as a noun
    phrase: after an article or a preposition, or opening a sentence
    ("... in the <salt marshes> of ..."), not in "who <keep records>"."""
    words = phrase.split()
    pattern = re.compile(r"(?:^|(?<=[.;:!?(]\s)|\b(\w+)\s+)(" + r"[\s-]+".join(map(re.escape, words)) + r")\b",
                         re.IGNORECASE)
    for text in paras:
        for m in pattern.finditer(text):
            before = (m.group(1) or "").lower()
            if m.group(1) is None or before in _BEFORE_NOUN:
                return m.group(2)
    return ""


def _module_title(group: list[int], headings: list[str], topics: list[str], paras: list[str],
                  whole_document: str, used: set[str]) -> str:
    """A title a trainer can read, always words of the documents: the title
    of the document the module is made of, if it is one whole document; the
    heading most of its paragraphs sit under; else its most distinctive
    phrase of two or more words, as the documents write it; else its key term."""
    texts = [paras[i] for i in group]
    candidates = [whole_document, _heading_title(group, headings)]
    candidates += [_phrase_in(t, texts) for t in topics if len(t.split()) >= 2]
    candidates += [_phrase_in(t, texts) or t for t in topics]
    for c in candidates:
        c = " ".join(c.split())
        if c and c.lower() not in used:
            return c[:1].upper() + c[1:]
    return topics[0][:1].upper() + topics[0][1:]
