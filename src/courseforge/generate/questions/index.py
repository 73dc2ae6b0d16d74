"""What the question checks look up in the whole corpus, built once per corpus.

The "is this also true somewhere in the documents?" test must not scan the
corpus for every candidate (that would be quadratic), so the corpus is
indexed once: every 4-word sequence of every paragraph goes into a set, and
a phrase counts as stated when all its 4-word sequences are in that set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from courseforge.generate import extract, prose
from courseforge.generate.names import ACRONYM_TOKEN_RE, acronym_letters, is_body

from . import clauses, structures
from courseforge.generate.text import STOPWORDS as TEXT_STOPWORDS
from courseforge.sources.model import Corpus

N = 4
TOKEN_RE = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*")


# An editor's insertion naming what a pronoun stands for: "It [the IOM] has ...".
INSERTION_RE = re.compile(r" \[([^\[\]]{2,90})\]")
BLANK_MARK = "___"


# Connectives that tie a sentence to the one before. The sentence without
# them still says what the source says, and stands alone: "For example, one of
# the partnerships ..." is read as "One of the partnerships ...".
OPENER_RE = re.compile(
    r"^(?:For (?:example|instance)|In addition|Moreover|Furthermore|In particular|Indeed|However|Therefore|Thus|"
    r"Also|Similarly|Likewise|Nevertheless|Nonetheless|Consequently|Hence|In fact|Finally|Besides|Accordingly|"
    r"As a result|In turn|At the same time|On the other hand|By contrast|In contrast),?\s+(?=[A-Za-z])"
)


def drop_opener(sentence: str) -> str:
    """The sentence without a leading connective, capitalised ("For example, the IOM ..." -> "The IOM ...")."""
    m = OPENER_RE.match(sentence)
    if not m:
        return sentence
    body = sentence[m.end():]
    return body[:1].upper() + body[1:]


def tokens(text: str) -> list[str]:
    """Lowercased words and numbers ("469,000", "unitar's"); quotes and punctuation dropped."""
    return [t.replace("’", "'") for t in TOKEN_RE.findall(text.lower())]


@dataclass
class CorpusIndex:
    corpus: Corpus
    ngrams: set[int] = field(default_factory=set)
    acronyms: dict[str, extract.Acronym] = field(default_factory=dict)
    expansion_of: dict[str, str] = field(default_factory=dict)  # acronym -> expansion
    acronym_of: dict[str, str] = field(default_factory=dict)  # lowercased expansion (any) -> acronym
    other_expansions: dict[str, list[str]] = field(default_factory=dict)  # acronym -> its other expansions
    organizations: list[extract.Organization] = field(default_factory=list)
    years: list[int] = field(default_factory=list)  # every year the corpus mentions, sorted
    events: list[extract.Event] = field(default_factory=list)
    figures: list[extract.Figure] = field(default_factory=list)
    section_title: dict[tuple[str, str], str] = field(default_factory=dict)
    doc_title: dict[str, str] = field(default_factory=dict)
    doc_text: dict[str, str] = field(default_factory=dict)  # lowercased text of each document
    # acronyms that name a body: expanded ones whose expansion is a body, and
    # bare ones ("UNESCO") used in at least two paragraphs; doc -> count of documents using it
    body_acronyms: dict[str, int] = field(default_factory=dict)
    texts: dict[tuple[str, str], str] = field(default_factory=dict)  # (doc, para) -> text
    events_at: dict[tuple[str, str], list[extract.Event]] = field(default_factory=dict)
    # organization names by their first word, so a sentence is matched against
    # the few names that can start at each of its capitalised words
    orgs_by_first: dict[str, list[str]] = field(default_factory=dict)
    # key terms: two-word lowercase phrases several paragraphs use ("brain drain")
    terms: dict[str, int] = field(default_factory=dict)  # term -> paragraphs using it
    term_docs: dict[str, frozenset[str]] = field(default_factory=dict)
    term_sections: dict[str, frozenset[tuple[str, str]]] = field(default_factory=dict)  # (doc, section)
    terms_by_first: dict[str, list[str]] = field(default_factory=dict)
    organization_names: list[str] = field(default_factory=list)  # sorted, distinct
    # body (acronym or full name) -> paragraphs naming it, so a wrong option of a
    # "select all" question can be checked against everything said about it
    body_paragraphs: dict[str, set[tuple[str, int]]] = field(default_factory=dict)  # (doc, reading position)
    # the terms the documents define: [(doc, para, term)], the options of a definition question
    defined_terms: list[tuple[str, str, str]] = field(default_factory=list)
    # (doc, para) -> how a resolution's or preamble's clause reads as a sentence
    readings: dict[tuple[str, str], clauses.Reading] = field(default_factory=dict)

    def organizations_in(self, text: str) -> list[tuple[int, str]]:
        """(offset, name) of every organization named in ``text``, longest name first at an offset."""
        out = []
        for m in re.finditer(r"(?<![\w-])[A-Z][^\s,;:.()]*", text):
            for name in self.orgs_by_first.get(m.group(0), ()):
                end = m.start() + len(name)
                if text.startswith(name, m.start()) and not re.match(r"[\w-]", text[end : end + 1]):
                    out.append((m.start(), name))
        return out

    def stated(self, text: str) -> bool:
        """Whether the corpus contains these words in this order (4-gram test)."""
        toks = tokens(text)
        if len(toks) < N:
            return False
        return all(hash(tuple(toks[i : i + N])) in self.ngrams for i in range(len(toks) - N + 1))

    def bodies_named(self, text: str) -> set[str]:
        """The bodies (full names, and acronyms of bodies) ``text`` names."""
        found = {name for _, name in self.organizations_in(text)}
        found |= {m.group(1) for m in ACRONYM_TOKEN_RE.finditer(text) if m.group(1) in self.body_acronyms}
        return found

    def body_docs(self, body: str) -> set[str]:
        """The documents that name a body."""
        return {doc for doc, _ in self.body_paragraphs.get(body, ())}

    def named_together(self, a: str, b: str) -> bool:
        """Whether the documents name both bodies (or their acronym or
        expansion) in one paragraph or two neighbouring ones: what is said of
        one may hold for the other ("this organization, which at the time was
        called ... (ICEM)" follows a paragraph on IOM)."""
        def where(x: str) -> set[tuple[str, int]]:
            out = set(self.body_paragraphs.get(x, ()))
            for form in [self.expansion_of.get(x), self.acronym_of.get(x.lower())] + self.other_expansions.get(x, []):
                if form:
                    out |= self.body_paragraphs.get(form, set())
            return out

        near = {(doc, i + d) for doc, i in where(a) for d in (-1, 0, 1)}
        return bool(near & where(b))

    def as_said(self, text: str, doc: str, para: str) -> str:
        """``text`` in the source's own words: bracketed insertions removed, a
        clause read as a sentence ("The Assembly urges ...") taken back to its
        form ("Urges ...;")."""
        text = INSERTION_RE.sub("", text)
        r = self.readings.get((doc, str(para)))
        if r:
            return r.unread(text)
        return self._with_opener(text, doc, str(para))

    def _with_opener(self, text: str, doc: str, para: str) -> str:
        """``text`` with the connective :func:`drop_opener` took off put back,
        when a sentence of the paragraph opens with one and then with text's first word."""
        words = text.split(None, 1)
        if not words or not text[:1].isupper():
            return text
        sents = prose.sentences(self.texts.get((doc, para), ""))
        prefix = text.split(BLANK_MARK)[0]
        if OPENER_RE.match(text) or (prefix and any(sent.startswith(prefix) for sent in sents)):
            return text  # already the source's words
        for sent in sents:
            m = OPENER_RE.match(sent)
            if not m:
                continue
            first = sent[m.end():].split(None, 1)[0]
            if first in (words[0], words[0][:1].lower() + words[0][1:]):
                restored = sent[: m.end()] + sent[m.end()] + text[1:]
                if sent.startswith(restored.split(BLANK_MARK)[0][: m.end() + len(first)]):
                    return restored
        return text

    def paragraph_text(self, doc: str, para: str) -> str | None:
        return self.texts.get((doc, str(para)))


_CACHE: list[tuple[Corpus, CorpusIndex]] = []


def corpus_index(corpus: Corpus) -> CorpusIndex:
    """The index of ``corpus``, built on first use (the last few are kept)."""
    for c, idx in _CACHE:
        if c is corpus:
            return idx
    idx = _build(corpus)
    _CACHE.append((corpus, idx))
    del _CACHE[:-4]
    return idx


def _build(corpus: Corpus) -> CorpusIndex:
    idx = CorpusIndex(corpus)
    for doc in corpus.documents:
        idx.doc_title[doc.id] = doc.entry.title
        parts = []
        for sec in doc.sections:
            for p in sec.paragraphs:
                idx.section_title[(doc.id, p.id)] = sec.title
                idx.texts[(doc.id, p.id)] = p.text
                parts.append(p.text.lower())
                for sent in prose.sentences(p.text):
                    toks = tokens(sent)
                    for i in range(len(toks) - N + 1):
                        idx.ngrams.add(hash(tuple(toks[i : i + N])))
        idx.doc_text[doc.id] = "\n".join(parts)
        ordered = [(p.id, p.text) for sec in doc.sections for p in sec.paragraphs]
        for pid, r in clauses.readings(ordered).items():
            idx.readings[(doc.id, pid)] = r
    idx.acronyms = extract.acronyms(corpus)
    idx.expansion_of = {a.acronym: a.expansion for a in idx.acronyms.values()}
    idx.acronym_of = {a.expansion.lower(): a.acronym for a in idx.acronyms.values()}
    for a in idx.acronyms.values():
        idx.other_expansions[a.acronym] = [o[0] for o in a.others]
        for other, _, _ in a.others:
            idx.acronym_of.setdefault(other.lower(), a.acronym)
    idx.organizations = extract.organizations(corpus)
    idx.events = extract.dated_events(corpus)
    for e in idx.events:
        idx.events_at.setdefault((e.doc, e.para), []).append(e)
    idx.organization_names = sorted({o.name for o in idx.organizations})
    for o in idx.organizations:
        idx.orgs_by_first.setdefault(o.name.split()[0], []).append(o.name)
    for names in idx.orgs_by_first.values():
        names.sort(key=lambda n: (-len(n), n))
    idx.figures = extract.figures(corpus)
    _body_acronyms(idx)
    for pos, ((doc_id, para_id), text) in enumerate(idx.texts.items()):  # reading order
        # the section heading counts: "IOM: the migration agency" heads a paragraph on "this organization"
        for body in idx.bodies_named(idx.section_title.get((doc_id, para_id), "") + "\n" + text):
            idx.body_paragraphs.setdefault(body, set()).add((doc_id, pos))
    _terms(idx)
    idx.defined_terms = structures.defined_terms_in(corpus)
    years = {e.year for e in idx.events} | {int(f.value) for f in idx.figures if f.kind == "year"}
    idx.years = sorted(years)
    return idx


_ROMAN = re.compile(r"^[IVXLC]+$")


def _body_acronyms(idx: CorpusIndex) -> None:
    paras: dict[str, int] = {}
    docs: dict[str, set[str]] = {}
    for doc_id, para in extract.iter_paragraphs(idx.corpus):
        if prose.is_boilerplate(para.text):
            continue
        for tok in sorted(set(m.group(1) for m in ACRONYM_TOKEN_RE.finditer(para.text))):
            paras[tok] = paras.get(tok, 0) + 1
            docs.setdefault(tok, set()).add(doc_id)
    for tok, n in paras.items():
        letters = acronym_letters(tok)
        if len(letters) < 3 or _ROMAN.match(tok):
            continue
        exp = idx.expansion_of.get(tok)
        if exp is not None:
            if is_body(exp):
                idx.body_acronyms[tok] = len(docs[tok])
        elif tok.isupper() and len(tok) <= 7 and n >= 2:
            idx.body_acronyms[tok] = len(docs[tok])


# Words that make a two-word phrase a grammatical pair rather than a term.
_TERM_STOP = prose.STOPWORDS | TEXT_STOPWORDS | frozenset(
    """such other more most many much some several each every all both same own various certain
    also only very well first second third new often main major current recent particular general
    important different further greater least less high higher low lower large larger small good best
    between across would could should have being they there their emerging return people""".split() + """
    number part case cases fact way ways time times year years level levels term terms area areas""".split()
)


def _terms(idx: CorpusIndex) -> None:
    df: dict[str, int] = {}
    docs: dict[str, set[str]] = {}
    sections: dict[str, set[tuple[str, str]]] = {}
    n_paras = 0
    for doc_id, para in extract.iter_paragraphs(idx.corpus):
        if prose.is_boilerplate(para.text):
            continue
        n_paras += 1
        seen = set()
        for sent in prose.sentences(para.text):
            # overlapping pairs: every adjacent pair of words
            words = re.findall(r"(?<![\w-])[A-Za-z][a-z-]*(?![\w-])|[^\sA-Za-z]+", sent)
            for a, b in zip(words, words[1:]):
                if not (a.islower() and b.islower() and a.isalpha() and b.isalpha()):
                    continue
                if len(a) < 4 or len(b) < 4 or a in _TERM_STOP or b in _TERM_STOP or a.endswith("ly"):
                    continue
                if b.endswith(("ed", "ing")) and not b.endswith(("eed", "ring")):
                    continue  # "migrants tended": a verb, not a term
                seen.add(f"{a} {b}")
        for t in seen:
            df[t] = df.get(t, 0) + 1
            docs.setdefault(t, set()).add(doc_id)
            sections.setdefault(t, set()).add((doc_id, para.section))
    # used in several paragraphs, but not so widely that it is just the topic's
    # name; at most MAX_TERMS of them, the most used first, so the work per
    # sentence does not grow with the corpus
    cap = max(8, n_paras // 30)
    kept = sorted((t for t in df if 3 <= df[t] <= cap), key=lambda t: (-df[t], t))[:MAX_TERMS]
    for t in sorted(kept):
        idx.terms[t] = df[t]
        idx.term_docs[t] = frozenset(docs[t])
        idx.term_sections[t] = frozenset(sections[t])
        idx.terms_by_first.setdefault(t.split()[0], []).append(t)


MAX_TERMS = 400
