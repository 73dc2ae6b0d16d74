"""Candidate questions, many per paragraph, each built from one source sentence
(or, for matching and ordering, one paragraph) and checked before it is kept.

Every question is extractive: its key is a span of the cited paragraph, and
its explanation quotes the sentence that holds it. Nothing is paraphrased,
so nothing can be paraphrased wrongly.
"""

from __future__ import annotations

import hashlib
import re

from courseforge.generate import extract, prose
from courseforge.generate.dates import DATE_RE, MONTH, inside_reference
from courseforge.generate.facts import is_deadline, is_event_date
from courseforge.generate.names import ACRONYM_TOKEN_RE, ORG_HEADS, is_acronym, is_body, strip_leading, trim_name
from courseforge.quiz.model import (
    BLANK,
    Distractor,
    FillBlank,
    Item,
    Matching,
    MultipleChoice,
    Numeric,
    Option,
    Ordering,
    Pair,
    SingleChoice,
    SourceRef,
    TrueFalse,
)
from courseforge.sources.labels import paragraph_label

from . import distractors as D
from . import structures
from .checks import (
    LEADS,
    DIRECTIONS,
    STRUCTURE_LEADS,
    check_distractors_form,
    check_distractors_not_true,
    check_question,
    changed_fact,
    giveaway,
    read_resolved,
    related_forms,
    strip_insertions,
)
from .drafts import Blank, Candidate, SourceParagraph, SourceSentence, Span
from .index import CorpusIndex, drop_opener

N_OPTIONS = 4
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split()) if i >= 2}
NUMBER_WORDS |= {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORD_RE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
                            + r")(?=\s+[a-z]+s\b)", re.I)
# Names too common in a UN corpus to make a question: every option would read true.
TOO_COMMON = frozenset({"United Nations", "UN", "General Assembly of the United Nations"})
# How much a trainer values each kind of draft, all else equal: figures and
# dates are the facts a course is asked about; matching and ordering are rare
# and test more than one fact at once.
TYPE_SCORE = {
    "ordering": 1.2,
    "matching": 1.1,
    "multiple": 1.1,
    "numeric": 1.0,
    "single": 0.9,
    "true_false": 0.8,
    "fill_blank": 0.8,
}


def question_id(doc: str, para: str, qtype: str, key: str) -> str:
    h = hashlib.sha1(f"{doc}|{para}|{qtype}|{key}".encode("utf-8")).hexdigest()[:10]
    return f"q-{h}"


def short_id(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:6]


def usable_sentence(s: str) -> bool:
    """A sentence a learner can read on its own, of a sensible length, clean."""
    n = len(s.split())
    return (
        7 <= n <= 38
        and prose.is_prose(s)
        and prose.self_contained(s)
        and not prose.is_boilerplate(s)
        and s.count("(") == s.count(")")
        and s.count("“") == s.count("”")
        and s.count('"') % 2 == 0
        and s.rstrip("\"'”’)").endswith(".")  # a statement, not a question or heading
        and not LEGAL_FORMULA_RE.search(s)
    )


def statement_ok(s: str) -> bool:
    """Also fit for a true/false statement: no "...: a; b; c" list, whose
    items a learner would have to judge one by one."""
    return ":" not in s and ";" not in s


# "hereinafter called", "is hereby established": the wording of an act, not a claim to judge
LEGAL_FORMULA_RE = re.compile(r"\b(?:hereinafter|hereby|herein|hereto|thereof|whereof)\b", re.I)


def sentence_quality(s: str) -> float:
    n = len(s.split())
    q = 1.0
    if n < 10:
        q -= 0.15
    if n > 30:
        q -= 0.1 * (n - 30) / 8
    q -= 0.05 * (s.count(",") > 3) + 0.05 * ("(" in s) + 0.05 * (";" in s)
    return q


def explanation(sentence: str, prefix: str = "") -> str:
    """Quotes the source sentence, in its own words (any insertion removed)."""
    return f"{prefix}The source says: “{strip_insertions(sentence)}”"


def quote_of(idx: CorpusIndex, src: SourceRef, sentence: str, prefix: str = "") -> str:
    """:func:`explanation` of what a learner read, quoting what the source says."""
    return f"{prefix}The source says: “{idx.as_said(sentence, src.doc, src.para)}”"


NOT_ENOUGH_DISTRACTORS = "not enough distractors that are surely wrong"


