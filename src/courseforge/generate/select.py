"""Passage selection: which paragraphs each module draws on.

Paragraphs are ranked per module with BM25 (Robertson & Zaragoza 2009) over
stems and bigrams of the module's title and topic phrases. Assignment is
greedy over all (module, paragraph) scores, best first, so each paragraph
goes to the module it fits best; a paragraph serves at most ``max_uses``
modules, a module takes at most ``cap`` paragraphs and never two that are
nearly the same text (one report filed twice). Finally every
document that fed no module gives its best paragraph to the module it suits,
so every document is read somewhere in the course. Cost is linear in the
corpus size (one pass to index, postings lists per query term).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..sources.model import Corpus, Paragraph
from .plan import ModulePlan
from .text import content_stems, terms, word_count

MIN_WORDS = 15  # shorter paragraphs are headings, captions or link lists
NEAR_DUPLICATE = 0.8  # share of distinct words above which two paragraphs say the same


@dataclass(frozen=True)
class Passage:
    doc: str
    para: Paragraph
    score: float
    position: int  # reading-order position in the corpus, for stable ties


class BM25:
    """Okapi BM25 over pre-tokenised documents."""

    def __init__(self, docs: list[list[str]], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.lengths = [len(d) for d in docs]
        self.avgdl = (sum(self.lengths) / len(docs)) if docs else 0.0
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            for term, tf in Counter(doc).items():
                self.postings[term].append((i, tf))
        n = len(docs)
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}

    def scores(self, query: list[str]) -> dict[int, float]:
        out: dict[int, float] = defaultdict(float)
        for term, qtf in sorted(Counter(query).items()):
            idf = self.idf.get(term)
            if idf is None:
                continue
            for i, tf in self.postings[term]:
                norm = self.k1 * (1 - self.b + self.b * self.lengths[i] / (self.avgdl or 1))
                out[i] += qtf * idf * tf * (self.k1 + 1) / (tf + norm)
        return out


def module_query(module: ModulePlan) -> list[str]:
    """Query terms: each topic phrase counts once, the title once more."""
    q: list[str] = []
    for phrase in (module.title, *module.topics):
        q.extend(dict.fromkeys(terms(phrase)))
    return q


class Retriever:
    """BM25 over the corpus's substantial paragraphs, queried by module."""

    def __init__(self, corpus: Corpus):
        self.paras: list[tuple[str, Paragraph]] = [(d.id, p) for d in corpus.documents for p in d.paragraphs]
        self.eligible = [i for i, (_, p) in enumerate(self.paras) if word_count(p.text) >= MIN_WORDS]
        self.index = BM25([terms(self.paras[i][1].text) for i in self.eligible])
        from .propose import document_families

        self.family: dict[str, int] = document_families(corpus)  # document id -> subject family

    def scores(self, module: ModulePlan) -> dict[int, float]:
        """Paragraph position -> BM25 score, for paragraphs that match at all."""
        return {self.eligible[j]: v for j, v in self.index.scores(module_query(module)).items() if v > 0}

    def home_family(self, module: ModulePlan) -> int | None:
        """The subject family of the document the module's topics match best."""
        s = self.scores(module)
        if not s:
            return None
        best = min(s.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        return self.family.get(self.paras[best][0])

    def home_families(self, modules) -> list[int | None]:
        return [self.home_family(m) for m in modules]

    def ranked(self, module: ModulePlan) -> list[Passage]:
        """Every matching paragraph of the module's subject, best first."""
        s = self.scores(module)
        home = self.home_family(module)
        return [Passage(self.paras[i][0], self.paras[i][1], round(v, 6), i)
                for i, v in sorted(s.items(), key=lambda kv: (-kv[1], kv[0]))
                if self.family.get(self.paras[i][0]) == home]


def select_passages(
    corpus: Corpus,
    modules: tuple[ModulePlan, ...] | list[ModulePlan],
    *,
    cap: int | None = None,
    max_uses: int = 1,
    min_per_module: int = 4,
    retriever: Retriever | None = None,
) -> dict[str, list[Passage]]:
    """Module id -> its passages, best first."""
    r = retriever or Retriever(corpus)
    paras, eligible = r.paras, r.eligible
    if cap is None:
        # a fair share each, a little more so strong modules are not starved,
        # never so many that one module swallows a large corpus
        cap = max(8, min(24, math.ceil(len(eligible) / max(1, len(modules))) + 2))
    scored: list[tuple[float, int, int]] = []  # (-normalised score, module index, paragraph index)
    raw: dict[tuple[int, int], float] = {}
    for m, module in enumerate(modules):
        s = r.scores(module)
        top = max(s.values(), default=0.0)
        for pi, value in s.items():
            raw[m, pi] = value
            scored.append((-value / top, m, pi))
    scored.sort()
    chosen: dict[int, list[int]] = {m: [] for m in range(len(modules))}
    uses: Counter[int] = Counter()
    signatures: dict[int, frozenset[str]] = {}

    def signature(pi: int) -> frozenset[str]:
        if pi not in signatures:
            signatures[pi] = frozenset(content_stems(paras[pi][1].text))
        return signatures[pi]

    def repeats(m: int, pi: int) -> bool:
        """Near-identical to a passage the module already has (the same text in two seeds)."""
        a = signature(pi)
        for other in chosen[m]:
            b = signature(other)
            if a and b and len(a & b) >= NEAR_DUPLICATE * len(a | b):
                return True
        return False

    # a module reads the documents of its best match's subject: a paragraph of
    # an unrelated document that shares a word of its topics ("plan") is not on it
    home = r.home_families(modules)
    for neg, m, pi in scored:
        if r.family.get(paras[pi][0]) != home[m]:
            continue
        if len(chosen[m]) < cap and uses[pi] < max_uses and not repeats(m, pi):
            chosen[m].append(pi)
            uses[pi] += 1
    # a module whose topics other modules outranked everywhere still needs
    # something to teach: let it share its best paragraphs
    for m in range(len(modules)):
        if len(chosen[m]) < min_per_module:
            for _, mm, pi in scored:
                if mm == m and pi not in chosen[m]:
                    chosen[m].append(pi)
                    if len(chosen[m]) >= min_per_module:
                        break
    # every document feeds at least one module
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, (d, _) in enumerate(paras):
        by_doc[d].append(i)
    fed = {paras[pi][0] for picks in chosen.values() for pi in picks}
    best_by_doc: dict[str, tuple[float, int, int]] = {}
    for neg, m, pi in scored:
        doc = paras[pi][0]
        if doc not in fed and doc not in best_by_doc:
            best_by_doc[doc] = (neg, m, pi)
    for doc in [d.id for d in corpus.documents]:
        if doc in fed:
            continue
        if doc in best_by_doc:
            _, m, pi = best_by_doc[doc]
        else:  # nothing matched any topic: its longest paragraph goes to the emptiest module
            cands = by_doc.get(doc, [])
            if not cands or not modules:
                continue
            pi = max(cands, key=lambda i: (word_count(paras[i][1].text), -i))
            m = min(range(len(modules)), key=lambda k: (len(chosen[k]), k))
        chosen[m].append(pi)
        raw.setdefault((m, pi), 0.0)
    out: dict[str, list[Passage]] = {}
    for m, module in enumerate(modules):
        picks = sorted(chosen[m], key=lambda pi: (-raw[m, pi], pi))
        out[module.id] = [Passage(paras[pi][0], paras[pi][1], round(raw[m, pi], 6), pi) for pi in picks]
    return out
