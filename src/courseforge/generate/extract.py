"""Facts the generator reads out of paragraphs: acronyms, dated events, figures, organizations.

Everything here is a pure function of paragraph text, shared by the module
pages (glossary, timeline, key facts, actors) and the quiz drafts, so a page
and a question never disagree about a fact. Every fact records the document
and paragraph it comes from, and every text field is verbatim from that
paragraph, so a citation always leads to the words it quotes.

Each function is one pass over the corpus (with per-paragraph caches), so
the cost grows linearly with the size of the seeds. What they read the text
with is in :mod:`.prose` (sentences), :mod:`.names` (names and acronyms) and
:mod:`.dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from courseforge.sources.model import Corpus, Paragraph

from .dates import DATE_RE, MONTH, MONTHS, YEAR, inside_reference
from .names import (ACRONYM, ACRONYM_TOKEN_RE, NAME, NAME_RE, TRAILING_CONNECTOR_RE, acronym_letters, is_acronym,
                    is_body, strip_leading, trim_name)
from .prose import QUOTES, STOPWORDS, is_boilerplate, is_prose, self_contained, sentences


def iter_paragraphs(corpus: Corpus) -> Iterator[tuple[str, Paragraph]]:
    """(document id, paragraph) in reading order over the whole corpus."""
    for doc in corpus.documents:
        for para in doc.paragraphs:
            yield doc.id, para


# ---------------------------------------------------------------- acronyms


@dataclass(frozen=True)
class Acronym:
    acronym: str  # as written: "IOM", "OSIMs"
    expansion: str  # verbatim from the paragraph: "International Organization for Migration"
    doc: str
    para: str
    # other expansions the corpus gives, each (expansion, doc, para): "International
    # Labour Office" beside "International Labour Organization"
    others: tuple[tuple[str, str, str], ...] = ()


_PAREN_ACRONYM_RE = re.compile(rf"\(\s*({ACRONYM})\s*\)")
_COMMA_ACRONYM_RE = re.compile(rf",\s+({ACRONYM})(?=[\s.,;:)]|$)")
_ACRONYM_PAREN_EXP_RE = re.compile(rf"(?<![\w-])({ACRONYM})\s+\(([^()]{{5,150}})\)")


def _sh_match(letters: str, words: list[str]) -> int | None:
    """Schwartz–Hearst: the shortest word suffix of ``words`` whose characters
    cover ``letters`` in order, the first letter starting a word. Returns how
    many trailing words the expansion uses, or None."""
    text = " ".join(words)
    li = len(letters) - 1
    ti = len(text) - 1
    while li >= 0:
        c = letters[li]
        while ti >= 0 and (
            text[ti].lower() != c or (li == 0 and ti > 0 and text[ti - 1].isalnum())
        ):
            ti -= 1
        if ti < 0:
            return None
        li -= 1
        ti -= 1
    start = ti + 1
    return len(text[start:].split())


def _initials(words: list[str]) -> str:
    """First letters of content words, hyphenated parts counted: "High-level Dialogue" -> "hld"."""
    out = []
    for w in words:
        if w.lower() in STOPWORDS:
            continue
        for part in w.split("-"):
            if part:
                out.append(part[0].lower())
    return "".join(out)


def _clean_expansion(words: list[str], lower_ok: bool = False) -> list[str] | None:
    words = [w.strip(QUOTES) for w in words]
    words = [w for w in words if w]
    if not words or words[0].lower() in STOPWORDS or not (lower_ok or words[0][0].isupper()):
        return None
    if not words[-1][0].isalpha():
        return None
    return words


def expansion_before(acronym: str, before: str) -> str | None:
    """The expansion of ``acronym`` at the end of ``before`` (the text just
    ahead of "(ACR)" or ", ACR"), or None. Tries Schwartz–Hearst first, then
    accepts words whose initials are exactly the acronym's letters in another
    order (UN names often are: "United Nations Population Fund (UNFPA)")."""
    letters = acronym_letters(acronym)
    raw = re.split(r"\s+", before.rstrip(" ,").strip())
    # stop at the previous clause boundary
    for i in range(len(raw) - 1, -1, -1):
        if raw[i].endswith((",", ";", ":", ".")) or raw[i].startswith("("):
            raw = raw[i + 1 :]
            break
    raw = [w for w in raw if w]
    # Schwartz–Hearst's window, min(|A| + 5, 2|A|) words, counting content words
    # only: "United Nations Relief and Works Agency for Palestine refugees in the
    # Near East (UNRWA)" has five function words among its fourteen
    window = min(len(letters) + 5, len(letters) * 2)
    content, cut = 0, 0
    for i in range(len(raw) - 1, -1, -1):
        if raw[i].lower().strip(QUOTES) not in STOPWORDS:
            content += 1
            if content > window:
                cut = i + 1
                break
    raw = raw[cut:]
    if not raw:
        return None
    n = _sh_match(letters, [w.strip(QUOTES) for w in raw])
    candidates = []
    if n:
        candidates.append(raw[-n:])
    # initials in any order ("International Migrant Solidarity Organizations
    # (OSIMs)"), or all but one letter ("United Nations Population Fund (UNFPA)")
    for k in range(2, len(raw) + 1):
        ws = raw[-k:]
        ini = _initials([w.strip(QUOTES) for w in ws])
        exact = sorted(ini) == sorted(letters)
        near = (
            len(letters) >= 4
            and len(ini) == len(letters) - 1
            and ini[0] == letters[0]
            and not (set(ini) - set(letters))
            and all(ini.count(c) <= letters.count(c) for c in ini)
        )
        if exact or near:
            candidates.append(ws)
            break
    for ws in candidates:
        # a lowercase term ("integrated water resources management (IWRM)")
        # only when every word gives the acronym one letter, in order
        strict = _initials([w.strip(QUOTES) for w in ws]) == letters and len(ws) == len(letters)
        cleaned = _clean_expansion(ws, lower_ok=strict)
        if not cleaned:
            continue
        content = [w for w in cleaned if w.lower() not in STOPWORDS]
        if len(content) < 2:
            continue
        # a name: every content word capitalised; a long one (six content words
        # or more) may hold a common noun ("... for Palestine refugees in the Near East")
        # if it starts and ends with a capital
        lower = sum(1 for w in content if not w[0].isupper())
        long_name = len(content) >= 6 and lower * 6 <= len(content) and cleaned[0][0].isupper() and cleaned[-1][0].isupper()
        if not (strict or lower == 0 or long_name):
            continue
        return " ".join(cleaned)
    return None


def acronyms(corpus: Corpus) -> dict[str, Acronym]:
    """Every acronym the corpus expands, keyed by the acronym. Four sources:

    1. "Expansion (ACR)" and "Expansion, ACR" (Schwartz–Hearst);
    2. "ACR (Expansion)";
    3. a full name, then "The ACR ..." opening the next sentence ("... the
       International Labour Organization is active ... The ILO is ...");
    4. known pairs: an acronym used bare somewhere, whose expansion is a
       capitalised name written out elsewhere ("High-level Dialogue" ... "the HLD").

    When the corpus expands an acronym in more than one way, the main
    expansion is the one most paragraphs write out; on a tie, one a document
    goes on to use the acronym for (3: the name of the body the acronym stands
    for in running text), else the first in reading order. The others are kept
    in ``others`` with their citations, so the glossary can show them honestly.
    """
    defs: dict[str, list[tuple[int, int, Acronym]]] = {}  # acr -> (source rank, reading order, def)
    order = 0

    def add(acr: str, exp: str, doc_id: str, para_id: str, rank: int) -> None:
        nonlocal order
        order += 1
        have = defs.setdefault(acr, [])
        if not any(a.expansion == exp for _, _, a in have):
            have.append((rank, order, Acronym(acr, exp, doc_id, para_id)))

    texts: list[str] = []
    for doc_id, para in iter_paragraphs(corpus):
        text = para.text
        texts.append(text)
        for m in _PAREN_ACRONYM_RE.finditer(text):
            acr = m.group(1)
            if not is_acronym(acr):
                continue
            exp = expansion_before(acr, text[: m.start()])
            if exp:
                add(acr, exp, doc_id, para.id, 1)
        for m in _COMMA_ACRONYM_RE.finditer(text):
            acr = m.group(1)
            if not is_acronym(acr):
                continue
            exp = expansion_before(acr, text[: m.start()])
            # the comma form is ambiguous ("IOM, UNFPA"): demand the strict match
            if exp and _initials(exp.split()) == acronym_letters(acr):
                add(acr, exp, doc_id, para.id, 1)
        for m in _ACRONYM_PAREN_EXP_RE.finditer(text):
            acr, inner = m.group(1), m.group(2).strip()
            if not is_acronym(acr):
                continue
            words = _clean_expansion(inner.split())
            if words and _initials(words) == acronym_letters(acr):
                add(acr, " ".join(words), doc_id, para.id, 1)
        sents = sentences(text)
        for prev, sent in zip(sents, sents[1:]):
            m = re.match(rf"^(?:The\s+)?({ACRONYM})(?![\w/.-])", sent)
            if not m or not is_acronym(m.group(1)):
                continue
            acr = m.group(1)
            for n in NAME_RE.finditer(prev):
                ws = _clean_expansion(trim_name(strip_leading(n.group(0))).split())
                if ws and _initials(ws) == acronym_letters(acr) and is_body(" ".join(ws)):
                    add(acr, " ".join(ws), doc_id, para.id, 0)
    # 4. known pairs seen elsewhere: index capitalised names by their initials
    bare: list[str] = []
    seen_bare: set[str] = set()
    names: dict[str, tuple[str, str, str]] = {}
    for doc_id, para in iter_paragraphs(corpus):
        for m in ACRONYM_TOKEN_RE.finditer(para.text):
            tok = m.group(1)
            if tok not in defs and tok not in seen_bare and is_acronym(tok):
                seen_bare.add(tok)
                bare.append(tok)
        for m in NAME_RE.finditer(para.text):
            ws = _clean_expansion(trim_name(strip_leading(m.group(0))).split())
            if not ws:
                continue
            content = [w for w in ws if w.lower() not in STOPWORDS]
            if len(content) < 2:
                continue
            ini = _initials(ws)
            # a name's tail may carry the acronym's letters ("the Global Forum ...")
            names.setdefault(ini, (" ".join(ws), doc_id, para.id))
    for acr in bare:
        hit = names.get(acronym_letters(acr))
        if hit and not any(w.isupper() and len(w) > 1 for w in hit[0].split()):
            add(acr, hit[0], hit[1], hit[2], 2)
    found: dict[str, Acronym] = {}
    for acr, options in defs.items():
        if len(options) == 1:
            found[acr] = options[0][2]
            continue
        used = {a.expansion: sum(1 for t in texts if a.expansion in t) for _, _, a in options}
        options.sort(key=lambda o: (-used[o[2].expansion], o[0], o[1]))
        main = options[0][2]
        others = tuple((a.expansion, a.doc, a.para) for _, _, a in sorted(options[1:], key=lambda o: o[1]))
        found[acr] = Acronym(acr, main.expansion, main.doc, main.para, others)
    return dict(sorted(found.items()))


# ---------------------------------------------------------------- dated events


@dataclass(frozen=True)
class Event:
    year: int  # the (first) year of the event
    date_text: str  # as written: "September 1994", "3 and 4 October 2013", "2007-2008"
    text: str  # the sentence that states the event, verbatim
    doc: str
    para: str
    label: str | None = None  # the event's own name when the sentence gives one, verbatim:
    # "Convention No 97" (of 1949), "Schengen Accords" (of 1990)


def _event_label(sentence: str, start: int, end: int) -> str | None:
    """A verbatim name the sentence gives the dated event, or None.

    Patterns: "<Name> of 1949", "the 1951 <Name>", "<Name>, which came into
    force in 1999", "<Name> held in Cairo in September 1994", "in 1998 of the <Name>".
    """
    before, after = sentence[:start], sentence[end:]
    m = re.search(rf"({NAME})\s+of\s+$", before)  # Convention No 97 of 1949
    if m and not re.fullmatch(r"(?:[A-Z][a-z]+)", m.group(1)):
        # "... for Employment and Convention No 143 of 1975": the name after the last "and"
        label = trim_name(re.split(r"\s+and\s+", m.group(1))[-1])
        if len(label.split()) >= 2 and not label.split()[0] in MONTHS:
            return label
    m = re.match(rf"\s+(?:the\s+)?({NAME})", after)
    if m and re.search(r"(?:^|\s)the\s+$", before):  # the 1951 United Nations Convention ...
        label = trim_name(m.group(1))
        if len(label.split()) >= 2:
            return label
    m = re.search(rf"({NAME}),?\s+(?:which|that)\s+(?:came|entered|went)\s+into\s+force\s+in\s+$", before)
    if m:
        label = trim_name(m.group(1))
        if len(label.split()) >= 2:
            return label
    m = re.search(rf"({NAME})\s+held\s+in\s+[A-Z][a-z]+\s+in\s+$", before)
    if m:
        label = trim_name(m.group(1))
        if len(label.split()) >= 2:
            return label
    m = re.match(rf"\s+of\s+the\s+({NAME})", after)
    if m and re.search(r"\bin\s+$", before):
        label = trim_name(m.group(1))
        if len(label.split()) >= 2:
            return label
    return None


def dated_events(corpus: Corpus, *, standalone: bool = True) -> list[Event]:
    """Every dated statement, one per (sentence, date), in reading order.

    Sentences that cannot stand alone (starting "It", "This", ...) are left
    out: a timeline entry must make sense without its neighbours.
    ``standalone=False`` keeps them too (the course timeline shows a named
    event such as "Convention No 97" with its citation even when its sentence
    says "in this domain")."""
    events: list[Event] = []
    for doc_id, para in iter_paragraphs(corpus):
        for sent in sentences(para.text):
            if not is_prose(sent) or (standalone and not self_contained(sent)) or is_boilerplate(sent):
                continue
            seen: set[str] = set()
            for m in DATE_RE.finditer(sent):
                if inside_reference(sent, m.start(), m.end()):
                    continue
                date_text = m.group(0).strip()
                if date_text in seen:
                    continue
                seen.add(date_text)
                label = _event_label(sent, m.start(), m.end())
                events.append(Event(int(m.group(1)), date_text, sent, doc_id, para.id, label))
    return events


# ---------------------------------------------------------------- figures


@dataclass(frozen=True)
class Figure:
    value: float  # the number as written, without its scale word: "80 billions" -> 80
    text: str  # verbatim: "80 billions US dollars", "40%", "469,000"
    kind: str  # "amount" (money), "percent", "count", "year"
    unit: str | None  # what is counted, verbatim: "billions US dollars", "%", "member states"
    sentence: str
    doc: str
    para: str
    number: str = ""  # the digits as written, the part a cloze blanks: "469,000"


_NUMBER_RE = re.compile(
    r"(?<![\w/.,$€£-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w/-]|[.,]\d)"
    r"(\s*(?:%|per\s?cent\b))?"
)
_SCALE_RE = re.compile(r"\s+(millions?|billions?|thousands?|trillions?)\b")
_CURRENCY_RE = re.compile(r"\s*(?:US\s*dollars?|dollars?|USD|euros?|EUR)\b", re.I)
_UNIT_RE = re.compile(r"\s+([a-z][a-z-]+|UN|US)(?:\s+([a-z][a-z-]+))?")
# A unit word that needs the next word to say what is counted: "member states".
_UNIT_MODIFIERS = frozenset("member observer online UN US highly skilled migrant foreign developed developing".split())
_NOT_UNIT = STOPWORDS | {"per", "percent", "times", "years", "year", "per-cent"}


def figures(corpus: Corpus) -> list[Figure]:
    """Numbers that state a fact (amounts, percentages, counts, years), each
    with its sentence, in reading order. Ordinals, document symbols, article
    numbers and days of the month are left out."""
    out: list[Figure] = []
    for doc_id, para in iter_paragraphs(corpus):
        for sent in sentences(para.text):
            if is_boilerplate(sent) or not is_prose(sent):
                continue
            out.extend(figures_in(sent, doc_id, para.id))
    return out


def figures_in(sent: str, doc_id: str, para_id: str) -> list[Figure]:
    found: list[Figure] = []
    for m in _NUMBER_RE.finditer(sent):
        number, pct = m.group(1), m.group(2)
        before = sent[max(0, m.start() - 14) : m.start()]
        after = sent[m.end() :]
        if re.search(r"(?:\bNo\.?|\bArticle|\bparagraph|\bItem|\bresolution|\bsession|\bG)\s*$", before, re.I):
            continue
        if re.match(rf"\s*(?:(?:-|–|to|and)\s*\d{{1,2}}\s+)?(?:{MONTH}|st\b|nd\b|rd\b|th\b|session\b|\()", after) or re.search(rf"{MONTH}\s+$", before) and not re.fullmatch(YEAR, number):
            continue
        value = float(number.replace(",", ""))
        if pct:
            found.append(Figure(value, number + pct, "percent", "%", sent, doc_id, para_id, number))
            continue
        if re.fullmatch(YEAR, number) and not _SCALE_RE.match(after):
            if re.match(r"\s*[-–]\s*\d", after) or re.search(r"[-–]\s*$", before):
                continue  # a range: the events list keeps it
            found.append(Figure(value, number, "year", None, sent, doc_id, para_id, number))
            continue
        text_end = m.end()
        unit_parts = []
        sm = _SCALE_RE.match(after)
        if sm:
            unit_parts.append(sm.group(1))
            text_end += sm.end()
        rest = sent[text_end:]
        cm = _CURRENCY_RE.match(rest)
        kind = "count"
        if cm or re.search(r"[$€£]\s*$", before):
            kind = "amount"
            if cm:
                unit_parts.append(cm.group(0).strip())
                text_end += cm.end()
        else:
            um = _UNIT_RE.match(rest)
            if um and um.group(1).lower() not in _NOT_UNIT:
                # "member states", and "literacy facilitators": a singular noun before a plural one modifies it
                two = um.group(2) and (um.group(1) in _UNIT_MODIFIERS or (
                    not um.group(1).endswith("s") and um.group(2).endswith("s") and not um.group(2).endswith("ss")
                    and um.group(2).lower() not in _NOT_UNIT))
                if two:
                    unit_parts.append(f"{um.group(1)} {um.group(2)}")
                    text_end += um.end()
                else:
                    unit_parts.append(um.group(1))
                    text_end += um.end(1)
        if re.search(r"\b(?:aged|age|ages)\s+(?:of\s+)?$", before, re.I) or re.match(r"\s*(?:and\s+(?:over|above|older)|years?\s+old)\b", after):
            continue  # "aged 15 and over": who is counted, not a figure
        if not unit_parts and value < 10 and "." not in number:
            continue  # a bare small number is rarely a fact worth asking about
        unit = " ".join(unit_parts) or None
        text = sent[m.start() : text_end]
        found.append(Figure(value, text, kind, unit, sent, doc_id, para_id, number))
    return found


# ---------------------------------------------------------------- organizations


@dataclass(frozen=True)
class Organization:
    name: str  # full name, verbatim
    acronym: str | None
    doc: str
    para: str


_NOT_BODY = re.compile(r"\b(?:Declaration|Convention|Protocol|Report|Programme of Action|Program of Action|Bookmark)\b")


def organizations(corpus: Corpus) -> list[Organization]:
    """The organizations and bodies the corpus names in full, first mention
    first: capitalised names ending in a body word ("Population Division",
    "World Bank", "International Organization for Migration"), with their
    acronym when the corpus expands one."""
    by_expansion = {}
    for a in acronyms(corpus).values():
        for exp in [a.expansion] + [o[0] for o in a.others]:
            by_expansion.setdefault(exp.lower(), a.acronym)
    out: dict[str, Organization] = {}
    for doc_id, para in iter_paragraphs(corpus):
        if is_boilerplate(para.text):
            continue
        for m in NAME_RE.finditer(para.text):
            name = trim_name(strip_leading(m.group(0)))
            ws = name.split()
            if not 2 <= len(ws) <= 10 or ws[0] in MONTHS or not is_body(name) or _NOT_BODY.search(name):
                continue
            if " and the " in name:
                continue  # "member States and the Secretariat": two things, not one name
            key = name.lower()
            if key not in out:
                out[key] = Organization(name, by_expansion.get(key), doc_id, para.id)
    # "Organization for Migration" from "international Organization for Migration"
    # is a fragment of a longer name: keep the longer one only
    keys = list(out)
    tails = {k for k in keys for other in keys if other != k and other.endswith(" " + k) and by_expansion.get(k) is None}
    return [o for k, o in out.items() if k not in tails]


# ---------------------------------------------------------------- dated items (ordering questions)


@dataclass(frozen=True)
class DatedItem:
    year: int
    text: str  # the event in the paragraph's own words with its date taken out
    sentence: str  # the sentence it comes from, verbatim


# What introduces a date and goes with it: "in 1999", "in the spring of 2004", "since 1995".
_DATE_LEAD_RE = re.compile(
    r"(?:\b(?:since|in|of|by|from|during|until|on|at|as of)\s+"
    r"(?:the\s+(?:spring|summer|autumn|fall|winter|beginning|end|middle|course|year)\s+of\s+)?)$"
)
_CLAUSE_END_RE = re.compile(r"[,;:(]|\s[-–—]\s")
# "... showed that Governments continued ...": the event is what comes before the report verb
_REPORT_RE = re.compile(r"\s+(?:showed|shows|found|finds|concluded|noted|notes|said|says|stated|indicated|revealed)\s+that\b")
_LEADING_LINK_RE = re.compile(r"^(?:and|or|but|when|while|which|that|as|where|with|then)\s+", re.I)
_PRONOUN_RE = re.compile(r"\b(?:it|its|it’s|it's|they|their|them|this|these|those|he|she|his|her|such|latter|former)\b", re.I)
_YEAR_IN_RE = re.compile(rf"(?<!\d){YEAR}(?!\d)")
ITEM_WORDS = (3, 14)


def _label_tail(sent: str, end: int, label: str) -> str:
    """A label with the subject its name gives after the date: "Convention No 97"
    + " on Migration for Employment" (cut at "and" when that would be long)."""
    m = re.match(r"\s+((?:on|for|relating to)\s+[A-Z][^,;:.()]*)", sent[end:])
    if not m:
        return label
    tail = m.group(1)
    if len((label + " " + tail).split()) > 10:
        tail = re.split(r"\s+and\s+", tail)[0]
    tail = TRAILING_CONNECTOR_RE.sub("", tail)
    out = f"{label} {tail}"
    return out if len(out.split()) <= ITEM_WORDS[1] else label


def _clause_item(sent: str, start: int, end: int) -> str | None:
    """The clause around a date, the date and its preposition taken out."""
    lead = _DATE_LEAD_RE.search(sent[:start])
    ds = lead.start() if lead else start
    left = max((m.end() for m in _CLAUSE_END_RE.finditer(sent[:ds])), default=0)
    nxt = _CLAUSE_END_RE.search(sent, end)
    right = nxt.start() if nxt else len(sent)
    clause = (sent[left:ds] + sent[end:right]).strip()
    rep = _REPORT_RE.search(clause)
    if rep:
        clause = clause[: rep.start()]
    clause = re.sub(r"\s+", " ", clause).strip(" .,;:-–—\"'“”")
    while _LEADING_LINK_RE.match(clause):
        clause = _LEADING_LINK_RE.sub("", clause, count=1)
    return clause or None


_PLANNED_RE = re.compile(r"\b(?:will|shall|would|is to|are to|plans? to|intends? to|is expected to)\b", re.I)


def dated_items(text: str) -> list[DatedItem]:
    """The dated events of one paragraph as short phrases that do not give
    their year away, for ordering and event-year questions: a named event
    ("Convention No 97 on Migration for Employment", of 1949) or the clause
    around the date with the date removed ("A study undertaken by the ILO and
    reviewed by the International Labour Conference", in 1999). Phrases with
    a pronoun ("since its creation"), another year, or of an odd length are
    left out; one item per year, the first in reading order."""
    out: list[DatedItem] = []
    years: set[int] = set()
    texts: set[str] = set()
    for sent in sentences(text):
        if not is_prose(sent) or is_boilerplate(sent):
            continue
        for m in DATE_RE.finditer(sent):
            if inside_reference(sent, m.start(), m.end()):
                continue
            year = int(m.group(1))
            label = _event_label(sent, m.start(), m.end())
            item = _label_tail(sent, m.end(), label) if label else _clause_item(sent, m.start(), m.end())
            # a name may be short ("Helsinki Rules"); a clause needs a few words to say what happened
            if not item or not (2 if label else ITEM_WORDS[0]) <= len(item.split()) <= ITEM_WORDS[1]:
                continue
            if _YEAR_IN_RE.search(item) or _PRONOUN_RE.search(item) or item.count("(") != item.count(")"):
                continue
            if _PLANNED_RE.search(item):
                continue  # "the question will be before the governing body in 2004": a plan, not an event
            if item.split()[0].lower() in STOPWORDS - {"the", "a", "an"}:
                continue  # "within ...", "for ...": a fragment, not an event
            item = item[0].upper() + item[1:]
            if year in years or item.casefold() in texts:
                continue
            years.add(year)
            texts.add(item.casefold())
            out.append(DatedItem(year, item, sent))
    return out


def undated(text: str) -> str:
    """The paragraph with every date and its preposition taken out (what an
    ordering item must be a part of), whitespace collapsed."""
    parts, pos = [], 0
    for m in DATE_RE.finditer(text):
        lead = _DATE_LEAD_RE.search(text[: m.start()])
        start = lead.start() if lead and lead.start() >= pos else m.start()
        parts.append(text[pos:start])
        pos = m.end()
    parts.append(text[pos:])
    return re.sub(r"\s+", " ", "".join(parts))


def derived_from(item: str, text: str) -> bool:
    """Whether an ordering item is the paragraph's own words, its dates taken
    out (only the first letter may have been capitalised)."""
    body = undated(text)
    item = re.sub(r"\s+", " ", item.strip())
    return bool(item) and (item in body or item[0].lower() + item[1:] in body)