class Builder:
    """Builds and checks the candidates of one module.

    Each drafting method takes the sentence (or paragraph, or blank) a
    question comes from and returns the candidates that passed every check,
    in the order they were drafted."""

    def __init__(self, idx: CorpusIndex, seed: str):
        self.idx = idx
        self.seed = seed
        self.tried = 0
        self.rejected: dict[str, int] = {}
        # how often each distractor has been used in this module: the least used
        # come first, so a quiz does not offer the same wrong answer again and again
        self.used: dict[str, int] = {}

    # -- bookkeeping

    def keep(self, c: Candidate) -> list[Candidate]:
        """``[c]`` if its question passes every check (its hints made safe first), else ``[]``."""
        self.tried += 1
        q = c.question
        q.hints = [self.safe_hint(q, h) for h in q.hints]
        reason = check_question(q, self.idx)
        if reason:
            key = re.sub(r"'[^']*'", "'…'", reason)
            self.rejected[key] = self.rejected.get(key, 0) + 1
            return []
        return [c]

    def reject(self, reason: str) -> None:
        """Count a draft that was tried and left out, by its reason."""
        self.tried += 1
        self.rejected[reason] = self.rejected.get(reason, 0) + 1

    def names_key(self, text: str, q) -> bool:
        """Whether ``text`` names the key, or, for a false statement, the fact it changed."""
        if giveaway(text, q, self.idx) is not None:
            return True
        changed = changed_fact(q)
        return bool(changed) and any(D.extract_contains(text, f) for f in related_forms(changed, self.idx))

    def safe_hint(self, q, hint: str) -> str:
        """The hint, or a plainer one when it would name the answer.

        Section titles often name exactly what a cloze asks for ("(ii) A clear
        and secure legal status"), and document titles can too ("Activities of
        UNITAR ..."): fall back to the document, then to the paragraph alone.
        """
        if not self.names_key(hint, q):
            return hint
        title = self.idx.doc_title.get(q.source.doc, q.source.doc)
        where = paragraph_label(q.source.para)
        for plainer in (f"Look in {title}, {where}.", f"Read {where} of the source."):
            if not self.names_key(plainer, q):
                return plainer
        return f"Read {where} of the source."

    def hints(self, src: SourceRef) -> list[str]:
        title = self.idx.doc_title.get(src.doc, src.doc)
        section = self.idx.section_title.get((src.doc, src.para), "")
        if section and section != title:
            return [f"Look in “{section}” ({title}, {paragraph_label(src.para)})."]
        return [f"Look in {title}, {paragraph_label(src.para)}."]

    def pick_distractors(self, blank: Blank, pool: list[str], *, n: int = N_OPTIONS - 1,
                         lead: str = LEADS["single"]) -> list[str]:
        chosen: list[str] = []
        pool = sorted(pool, key=lambda d: self.used.get(d, 0))  # stable: keeps the seeded order within a count
        for d in pool:
            probe = SingleChoice(
                id="probe", prompt=lead + blank.stem, explanation="", source=blank.sentence.src,
                options=[Option("a", blank.key, True)] + [Option(f"x{i}", t, False) for i, t in enumerate(chosen + [d])],
            )
            if check_distractors_form(probe) or check_distractors_not_true(probe, self.idx):
                continue
            chosen.append(d)
            if len(chosen) == n:
                for c in chosen:
                    self.used[c] = self.used.get(c, 0) + 1
                return chosen
        return []

    # -- per sentence

    def sentence_candidates(self, paragraph: SourceParagraph) -> list[Candidate]:
        out: list[Candidate] = []
        doc, para = paragraph.doc, paragraph.para
        sents = prose.sentences(para.text)
        reading = self.idx.readings.get((doc, para.id)) if len(sents) == 1 else None
        for si, said in enumerate(sents):
            # ``said`` is the source sentence; ``s`` is what the learner reads:
            # the same words, with the name a leading "It" stands for inserted
            # in brackets, or a resolution's clause with its subject
            if reading is not None:
                s = reading.read(said)
                probe = "Someone" + s[len(reading.subject):] if reading.subject else s
                s = s if usable_sentence(probe) else None
            else:
                plain = drop_opener(said)  # "For example, the IOM ..." -> "The IOM ..."
                s = plain if usable_sentence(plain) else self.resolve(plain, paragraph=paragraph, before=sents[:si])
            if s is None or WOULD_RE.search(s):
                continue  # "All countries would ...": an ideal the text argues for, not a fact to recall
            if HOSTING_RE.search(s):
                continue  # "... assisted by hosting a workshop": who ran one event, trivia whatever is asked
            base = sentence_quality(said) - 0.01 * paragraph.rank - 0.05 * ("[" in s and reading is None)
            sent = SourceSentence(paragraph, si, s, base)
            # never blank inside the insertion or the subject a clause is read with
            cut = len(reading.read_head) if reading else s.find("]") + 1
            spans = [sp for sp in self.spans(s, sent.src) if sp.start >= cut]
            volume = VOLUME_RE.search(s)  # "delivers close to 200 online courses annually": a body's output, trivia
            for kind, start, end in spans:
                if volume and kind in ("acronym", "name", "number", "number-word"):
                    continue
                if kind in ("number", "number-word") and re.match(r"[^.;:]{0,60}:", s[end:]):
                    continue  # "___ obstacles keep adults ...: a, b and c": the list counts itself
                if kind in ("number", "number-word") and SIZE_TRIVIA.search(s[max(0, start - 30):start] + "#" + s[end:end + 30]):
                    continue  # how many offices or observer states a body has: trivia, not the point
                out += self.clozes(Blank(sent, start, end), kind)
            out += self.structured(sent)
            out += self.true_false(sent, spans)
            if s == said:
                out += self.multiple(sent)
        return out

    def clozes(self, blank: Blank, kind: str) -> list[Candidate]:
        """The questions that ask for a blanked year, figure, acronym or name."""
        s, key, stem, base = blank.sentence.text, blank.key, blank.stem, blank.sentence.base
        text, doc = blank.sentence.paragraph.text, blank.sentence.src.doc
        if kind == "year":
            out = self.cloze_fill(blank, base=base, bloom="remember")
            pool = D.years(key, self.idx, self.seed, exclude=text)
            return out + (self.cloze_single(blank, pool, base=base) or [])
        if kind == "number":
            return self.cloze_numeric(blank)
        if kind == "number-word":
            return self.cloze_fill(blank, base=base - 0.05, bloom="remember", also=[str(NUMBER_WORDS[key.lower()])])
        if kind == "acronym" and specific(stem) and not ORDINAL_BEFORE_RE.search(s[:blank.start]):
            out = self.cloze_fill(blank, base=base - 0.1, bloom="remember", also=[self.idx.expansion_of.get(key, "")])
            pool = D.acronyms(key, self.idx, self.seed, exclude=text)
            return out + (self.cloze_single(blank, pool, base=base) or [])
        # a common noun phrase ("migration flows") is rarely the point of its
        # sentence, and other noun phrases of the corpus do not fit its blank:
        # terms are asked only where a sentence defines them (see definitions)
        if kind == "name" and specific(stem):
            if ORDINAL_BEFORE_RE.search(s[:blank.start]):
                return []  # "the 46th ___", "the first ___ meeting": which session of what, trivia
            # bodies of another document are easily ruled out: options
            # are the bodies the same document names, or the learner writes the name
            pool = [n for n in D.names(key, self.idx, self.seed, exclude=text, doc=doc)
                    if doc in self.idx.body_docs(n) and not _contains_name(stem, n)]
            head = head_word(key)
            if any(head_word(n) == head for _, n in self.idx.organizations_in(stem) if n != key):
                # "While the Third Committee ..., the ___ has ...": the blank is
                # another committee, and only committees are plausible options
                pool = [n for n in pool if head_word(n) == head]
            else:  # an organisation for an organisation, a forum for a forum, where the document has them
                pool.sort(key=lambda n: head_word(n) != head)
            made = self.cloze_single(blank, pool, base=base - 0.05, quiet=True)
            if made is None:
                return self.cloze_fill(blank, base=base - 0.1, bloom="remember") if len(key.split()) <= 4 else []
            return made
        return []

    def structured(self, sent: SourceSentence) -> list[Candidate]:
        """A definition asks for the term it defines; a reason or a purpose
        asks why. The options are other terms, reasons or purposes the
        documents give, so every option has the key's form and is false here."""
        # Reasons and purposes are not asked this way: the other reasons a
        # document gives are plausible options but may also be causes here (a
        # course "costs more per completer" because "so many learners drop
        # out", and they drop out "since they study alone"), and reasons from
        # other documents are implausible. Their sentences rank higher as
        # true statements instead (see true_false).
        s, src = sent.text, sent.src
        span = structures.defined_term(s)
        if span is None or (s.find("]") + 1 if "[" in s else 0) > span.start:
            return []
        blank = Blank(sent, span.start, span.end)
        key = span.text
        # another definition is surely not this one: the terms the same document
        # defines first (the likeliest to confuse), then other documents'
        # the terms the same document defines: another document's ("Basin" beside
        # "Functional literacy") are ruled out at a glance, so the learner writes the term instead
        pool = [(d != src.doc, D.seeded(self.seed, key, w), _like(w, key))
                for d, p, w in self.idx.defined_terms
                if d == src.doc and p != src.para and w.casefold() != key.casefold()]
        pool = list(dict.fromkeys(w for *_, w in sorted(pool)))
        worth = TYPE_SCORE["single"] * sent.base + 0.3  # definitions and reasons are what a course asks about
        # three options will do where the document defines only two other terms
        ds = self.pick_distractors(blank, pool, n=min(N_OPTIONS - 1, max(2, len(pool))),
                                   lead=STRUCTURE_LEADS[span.kind])
        if not ds:
            # no three other terms to choose from: the learner writes the term
            return self.cloze_fill(blank, base=sent.base + 0.1, bloom="remember")
        options = [Option("a", key, True, "Right: this is what the source says.")]
        options += [Option("bcd"[i], d, False, f"Not this one: the source defines it as {key}.")
                    for i, d in enumerate(ds)]
        q = SingleChoice(
            id=question_id(src.doc, src.para, "single", f"{sent.group}|{key}"),
            prompt=STRUCTURE_LEADS[span.kind] + blank.stem,
            explanation=quote_of(self.idx, src, s),
            source=src,
            hints=self.hints(src),
            bloom="understand",
            options=options,
        )
        return self.keep(Candidate(q, worth, sent.group, sent.order))

    def multiple(self, sent: SourceSentence) -> list[Candidate]:
        """"Select all that apply" on a sentence that lists several bodies
        ("supported by IOM, UNFPA and the John D. and Catherine T. MacArthur
        Foundation"): the list is blanked, its members are the keys, and the
        wrong options are bodies the documents never name beside any of them."""
        found = body_list(sent.text, self.idx)
        if not found:
            return []
        start, end, keys = found
        blank = Blank(sent, start, end)
        if not specific(blank.stem):
            return []
        n_wrong = max(2, 5 - len(keys))
        acronym_keys = sum(1 for k in keys if is_acronym(k) and " " not in k)
        pool = D.bodies(keys, self.idx, self.seed, prefer_acronyms=2 * acronym_keys >= len(keys))
        wrong: list[str] = []
        for d in pool:
            probe = self.multiple_question(blank, keys=keys, wrong=wrong + [d])
            if check_distractors_form(probe) or check_distractors_not_true(probe, self.idx):
                continue
            wrong.append(d)
            if len(wrong) == n_wrong:
                break
        if len(wrong) < 2:
            self.reject(NOT_ENOUGH_DISTRACTORS)
            return []
        for d in wrong:
            self.used[d] = self.used.get(d, 0) + 1
        q = self.multiple_question(blank, keys=keys, wrong=wrong)
        return self.keep(Candidate(q, TYPE_SCORE["multiple"] * sent.base + 0.05 * len(keys), sent.group, sent.order))

    def multiple_question(self, blank: Blank, *, keys: list[str], wrong: list[str]) -> MultipleChoice:
        """The "select all" question on ``blank``, a list whose members are ``keys``."""
        s, src = blank.sentence.text, blank.sentence.src
        named = join_names(keys)
        options = [Option(short_id("k", k), k, True, "Right: the source names it here.") for k in keys]
        options += [Option(short_id("w", d), d, False, f"Not named here: the source names {named}.") for d in wrong]
        return MultipleChoice(
            id=question_id(src.doc, src.para, "multiple", f"{s}|{'|'.join(keys)}"),
            prompt=LEADS["multiple"] + blank.stem,
            explanation=quote_of(self.idx, src, s, f"The source names {named}. "),
            source=src,
            hints=self.hints(src) + [f"{len(keys)} options are right."],
            bloom="remember",
            options=options,
        )

    def resolve(self, s: str, *, paragraph: SourceParagraph, before: list[str]) -> str | None:
        """``s`` with the body a leading "It" or "The Forum" stands for
        inserted in brackets, when the antecedent is certain (named once in
        ``before``, the paragraph's sentences up to ``s``, or for "It" in the
        section's title); else None."""
        doc, para = paragraph.doc, paragraph.para
        m = re.match(r"^(It|The ([A-Z][a-z]+))\s", s)
        if not m or re.match(r"^It\s+(?:is|was|has been|seems|appears|would|might|could|may|should|must|will)\b", s):
            return None
        bodies_before = self.bodies_in(" ".join(before))
        if m.group(1) == "It":
            title = self.idx.section_title.get((doc, para.id), "")
            in_title = self.bodies_in(title)
            candidates = set(bodies_before) | set(in_title)
            if len(candidates) != 1:
                return None
            name = candidates.pop()
            name = f"the {name}"
            resolved = f"It [{name}]{s[2:]}"
        else:
            word = m.group(2)
            # the names of the section so far: its title, this paragraph up to here
            names_before = [self.idx.section_title.get((doc, para.id), ""), " ".join(before)]
            names = {n for _, n in self.idx.organizations_in(" ".join(names_before)) if head_word(n) == word}
            if len(names) != 1:
                return None
            resolved = f"The {word} [{names.pop()}]{s[len(m.group(1)):]}"
        probe = read_resolved(resolved)
        return resolved if usable_sentence(probe) else None

    def bodies_in(self, text: str) -> list[str]:
        """Bodies named in ``text`` (full names, and acronyms of bodies), "UN" aside."""
        found = [name for _, name in self.idx.organizations_in(text) if name not in TOO_COMMON]
        found += [m.group(1) for m in ACRONYM_TOKEN_RE.finditer(text)
                  if m.group(1) in self.idx.body_acronyms]
        # a full name and its own acronym are one body
        acr = {self.idx.acronym_of.get(n.lower()) for n in found}
        names = {n for n in found if n not in acr}
        return sorted(n for n in names if not any(n != o and n in o for o in names))

    def spans(self, s: str, src: SourceRef) -> list[Span]:
        """Spans of a sentence of ``src`` worth blanking: years, figures, bodies."""
        spans: list[Span] = []
        for m in DATE_RE.finditer(s):
            if m.group(2) or inside_reference(s, m.start(), m.end()):
                continue
            if not (is_event_date(s, m.group(0)) or is_deadline(s, m.group(0))):
                continue  # "412,000 in 2022", "a survey of 2021": the year is not what the sentence says
            if re.search(r"(?<![.!?] )(?<!^)\b(?!(?:In|By|From|Since|Until|Before|After|To)\b)[A-Z][a-z]+ $", s[: m.start()]) \
                    and not re.search(MONTH + r" $", s[: m.start()]):
                continue  # "Immunization Agenda 2030": the year is part of a name
            spans.append(Span("year", m.start(1), m.end(1)))
        for f in extract.figures_in(s, src.doc, src.para):
            if f.kind == "year":
                continue
            for m in re.finditer(rf"(?<![\w.,]){re.escape(f.number)}(?![\w]|[.,]\d)", s):
                around = s[max(0, m.start() - 9) : m.start()] + "#" + s[m.end() : m.end() + 6]
                if not re.search(r"(?:\d\s*(?:-|–|to|and)\s*#|#\s*(?:-|–|to)\s*\d|between\s+#)", around):
                    spans.append(Span("number", m.start(), m.end()))
                break
        for m in NUMBER_WORD_RE.finditer(s):
            if not re.match(r"\s+(?:of|to|or|and|-)\b", s[m.end() :]):
                spans.append(Span("number-word", m.start(), m.end()))
        for m in ACRONYM_TOKEN_RE.finditer(s):
            if m.group(1) in self.idx.body_acronyms:
                spans.append(Span("acronym", m.start(1), m.end(1)))
        for i, name in self.idx.organizations_in(s):
            if name in TOO_COMMON or len(name.split()) < 2 or not single_name(name, self.idx):
                continue
            spans.append(Span("name", i, i + len(name)))
        for m in re.finditer(r"(?<![\w-])[a-z]+(?= )", s):
            for t in self.idx.terms_by_first.get(m.group(0), ()):
                end = m.start() + len(t)
                if s.startswith(t, m.start()) and not re.match(r"[\w-]", s[end : end + 1]):
                    spans.append(Span("term", m.start(), end))
        # drop spans inside another span (a year inside a name)
        spans.sort(key=lambda t: (t.start, -(t.end - t.start)))
        kept: list[Span] = []
        for sp in spans:
            if any(k.start <= sp.start and sp.end <= k.end and k != sp for k in kept):
                continue
            kept.append(sp)
        return kept

    def cloze_fill(self, blank: Blank, *, base: float, bloom: str, also=()) -> list[Candidate]:
        """The learner writes the key (or one of ``also``)."""
        sent, key = blank.sentence, blank.key
        src = sent.src
        answers = [key] + [a for a in also if a and a != key]
        q = FillBlank(
            id=question_id(src.doc, src.para, "fill_blank", f"{sent.group}|{key}"),
            prompt=LEADS["fill_blank"] + blank.stem,
            explanation=quote_of(self.idx, src, sent.text),
            source=src,
            hints=self.hints(src),
            bloom=bloom,
            answers=answers,
        )
        return self.keep(Candidate(q, TYPE_SCORE["fill_blank"] * base, sent.group, sent.order))

    def cloze_numeric(self, blank: Blank) -> list[Candidate]:
        sent, key = blank.sentence, blank.key
        src = sent.src
        value = float(key.replace(",", ""))
        q = Numeric(
            id=question_id(src.doc, src.para, "numeric", f"{sent.group}|{key}"),
            prompt=LEADS["numeric"] + blank.stem,
            explanation=quote_of(self.idx, src, sent.text),
            source=src,
            hints=self.hints(src),
            bloom="remember",
            answer=int(value) if value.is_integer() else value,
            tolerance=0,
        )
        return self.keep(Candidate(q, TYPE_SCORE["numeric"] * sent.base, sent.group, sent.order))

    def cloze_single(self, blank: Blank, pool: list[str], *, base: float,
                     quiet: bool = False) -> list[Candidate] | None:
        """A single-choice cloze, if three distractors of ``pool`` pass; None
        when they do not (counted as a rejection unless ``quiet``)."""
        sent, key = blank.sentence, blank.key
        src = sent.src
        ds = self.pick_distractors(blank, pool)
        if not ds:
            if not quiet:
                self.reject(NOT_ENOUGH_DISTRACTORS)
            return None
        options = [Option("a", key, True, "Right: this is what the source says.")]
        for i, d in enumerate(ds):
            options.append(Option("bcd"[i], d, False, f"Not {d}: the source gives {key}."))
        q = SingleChoice(
            id=question_id(src.doc, src.para, "single", f"{sent.group}|{key}"),
            prompt=LEADS["single"] + blank.stem,
            explanation=quote_of(self.idx, src, sent.text),
            source=src,
            hints=self.hints(src),
            bloom="remember",
            options=options,
        )
        return self.keep(Candidate(q, TYPE_SCORE["single"] * base, sent.group, sent.order))

    def true_false(self, sent: SourceSentence, spans: list[Span]) -> list[Candidate]:
        """The sentence as a true statement, and one false statement made by
        changing one of its facts (a direction, or one of ``spans``)."""
        s, src, base = sent.text, sent.src, sent.base
        if not statement_ok(s) or HYPOTHETICAL_RE.search(s):
            return []  # "All countries would ..." describes an ideal, not a fact
        hints = self.hints(src)
        q = TrueFalse(
            id=question_id(src.doc, src.para, "true_false", f"{sent.group}|true"),
            prompt=LEADS["true_false"] + s,
            explanation=quote_of(self.idx, src, s, "True. "),
            source=src,
            hints=hints,
            bloom="understand",
            answer=True,
            feedback_true="Right: the source says exactly this.",
            feedback_false="In fact the source says exactly this.",
        )
        # a true statement with no fact in it is trivial: prefer ones with a date,
        # figure or name, and claims that give their reason or purpose
        facty = 0.1 if spans or structures.reason_clause(s) else -0.2
        out = self.keep(Candidate(q, TYPE_SCORE["true_false"] * base + facty, sent.group, sent.order, "true"))
        # a false statement changes one fact (a year, a figure, a body, a
        # direction) into another the documents make plausible; never a bare
        # "not" or an antonym that makes nonsense
        reversed_ = self.direction(sent, hints)
        if reversed_:
            return out + reversed_
        for kind, start, end in spans:
            key = s[start:end]
            if kind == "number" and re.match(r"\s*(?:%|per\s?cent)", s[end:]):
                kind = "percent"
            if kind in ("acronym", "name") and ORDINAL_BEFORE_RE.search(s[:start]):
                continue  # "the first GFMD meeting" made "the first ILO meeting": trivia
            for new in self.false_values(key, kind=kind, src=src):
                statement = s[:start] + new + s[end:]
                q = TrueFalse(
                    id=question_id(src.doc, src.para, "true_false", f"{sent.group}|false|{key}"),
                    prompt=LEADS["true_false"] + statement,
                    explanation=quote_of(self.idx, src, s, f"False: the source gives {key}, not {new}. "),
                    source=src,
                    hints=hints,
                    bloom="remember",
                    answer=False,
                    feedback_true=f"Not quite: the source gives {key}, not {new}.",
                    feedback_false=f"Right: the source gives {key}, not {new}.",
                )
                made = self.keep(Candidate(q, TYPE_SCORE["true_false"] * base + 0.1, sent.group, sent.order, "false"))
                if made:
                    return out + made  # one false statement per sentence is enough
        return out

    def direction(self, sent: SourceSentence, hints: list[str]) -> list[Candidate]:
        """A false statement made by reversing the one direction a sentence
        states ("rose" -> "fell", "more than" -> "less than"), when no
        negation could cancel it and the opposite word is not already there."""
        s, src = sent.text, sent.src
        if NEGATION_RE.search(s):
            return []
        hits = [m for m in re.finditer(r"[a-z]+", s) if m.group(0) in DIRECTIONS]
        hits += [m for m in re.finditer(r"\b(more|less|fewer)(?= than\b)", s)]
        if len(hits) != 1:
            return []
        m = hits[0]
        word = m.group(0)
        new = DIRECTIONS.get(word) or {"more": "less", "less": "more", "fewer": "more"}[word]
        if re.search(rf"\b{new}\b", s, re.I):
            return []
        statement = s[: m.start()] + new + s[m.end() :]
        q = TrueFalse(
            id=question_id(src.doc, src.para, "true_false", f"{sent.group}|false|{word}"),
            prompt=LEADS["true_false"] + statement,
            explanation=quote_of(self.idx, src, s, f"False: the source says “{word}”, not “{new}”. "),
            source=src,
            hints=hints,
            bloom="understand",
            answer=False,
            feedback_true=f"Not quite: the source says {word}, not {new}.",
            feedback_false=f"Right: the source says {word}, not {new}.",
        )
        return self.keep(Candidate(q, TYPE_SCORE["true_false"] * sent.base, sent.group, sent.order, "false"))

    def false_values(self, key: str, *, kind: str, src: SourceRef) -> list[str]:
        """Wrong values for ``key``, a span of ``kind`` in a sentence of ``src``."""
        text = self.idx.paragraph_text(src.doc, src.para) or ""
        if kind == "year":
            return D.years(key, self.idx, self.seed, exclude=text)[:3]
        if kind == "number":
            return changed_numbers(key)
        if kind == "percent":
            return [v for v in changed_numbers(key) if float(v.replace(",", "")) <= 100]
        if kind == "acronym":
            # only bodies the document never mentions: a swap must not become true
            doc_text = self.idx.doc_text.get(src.doc, "")
            return [a for a in D.acronyms(key, self.idx, self.seed, exclude=text)
                    if not D.extract_contains(doc_text, a)][:2]
        return []

    # -- per paragraph

    def paragraph_candidates(self, paragraph: SourceParagraph) -> list[Candidate]:
        out: list[Candidate] = []
        doc, para, text, src = paragraph.doc, paragraph.para, paragraph.text, paragraph.src
        if prose.is_boilerplate(text):
            return out
        # acronym <-> expansion, every pair written out in this paragraph
        pairs = []
        for a in self.idx.acronyms.values():
            # the expansion this paragraph writes out ("International Labour Office", not "... Organization")
            written = [e for e in [a.expansion] + [o[0] for o in a.others] if e in text and is_body(e)]
            if D.extract_contains(text, a.acronym) and written:
                pairs.append(extract.Acronym(a.acronym, written[0], doc, para.id))
        if len(pairs) >= 3:
            pairs = sorted(pairs, key=lambda a: D.seeded(self.seed, "pair", a.acronym))[:5]
            extra = D.expansions({a.acronym for a in pairs}, self.idx, self.seed, exclude=text)[:1]
            q = Matching(
                id=question_id(doc, para.id, "matching", "acronyms"),
                prompt="Match each acronym with its full name, as the source writes it.",
                explanation=explanation(self.quote_for(text, [a.acronym for a in pairs])),
                source=src,
                hints=self.hints(src),
                bloom="remember",
                pairs=[Pair(short_id("p", a.acronym), a.acronym, a.expansion) for a in pairs],
                distractors=[Distractor(short_id("x", e), e) for e in extra],
            )
            out += self.keep(Candidate(q, TYPE_SCORE["matching"], paragraph.group("acronyms"), paragraph.order))
        # dated events of this paragraph, as phrases that do not give their year away
        items = extract.dated_items(text)
        if len(items) >= 3:
            items = sorted(items, key=lambda e: e.year)[:5]
            dates = "; ".join(f"{e.text} ({e.year})" for e in items)
            quote = self.quote_for(text, [e.sentence for e in items])
            q = Ordering(
                id=question_id(doc, para.id, "ordering", "events"),
                prompt="Put these events in chronological order, earliest first, as the cited paragraph dates them.",
                explanation=explanation(quote, f"The paragraph dates them: {dates}. "),
                source=src,
                hints=self.hints(src),
                bloom="understand",
                items=[Item(short_id("e", e.text), e.text) for e in items],
            )
            # one question per paragraph's events: an ordering and a matching
            # of the same events in one quiz would answer each other
            sents = prose.sentences(text)
            covers = tuple(sorted({f"{doc}|{para.id}|{sents.index(e.sentence)}" for e in items if e.sentence in sents}))
            events = paragraph.group("events")
            out += self.keep(Candidate(q, TYPE_SCORE["ordering"], events, paragraph.order, covers=covers))
            years_pool = [y for y in D.years(str(items[0].year), self.idx, self.seed, exclude=text)
                          if not any(abs(int(y) - e.year) < 2 for e in items)]
            q = Matching(
                id=question_id(doc, para.id, "matching", "events"),
                prompt="Match each event with the year the cited paragraph gives for it.",
                explanation=explanation(quote, f"The paragraph dates them: {dates}. "),
                source=src,
                hints=self.hints(src),
                bloom="remember",
                pairs=[Pair(short_id("p", e.text), e.text, str(e.year)) for e in items],
                distractors=[Distractor(short_id("x", y), y) for y in years_pool[:1]],
            )
            out += self.keep(Candidate(q, TYPE_SCORE["matching"], events, paragraph.order, covers=covers))
        return out

    def quote_for(self, text: str, needles: list[str]) -> str:
        """The sentence of the paragraph that names most of ``needles`` (or is one of them)."""
        best, score = "", -1
        for s in prose.sentences(text):
            n = sum(1 for x in needles if x in s or s in x)
            if n > score:
                best, score = s, n
        return best


