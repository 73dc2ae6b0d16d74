"""Course-wide facts for pages: glossary, events, figures and actors.

The extractors in :mod:`courseforge.generate.extract` find them; this module
turns what they return into small records with a citation, drops duplicates
and sorts them, so pages never depend on extraction order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from .standalone import Standalone, standalone_for


@dataclass(frozen=True, order=True)
class Cite:
    doc: str
    para: str


@dataclass(frozen=True)
class Term:
    """An acronym and its expansion (glossary, actors)."""

    acronym: str
    expansion: str
    cites: tuple[Cite, ...]
    # other expansions the documents give, each with where it is written
    others: tuple[tuple[str, Cite], ...] = ()


@dataclass(frozen=True)
class Event:
    """Something the documents date: ``when`` as written, ``year`` for sorting."""

    year: int
    when: str
    text: str  # the sentence that dates it
    cite: Cite
    sort_key: str = ""  # finer than the year when the date has month/day
    label: str = ""  # the event's own name, when the sentence gives one


@dataclass(frozen=True)
class Figure:
    """A number, amount or percentage with the sentence that gives it."""

    value: str
    sentence: str
    cite: Cite
    kind: str = ""  # "amount", "percent", "count", "year"


@dataclass(frozen=True)
class Actor:
    name: str  # full name
    acronym: str  # "" when the documents give none
    cite: Cite


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    for n in names:
        if isinstance(obj, dict) and n in obj:
            return obj[n]
        if hasattr(obj, n):
            return getattr(obj, n)
    return default


def _cite(obj: Any) -> Cite | None:
    src = _get(obj, "source", "cite", "ref")
    if src is not None and not isinstance(src, str):
        doc, para = _get(src, "doc", "doc_id"), _get(src, "para", "para_id")
    else:
        doc, para = _get(obj, "doc", "doc_id"), _get(obj, "para", "para_id")
    if doc is None or para is None:
        return None
    return Cite(str(doc), str(para))


def _cites(obj: Any) -> tuple[Cite, ...]:
    many = _get(obj, "sources", "cites", "refs")
    if many:
        out = []
        for s in many:
            if isinstance(s, (tuple, list)) and len(s) == 2:
                out.append(Cite(str(s[0]), str(s[1])))
            else:
                c = _cite({"source": s})
                if c:
                    out.append(c)
        return tuple(sorted(set(out)))
    c = _cite(obj)
    return (c,) if c else ()


YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def terms_from(found: Iterable[Any]) -> list[Term]:
    merged: dict[str, tuple[str, set[Cite]]] = {}
    others: dict[str, list[tuple[str, Cite]]] = {}
    if isinstance(found, dict):
        found = found.values()
    for a in found:
        acr = str(_get(a, "acronym", "short", default="")).strip()
        exp = " ".join(str(_get(a, "expansion", "long", "full", default="")).split())
        if not acr or not exp:
            continue
        prev = merged.get(acr)
        cites = set(_cites(a))
        if prev:
            merged[acr] = (prev[0], prev[1] | cites)
        else:
            merged[acr] = (exp, cites)
        for other in _get(a, "others", default=()) or ():
            if len(other) == 3 and other[0] != exp:
                others.setdefault(acr, []).append((str(other[0]), Cite(str(other[1]), str(other[2]))))
    return [Term(k, v[0], tuple(sorted(v[1])), tuple(others.get(k, ())))
            for k, v in sorted(merged.items(), key=lambda kv: (kv[0].lower(), kv[0]))]


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")


def _month_key(when: str) -> str:
    low = when.lower()
    for i, name in enumerate(_MONTHS, start=1):
        if name in low:
            return f"{i:02d}"
    return "00"


def events_from(found: Iterable[Any]) -> list[Event]:
    out: dict[tuple, Event] = {}
    for e in found:
        cite = _cite(e)
        text = " ".join(str(_get(e, "sentence", "text", "event", "description", default="")).split())
        when = str(_get(e, "date_text", "when", "date", "year", default="")).strip()
        label = _get(e, "label")
        year = _get(e, "year")
        if not isinstance(year, int):
            m = YEAR_RE.search(when) or YEAR_RE.search(text)
            if not m:
                continue
            year = int(m.group(1))
        if not cite or not text:
            continue
        sort_key = str(_get(e, "sort_key", "iso", default="") or "") or _month_key(when)
        ev = Event(year=year, when=when or str(year), text=text, cite=cite, sort_key=sort_key,
                   label=str(label) if label else "")
        out.setdefault((year, text, cite), ev)
    ordered = sorted(out.values(), key=lambda e: (e.year, e.sort_key, e.cite, e.text))
    # a sentence naming several dates appears once, at its earliest date,
    # unless it names distinct events ("Convention No 97 of 1949 and ... No 143 of 1975")
    seen: set[tuple[str, str, Cite]] = set()
    unique = []
    for e in ordered:
        key = (e.text, e.label, e.cite)
        if key not in seen:
            seen.add(key)
            unique.append(e)
    return unique


def figures_from(found: Iterable[Any]) -> list[Figure]:
    out: dict[tuple, Figure] = {}
    for f in found:
        cite = _cite(f)
        value = " ".join(str(_get(f, "text", "figure", "span", "value", default="")).split())
        sentence = " ".join(str(_get(f, "sentence", "context", default="")).split())
        if not cite or not value or not sentence:
            continue
        out.setdefault((cite, value, sentence), Figure(value, sentence, cite, str(_get(f, "kind", default="") or "")))
    return list(out.values())


def actors_from(found: Iterable[Any]) -> list[Actor]:
    out: dict[str, Actor] = {}
    for o in found:
        name = " ".join(str(_get(o, "name", "full", "expansion", default="")).split())
        acr = str(_get(o, "acronym", "short", default="") or "").strip()
        cite = _cite(o) or next(iter(_cites(o)), None)
        if not name or not cite:
            continue
        out.setdefault(name, Actor(name, acr, cite))
    return sorted(out.values(), key=lambda a: (a.name.lower(), a.name))


@dataclass
class CourseFacts:
    terms: list[Term]
    events: list[Event]
    figures: list[Figure]
    actors: list[Actor]
    standalone: Standalone | None = None  # makes a paragraph's sentences stand alone


# What a figure's label keeps around the number, as the source writes it:
# "more than 100 countries", "some 80 billions US dollars a year".
_QUALIFIER_BEFORE = re.compile(
    r"(?:(?:more|fewer|less|greater|higher|lower)\s+than|over|under|some|about|around|nearly|almost|approximately|"
    r"roughly|close\s+to|at\s+least|at\s+most|up\s+to|as\s+many\s+as|as\s+much\s+as|only|just|an\s+estimated|"
    r"estimated|US\s*\$|USD|\$|€|£)\s*$", re.I)
_QUALIFIER_AFTER = re.compile(r"^\s+(?:a|per|each|every)\s+(?:year|month|day|week)\b|^\s+annually\b")


def figure_label(value: str, sentence: str) -> str:
    """The figure as the sentence writes it, with its qualifier and unit:
    always a span of ``sentence``."""
    at = sentence.find(value)
    if at < 0:
        return value
    start, end = at, at + len(value)
    m = _QUALIFIER_BEFORE.search(sentence[max(0, start - 24):start])
    if m and (m.start() + max(0, start - 24) == 0 or not sentence[m.start() + max(0, start - 24) - 1].isalnum()):
        start = max(0, start - 24) + m.start()
    m = _QUALIFIER_AFTER.match(sentence[end:])
    if m:
        end += m.end()
    return sentence[start:end]


# Something happened at that date: an act, a meeting, an instrument's life.
_EVENT_VERB = re.compile(
    r"\b(?:adopted|held|entered into force|came into force|established|founded|created|launched|signed|ratified|"
    r"took place|began|started|concluded|organi[sz]ed|hosted|convened|approved|endorsed|introduced|set up|opened|"
    r"elected|issued|published|agreed|decided|met|became|replaced|abolished|joined|submitted|announced|"
    r"inaugurated|proclaimed|enacted|passed|reformed|merged|reported|found)\b", re.I)
# A date that is a target, a deadline, a future plan or a point of comparison is not an event.
_NOT_AN_EVENT_BEFORE = re.compile(
    r"(?:\b(?:by|before|until|till|up to|through)\s+(?:the\s+(?:end|year|spring|summer|autumn|fall|winter)\s+of\s+)?"
    r"|\bthe\s+"  # "the 1994 conference": the year names something the sentence only mentions
    r"|\b(?:compared|comparison|than|from|since)\b(?:[^,;.]|(?<=\d)[,.](?=\d)){0,60})$", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|would|plans? to|is to|are to|aims? to|expected to|target)\b", re.I)


def is_event_date(sentence: str, date_text: str) -> bool:
    """Whether ``sentence`` says something happened at ``date_text`` (a timeline event), rather than
    naming a target year ("by 2030"), a future plan, or a year compared with ("123,000 in 1992")."""
    at = sentence.find(date_text) if date_text else -1
    if at < 0:
        return False
    if _NOT_AN_EVENT_BEFORE.search(sentence[:at]):
        return False
    if _FUTURE.search(sentence):
        return False
    return bool(_EVENT_VERB.search(sentence))


_BY = re.compile(r"\b(?:by|before)\s+(?:the\s+end\s+of\s+)?$", re.I)
_ASKS = re.compile(r"\b(?:urges?|calls?\s+(?:up)?on|requests?|shall|should|must|decides?|commits?|undertakes?|"
                   r"recommends?|aims?|targets?|agreed|pledged?|adopt|achieve|reach|reduce|end)\b", re.I)


def is_deadline(sentence: str, date_text: str) -> bool:
    """Whether ``date_text`` is the deadline of what the sentence asks or
    commits to ("urges States to adopt plans by 2021"): not an event, but what
    the sentence is about."""
    at = sentence.find(date_text) if date_text else -1
    return at >= 0 and bool(_BY.search(sentence[:at])) and bool(_ASKS.search(sentence))


def _timeline_events(corpus: Any, extract: Any, alone: Standalone) -> list:
    """Dated sentences that stand alone (a leading "It" resolved, a leading
    "And" dropped), plus named events ("Convention No 97") whose sentence
    opens alone but leans on its neighbours later ("in this domain"): the
    name and the citation give the context a timeline entry needs."""
    try:
        every = extract.dated_events(corpus, standalone=False)
    except TypeError:  # an extractor without the option
        every = extract.dated_events(corpus)
    out = []
    for e in every:
        doc, para, text, label = _get(e, "doc"), _get(e, "para"), _get(e, "text"), _get(e, "label")
        if not label and not is_event_date(text, str(_get(e, "date_text") or "")):
            continue
        shown = alone.sentence(doc, para, text) or (label and alone.sentence(doc, para, text, strict=False))
        if shown:
            out.append({"year": _get(e, "year"), "date_text": _get(e, "date_text"), "text": shown,
                        "doc": doc, "para": para, "label": label})
    return out


def _standalone_figures(found: Iterable[Any], alone: Standalone) -> list[dict]:
    out = []
    for f in found:
        doc, para = _get(f, "doc"), _get(f, "para")
        shown = alone.sentence(doc, para, _get(f, "sentence"))
        if shown and _get(f, "text") in shown:
            out.append({"text": figure_label(_get(f, "text"), shown), "sentence": shown, "doc": doc,
                        "para": para, "kind": _get(f, "kind")})
    return out


def collect_facts(corpus: Any, extract: Any) -> CourseFacts:
    """Run the extractors once over the corpus and normalise their records.
    Every sentence a page shows is made to stand alone first."""
    actors = actors_from(extract.organizations(corpus))
    terms = terms_from(extract.acronyms(corpus))
    # bodies named by acronym only in a sentence are found through the glossary
    by_name = {t.expansion: t.acronym for t in terms}
    alone = standalone_for(corpus, [Actor(a.name, a.acronym or by_name.get(a.name, ""), a.cite) for a in actors])
    return CourseFacts(
        terms=terms,
        events=events_from(_timeline_events(corpus, extract, alone)),
        figures=figures_from(_standalone_figures(extract.figures(corpus), alone)),
        actors=actors,
        standalone=alone,
    )
