"""The structures of a sentence that make a question worth asking.

A definition ("'Basin' means the area ...", "Functional literacy is defined as
...") asks for the term a description defines; a reason ("... because learners
study during paid working hours") asks why; a purpose ("... so that new readers
find material ...") asks what for. Each finder returns the span of the sentence
that is the answer, so the question stays extractive: the key is the
sentence's own words, and other sentences of the same structure in the corpus
give distractors of the same form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from courseforge.generate import extract, prose


@dataclass(frozen=True)
class Span:
    kind: str  # "term", "reason" or "purpose"
    start: int
    end: int
    text: str


_QUOTE_OPEN, _QUOTE_CLOSE = "\"“‘'", "\"”’'"
# An optional scope that opens a definition: "For the purposes of this Charter, ", "In this report, ".
_SCOPE = r"(?:(?:For the purposes? of|In|Under|Throughout) (?:this|the present) [A-Za-z ]{2,30}, )?"
# "'Basin' means", "Functional literacy is defined as", "A completer is a learner who".
_DEFINES = re.compile(
    _SCOPE + r"(?:(?:an?|the) )?(?P<q>[\"“‘']?)(?P<term>[A-Za-z][A-Za-z -]{1,40}?)[\"”’']?"
    r"\s+(?:means|is defined as|are defined as|refers to|refer to|denotes|shall mean|is understood as|is called)\s"
)
_IS_A_WHO = re.compile(
    _SCOPE + r"(?:An?|The) (?P<term>[a-z][a-z-]{2,30}(?: [a-z][a-z-]{2,30})?) is (?:an?|the) [a-z]+ (?:who|that|which|whose) "
)
# "... is known as / is called X." at the end: the name is the last words.
_NAMED_AT_END = re.compile(r"\b(?:is|are) (?:known as|called|termed|referred to as) [\"“]?(?P<term>[^,;:.\"”]{3,40}?)[\"”]?\.$")
_STOP_TERMS = frozenset("it this that these those which what there they he she we one each".split())


def defined_term(sentence: str) -> Span | None:
    """The term a sentence defines, when the sentence is a definition."""
    for rx in (_DEFINES, _IS_A_WHO):
        m = rx.match(sentence)
        if m and _good_term(m.group("term")):
            return Span("term", m.start("term"), m.end("term"), m.group("term"))
    m = _NAMED_AT_END.search(sentence)
    if m and _good_term(m.group("term")) and m.start() > 20:
        return Span("term", m.start("term"), m.end("term"), m.group("term"))
    return None


def _good_term(term: str) -> bool:
    words = term.split()
    return (1 <= len(words) <= 4 and words[0].lower() not in _STOP_TERMS
            and not any(w.lower() in ("is", "are", "was", "of") for w in words[-1:]))


# "because" and ", since" open a reason; "so that" and "in order to" a purpose.
_REASON = re.compile(r"(?<=[a-z,]) (?:because|since)(?= [a-z])")
_PURPOSE = re.compile(r"(?<=[a-z,]) (?:so that|in order to)(?= [a-z])")


def reason_clause(sentence: str) -> Span | None:
    """The reason or purpose a sentence gives for its claim, running to the
    sentence's end, when the claim comes first and is a clause of its own."""
    body = sentence.rstrip()
    if not body.endswith("."):
        return None
    for kind, rx in (("reason", _REASON), ("purpose", _PURPOSE)):
        hits = list(rx.finditer(body))
        if len(hits) != 1:
            continue
        m = hits[0]
        start = m.end() + 1
        clause = body[start:-1]
        claim = body[: m.start()].rstrip(",")
        if m.group(0).strip(" ,") == "since" and not body[m.start() - 1] == ",":
            continue  # "since 1970", "since the start": a time, not a reason
        if re.match(r"(?:then|\d)", clause) or (m.group(0).strip() == "since" and re.search(r"[\d,]", clause)):
            continue  # "since then", "since its creation in 1919, ...": a time
        if not (3 <= len(clause.split()) <= 22 and len(claim.split()) >= 5):
            continue
        if re.search(r"[;:()]", clause):
            continue
        return Span(kind, start, start + len(clause), clause)
    return None


def defined_terms_in(corpus) -> list[tuple[str, str, str]]:
    """Every term the corpus defines, as (doc, para, term): the options of a definition question."""
    return [(doc_id, para.id, d.text) for doc_id, para in extract.iter_paragraphs(corpus)
            for s in prose.sentences(para.text) if (d := defined_term(s))]