NEGATION_RE = re.compile(
    r"\b(?:not|no|never|nor|neither|none|nothing|cannot|without|hardly|only|lack\w*|fail\w*|little|few)\b|n't",
    re.I,
)
WOULD_RE = re.compile(r"\bwould\b", re.I)
# "the 46th ___", "the first ___ meeting", "its second ___": an ordinal just before a blank
ORDINAL_BEFORE_RE = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|last)\s+$",
    re.I)
# The size of an organisation: its offices, staff, members and observers.
SIZE_TRIVIA = re.compile(
    r"#\s+(?:member|observer|associate)\s+(?:states|countries|members)|#\s+(?:offices|staff|employees|observers)\b"
    r"|\boffices\s+in\s+(?:more\s+than\s+|over\s+|some\s+|about\s+)?#|\band\s+#\s+observer", re.I)
# How much a body turns out a year: courses, trainees, reports "annually".
VOLUME_RE = re.compile(
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|a|one\s+thousand|a\s+thousand|hundreds)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:courses|trainees|beneficiaries|participants|workshops|seminars|publications|reports|"
    r"events|meetings|sessions)\s+(?:\w+\s+){0,2}?(?:annually|a\s+year|each\s+year|every\s+year|per\s+year)\b",
    re.I)
# Who hosted, convened or organised one meeting: an event's logistics.
HOSTING_RE = re.compile(
    r"\b(?:host(?:s|ed|ing)?|conven(?:e|es|ed|ing)|organi[sz](?:e|es|ed|ing)|chair(?:s|ed|ing)?)\s+(?:a|an|the|its|their)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:workshops?|meetings?|seminars?|sessions?|events?|briefings?|panels?|side[- ]events?|"
    r"receptions?|round[- ]?tables?)\b", re.I)
HYPOTHETICAL_RE = re.compile(r"\b(?:would|might|could|ideal|ideally)\b", re.I)


# A name as a list member may have initials: "John D. and Catherine T. MacArthur Foundation".
_LIST_NAME_RE = re.compile(
    r"(?<![\w.-])(?:[A-Z][a-z][\w’'-]*|[A-Z]\.)(?:\s+(?:(?:of|for|and|on|the|in|to)\s+){0,2}(?:[A-Z][a-z][\w’'-]*|[A-Z]\.))*"
)
_LIST_SEP_RE = re.compile(r",\s+(?:the\s+)?|,?\s+and\s+(?:the\s+)?")


def list_members(s: str, idx: CorpusIndex) -> list[tuple[int, int, str]]:
    """Bodies named in ``s``: acronyms of bodies, and capitalised names ending in a body word."""
    found = [(m.start(1), m.end(1), m.group(1)) for m in ACRONYM_TOKEN_RE.finditer(s)
             if m.group(1) in idx.body_acronyms]
    for m in _LIST_NAME_RE.finditer(s):
        name = trim_name(strip_leading(m.group(0)))
        if name and name in m.group(0) and len(name.split()) >= 2 and name.split()[-1] in ORG_HEADS \
                and name not in TOO_COMMON:
            start = m.start() + m.group(0).index(name)
            found.append((start, start + len(name), name))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    kept: list[tuple[int, int, str]] = []
    for f in found:
        if kept and f[0] < kept[-1][1]:
            continue
        kept.append(f)
    return kept


def body_list(s: str, idx: CorpusIndex) -> tuple[int, int, list[str]] | None:
    """The first list of two to four bodies in ``s`` ("IOM, UNFPA and the
    ... Foundation"): the span it covers (with a leading "the") and its members."""
    members = list_members(s, idx)
    i = 0
    while i < len(members):
        run = [members[i]]
        seps = []
        for nxt in members[i + 1:]:
            gap = s[run[-1][1]:nxt[0]]
            if not _LIST_SEP_RE.fullmatch(gap):
                break
            run.append(nxt)
            seps.append(gap)
        names = [r[2] for r in run]
        if 2 <= len(run) <= 4 and "and" in seps[-1] and all("and" not in g for g in seps[:-1]) \
                and len(set(names)) == len(names):
            start = run[0][0]
            if s[max(0, start - 4):start] in ("the ", "The "):
                start -= 4
            return start, run[-1][1], names
        i += len(run)
    return None


def _contains_name(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def _like(term: str, key: str) -> str:
    """``term`` capitalised as ``key`` is (a defined term opens its sentence or not)."""
    if key[:1].isupper() and term[:1].islower():
        return term[:1].upper() + term[1:]
    if key[:1].islower() and term[:1].isupper() and not term.split()[0][1:2].isupper():
        return term[:1].lower() + term[1:]
    return term


def join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def head_word(name: str) -> str:
    """The noun a name is built on: "Third Committee of the General Assembly" -> "Committee"."""
    words = re.split(r"\s+(?:of|for|on|against|relating)\s+", name)[0].split()
    return words[-1] if words else ""


def single_name(name: str, idx: CorpusIndex) -> bool:
    """Not two names run together ("the Gates Foundation and UNICEF")."""
    words = name.split()
    if is_acronym(words[-1]):
        return False
    parts = re.split(r"\s+and\s+", name)
    return not any(p in idx.body_acronyms or p.split()[0] in ("the", "The") for p in parts[1:])


def specific(stem: str) -> bool:
    """Whether a cloze on a body's name says something only that body did: the
    rest of the sentence holds a date, a figure or another name. "The ___
    plays an important role in ..." could be said of many bodies; "The ___
    has a Working Party on Migration" cannot."""
    rest = stem.replace(BLANK, " ")
    if re.search(r"\d", rest):
        return True
    words = rest.split()
    return any(w[:1].isupper() and w.strip(".,;:'’\"“”()").lower() not in NOT_SPECIFIC for w in words[1:])


NOT_SPECIFIC = frozenset("the a an in on of for and governments government states member states un".split())


def changed_numbers(key: str) -> list[str]:
    """Plausible wrong values for a number, written the same way."""
    value = float(key.replace(",", ""))
    comma = "," in key
    decimals = len(key.split(".")[1]) if "." in key else 0
    out = []
    for factor in (2, 0.5, 3):
        v = value * factor
        if decimals == 0 and not float(v).is_integer():
            continue
        if decimals == 0:
            s = f"{int(v):,}" if comma or (v >= 10000 and comma) else str(int(v))
        else:
            s = f"{v:.{decimals}f}"
        if s != key and v > 0:
            out.append(s)
    return out
