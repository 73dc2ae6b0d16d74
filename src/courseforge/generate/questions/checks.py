"""The automatic checks every generated question must pass.

Each check is a pure function that returns a reason (a sentence a trainer can
read) or None. The generator runs them on every candidate and drops the ones
that fail; :func:`check_quiz` runs them on a finished quiz, so the tests hold
the shipped course and any other corpus to the same rules.

Conventions the checks rely on (the generator writes them; a trainer's edit
that breaks them is reported, not silently accepted):

- a cloze prompt (fill_blank, numeric, single) is a fixed lead-in followed by
  a source sentence with the key replaced by ``___``;
- a true/false prompt is "True or false? " followed by the statement;
- the explanation quotes the source sentence between “ and ”.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from rapidfuzz import fuzz

from courseforge.generate import extract, prose
from courseforge.generate.names import is_acronym
from courseforge.quiz.model import (
    BLANK,
    FillBlank,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Quiz,
    SingleChoice,
    TrueFalse,
)

from .index import INSERTION_RE, CorpusIndex, corpus_index, tokens

LEADS = {
    "fill_blank": "Fill in the blank: ",
    "numeric": "Fill in the missing number: ",
    "single": "Which option completes the sentence? ",
    "true_false": "True or false? ",
    "multiple": "Select all that complete the sentence: ",
}
# Leads of questions built on a sentence's structure (see structures.py): the
# stem is still the sentence with its key blanked.
STRUCTURE_LEADS = {
    "term": "Which term does the source define this way? ",
}
MIN_WORDS, MAX_WORDS = 8, 45
MAX_POSITION_SHARE = 0.40
NEAR_DUPLICATE = 85  # rapidfuzz ratio (0-100) above which two questions ask the same thing

YEAR_RE = re.compile(r"(?:1[89]\d\d|20\d\d)")
NUMBER_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")


# ---------------------------------------------------------------- reading a question


def stem(q) -> str:
    """The prompt without its fixed lead-in."""
    return _stem(q.type, q.prompt)


@lru_cache(maxsize=65536)  # a quiz's drafts are compared pairwise: read each prompt once
def _stem(qtype: str, prompt: str) -> str:
    for lead in (LEADS.get(qtype, ""), *STRUCTURE_LEADS.values()):
        if lead and prompt.startswith(lead):
            return prompt[len(lead) :]
    return prompt




def strip_insertions(text: str) -> str:
    """The source's own words: bracketed insertions removed."""
    return INSERTION_RE.sub("", text)


def read_resolved(text: str) -> str:
    """The sentence as a reader takes it, the insertion in place of the pronoun:
    "It [the IOM] has" -> "The IOM has"; "The Forum [International Forum ...] is" -> "International Forum ... is"."""
    m = re.match(r"^(?:It|The \w+) \[(?:the )?([^\[\]]+)\]", text)
    if not m:
        return text
    return "The " + m.group(1) + text[m.end() :]


def key_texts(q) -> list[str]:
    """The key as text, the way the source writes it (empty when not text-like)."""
    if isinstance(q, SingleChoice):
        return [o.text for o in q.options if o.correct]
    if isinstance(q, MultipleChoice):
        return [o.text for o in q.options if o.correct]
    if isinstance(q, FillBlank):
        return q.answers[:1]
    if isinstance(q, Numeric):
        return [number_forms(q.answer)[0]]
    if isinstance(q, Matching):
        return [p.right for p in q.pairs]
    if isinstance(q, Ordering):
        return [i.text for i in q.items]
    return []


def number_forms(value: float) -> list[str]:
    """Ways a source may write a number: 469000 -> "469,000", "469000"."""
    if float(value).is_integer():
        n = int(value)
        return list(dict.fromkeys([f"{n:,}", str(n)]))
    return list(dict.fromkeys([f"{value:g}", f"{value:,}", str(value)]))


def source_text(q, idx: CorpusIndex) -> str | None:
    return idx.paragraph_text(q.source.doc, q.source.para)


def quoted(q) -> str | None:
    return _quoted(q.explanation or "")


_QUOTED_RE = re.compile(r"The source says: “(.*)”\s*$", re.S)


@lru_cache(maxsize=65536)
def _quoted(explanation: str) -> str | None:
    m = _QUOTED_RE.search(explanation)
    return m.group(1) if m else None


def kind_of(text: str) -> str:
    """What sort of thing an answer is, so distractors can match it."""
    t = text.strip()
    if YEAR_RE.fullmatch(t):
        return "year"
    if NUMBER_RE.fullmatch(t):
        return "number-comma" if "," in t else "number"
    if is_acronym(t) and " " not in t:
        return "acronym"
    words = t.split()
    # "Second Committee", "Board of Trustees"; not "Significant harm", capitalised at a sentence's start
    if len(words) >= 2 and words[0][:1].isupper() and sum(w[:1].isupper() for w in words) >= 2:
        return "name"
    return "text"


def _contains(a: str, b: str) -> bool:
    """Whether ``b`` occurs in ``a`` as whole words (case-insensitive)."""
    if not b or b.casefold() not in a.casefold():
        return False  # the common case, without compiling a pattern
    return re.search(rf"(?<![\w-]){re.escape(b)}(?![\w-])", a, re.I) is not None


# ---------------------------------------------------------------- single-question checks


def check_key_in_source(q, idx: CorpusIndex) -> str | None:
    """The key appears verbatim in the cited paragraph."""
    text = source_text(q, idx)
    if text is None:
        return f"cites {q.source.doc} paragraph {q.source.para}, which does not exist"
    if isinstance(q, TrueFalse):
        if q.answer and idx.as_said(stem(q), q.source.doc, q.source.para) not in text:
            return "a true statement must be a sentence of the cited paragraph, word for word"
        return None
    if isinstance(q, Numeric):
        if not any(_contains(text, f) for f in number_forms(q.answer)):
            return f"the answer {q.answer:g} is not written in the cited paragraph"
        return None
    if isinstance(q, Matching):
        for p in q.pairs:
            for side in (p.left, p.right):
                # an event's phrase is the paragraph's words with its date taken out
                if side not in text and not (side is p.left and extract.derived_from(side, text)):
                    return f"'{side}' is not written in the cited paragraph"
        return None
    if isinstance(q, Ordering):
        for i in q.items:
            if not extract.derived_from(i.text, text):
                return f"'{i.text}' is not written in the cited paragraph"
        return None
    for k in key_texts(q):
        if k not in text:
            return f"the key '{k}' is not written in the cited paragraph"
    return None


def _list_fills(middle: str, keys: list[str]) -> bool:
    """Whether ``middle`` is exactly the keys as a list: "IOM, UNFPA and the X Foundation"."""
    ordered = sorted(keys, key=lambda k: middle.find(k))
    if any(middle.find(k) < 0 for k in keys) or len(ordered) < 2:
        return False
    parts = [re.escape(k) for k in ordered]
    pattern = r"(?:the\s+)?" + r"(?:,\s+(?:the\s+)?)".join(parts[:-1]) + r",?\s+and\s+(?:the\s+)?" + parts[-1]
    return re.fullmatch(pattern, middle) is not None


def check_cloze_reconstructs(q, idx: CorpusIndex) -> str | None:
    """Putting the key back in the blank gives a sentence of the cited paragraph
    (for "select all", the right options as the list the sentence gives)."""
    if isinstance(q, MultipleChoice):
        s = idx.as_said(stem(q), q.source.doc, q.source.para)
        if s.count(BLANK) != 1:
            return f"the prompt must hold exactly one blank ({BLANK})"
        before, _, after = s.partition(BLANK)
        for sent in prose.sentences(source_text(q, idx) or ""):
            if sent.startswith(before) and sent.endswith(after) and len(sent) > len(before) + len(after):
                if _list_fills(sent[len(before) : len(sent) - len(after)], key_texts(q)):
                    return None
        return "the prompt with the right options in the blank is not a sentence of the cited paragraph"
    if not isinstance(q, (FillBlank, Numeric, SingleChoice)):
        return None
    s = idx.as_said(stem(q), q.source.doc, q.source.para)
    if s.count(BLANK) != 1:
        return f"the prompt must hold exactly one blank ({BLANK})"
    text = source_text(q, idx) or ""
    keys = number_forms(q.answer) if isinstance(q, Numeric) else key_texts(q)
    sentences = prose.sentences(text)
    for k in keys:
        if s.replace(BLANK, k) in sentences:
            return None
    return "the prompt with the key in the blank is not a sentence of the cited paragraph"


def distractor_texts(q) -> list[str]:
    if isinstance(q, (SingleChoice, MultipleChoice)):
        return [o.text for o in q.options if not o.correct]
    if isinstance(q, Matching):
        return [d.text for d in q.distractors]
    return []


def check_distractors_form(q) -> str | None:
    """Distractors are of the key's type and format, distinct, none equal to,
    containing or contained in a key."""
    keys = key_texts(q)
    ds = distractor_texts(q)
    if not ds:
        return None
    kinds = {kind_of(k) for k in keys}
    seen: set[str] = set()
    for d in ds:
        if kind_of(d) not in kinds:
            return f"distractor '{d}' is not of the same kind as the answer"
        low = d.casefold()
        if low in seen:
            return f"distractor '{d}' appears twice"
        seen.add(low)
        for k in keys:
            if _contains(k, d) or _contains(d, k):
                return f"distractor '{d}' overlaps the answer '{k}'"
    return None


def _substituted(s: str, d: str, reach: int = 3) -> list[str]:
    """The words around the blank with ``d`` in it: left window, right window."""
    before, _, after = s.partition(BLANK)
    left = tokens(before)[-3:]
    right = tokens(after)[:reach]
    dt = tokens(d)
    # a side with no words of the sentence would test the distractor alone
    return [" ".join(ctx) for ctx in (left + dt, dt + right) if len(ctx) > len(dt)]


def check_distractors_not_true(q, idx: CorpusIndex) -> str | None:
    """No distractor is also a right answer: none is named in the cited
    paragraph, none is the key's acronym or expansion, and none reads, in the
    blank, as something the documents say."""
    ds = distractor_texts(q)
    if not ds:
        return None
    text = source_text(q, idx) or ""
    keys = key_texts(q)
    for d in ds:
        if _contains(text, d):
            return f"distractor '{d}' is named in the cited paragraph, so it may also be right"
        for k in keys:
            if idx.acronym_of.get(d.casefold(), "\0") == k or idx.acronym_of.get(k.casefold(), "\0") == d:
                return f"distractor '{d}' and the answer '{k}' name the same body"
        beside = [k for k in keys if isinstance(q, MultipleChoice) and idx.named_together(d, k)]
        if beside:
            return f"distractor '{d}' is named beside '{beside[0]}' in the documents, so it may also be right"
        if isinstance(q, (SingleChoice, MultipleChoice)) and BLANK in stem(q):
            # every definition starts "<term> means the": what must not be said
            # of another term is this definition itself
            reach = 8 if q.prompt.startswith(STRUCTURE_LEADS["term"]) else 3
            for window in _substituted(stem(q), d, reach):
                if len(window.split()) >= 4 and idx.stated(window):
                    return f"with '{d}' in the blank the documents say '{window}': the distractor is also true"
    if isinstance(q, Matching):
        lefts = {p.left for p in q.pairs}
        for d in ds:
            if any(idx.acronym_of.get(d.casefold()) == left for left in lefts):
                return f"distractor '{d}' is the real expansion of an acronym in the question"
    return None


def related_forms(k: str, idx: CorpusIndex) -> list[str]:
    """A key and its acronym or expansion."""
    forms = [k]
    if k in idx.expansion_of:
        forms.append(idx.expansion_of[k])
        forms += idx.other_expansions.get(k, [])
    if k.lower() in idx.acronym_of:
        forms.append(idx.acronym_of[k.lower()])
    return forms


def giveaway(text: str, q, idx: CorpusIndex) -> str | None:
    """The form of the key (itself, its acronym or expansion) that ``text`` names, if any."""
    for k in key_texts(q):
        for form in related_forms(k, idx):
            if _contains(text, form):
                return form
    return None


_CHANGED_RE = re.compile(r"^False: the source (?:gives|says) “?(.+?)”?, not ")


def changed_fact(q) -> str | None:
    """What a false statement changed, as the source gives it ("IOM" in "the source gives IOM, not UNFPA")."""
    if not isinstance(q, TrueFalse) or q.answer:
        return None
    m = _CHANGED_RE.match(q.explanation or "")
    return m.group(1) if m else None


def check_no_giveaway(q, idx: CorpusIndex) -> str | None:
    """Neither the stem nor a hint names the key, its acronym or its expansion."""
    if isinstance(q, (TrueFalse, Matching, Ordering)):
        return None
    form = giveaway(stem(q), q, idx)
    if form:
        return f"the prompt gives the answer away: it contains '{form}'"
    for hint in q.hints:
        form = giveaway(hint, q, idx)
        if form:
            return f"a hint gives the answer away: it contains '{form}'"
    return None


# Openings that link a sentence to the one before ("For example, ...") and
# words that date it to when it was written ("currently"): lifted out of its
# paragraph, such a sentence misleads or needs what came before.
_LINKED_OPENING = re.compile(
    r"^(?:For (?:example|instance)|In addition|In particular|In (?:this|that|the same) (?:regard|context|respect|way|sense)|"
    r"As a result|On the other hand|On the contrary|By contrast|In contrast|At the same time|To this end|In turn|"
    r"In other words|Of these|Among them|Among these|First(?:ly)?|Second(?:ly)?|Third(?:ly)?|Lastly|Last|Above all|"
    r"Overall|In short|In sum|In conclusion|As (?:mentioned|noted|stated|seen|shown|discussed)|Again|Meanwhile|Later|"
    r"Afterwards|Subsequently|Previously|Earlier|Now|Today|At present|Currently|Recently)\b",
    re.I,
)
# "The growth came mainly from ...": a change or finding the sentence before named
_BARE_REFERENCE = re.compile(
    r"^The (?:growth|increase|decrease|decline|rise|fall|drop|change|difference|trend|results?|effects?|"
    r"findings?|outcome|gap|shift)\s+(?!of\b|in\b|between\b|for\b|on\b|to\b|from\b|among\b|at\b)[a-z]+",
    re.I)
_LINKED_INSIDE = re.compile(
    r",\s*(?:however|therefore|thus|hence|moreover|furthermore|in addition|in turn|for example|for instance|"
    r"consequently|nevertheless|instead|too|as well)\s*,"
    r"|\b(?:currently|recently|presently|nowadays|at present|to date|so far|this year|last year|next year|"
    r"at the moment|at this time|these days|up to now|until now)\b"
    # "will be before the governing body in 2004": a plan dated to when it was written
    r"|\b(?:will|is to|are to)\b[^.;]*\b(?:19|20)\d\d\b"
    # "UNITAR intends to launch ...": an intention of when the text was written, undated
    r"|\b(?:intends?|plans?|is planning|are planning|is preparing|are preparing|is about) to\b"
    # "complemented the series": a definite thing the sentence does not name
    r"|\bthe (?:series|programme|initiative|project|meeting|course|event|workshop|seminar)\b"
    r"(?!\s+(?:of|on|for|to|in|at|entitled|called|(?-i:[A-Z\"“])))",
    re.I,
)


def linked_to_context(sentence: str) -> bool:
    """Whether a sentence leans on the text before it or on the day it was written."""
    s = strip_insertions(sentence).strip()
    return bool(_LINKED_OPENING.match(s) or _LINKED_INSIDE.search(s) or _BARE_REFERENCE.match(s))


def check_stem_self_contained(q, idx: CorpusIndex | None = None) -> str | None:
    """The stem reads on its own: no leading "It", "This", "The Forum", no
    "For example," or ", however," tying it to the sentence before, no
    "currently" of a text written years ago."""
    s = stem(q)
    if isinstance(q, (Matching, Ordering)):
        return None
    reading = idx.readings.get((q.source.doc, str(q.source.para))) if idx else None
    if reading and reading.subject and s.startswith(reading.subject + " "):
        s = "Someone" + s[len(reading.subject):]  # the document names the subject itself
    probe = read_resolved(s)
    probe = re.sub("^([\"“‘]?)" + re.escape(BLANK), "\\1X", probe)  # a blank opening the sentence is its subject
    if not prose.self_contained(probe):
        return "the prompt does not stand on its own (it starts with a pronoun or a short name defined elsewhere)"
    if linked_to_context(probe):
        return ("the prompt leans on the sentence before it or on when it was written "
                "(\"For example\", \"however\", \"currently\")")
    return None


def check_stem_length(q) -> str | None:
    n = len(q.prompt.split())
    if not MIN_WORDS <= n <= MAX_WORDS:
        return f"the prompt has {n} words; keep it between {MIN_WORDS} and {MAX_WORDS}"
    return None


def check_stem_clean(q) -> str | None:
    """No markup, footnote digits, links or navigation left in the prompt."""
    s = strip_insertions(stem(q)).replace(BLANK, "X")
    if prose.is_boilerplate(s):
        return "the prompt holds markup, a footnote marker, a link or page furniture"
    return None


def _one_span_diff(a: list[str], b: list[str]) -> tuple[list[str], list[str]] | None:
    """If ``b`` is ``a`` with one contiguous run of words replaced, the two runs."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    j = 0
    while j < min(len(a), len(b)) - i and a[-1 - j] == b[-1 - j]:
        j += 1
    old, new = a[i : len(a) - j], b[i : len(b) - j]
    if not new:
        return None
    return old, new


# Word pairs whose swap turns a judgement into its opposite. An editor
# rejects such a false statement ("highly irrelevant", "perfectly
# incompatible", "illegal recognition"): it is nonsense or gives itself away,
# so the generator never makes one.
OPPOSITES = dict(
    pair
    for a, b in (
        ("positive", "negative"), ("strengthen", "weaken"), ("strengthened", "weakened"),
        ("favourable", "unfavourable"), ("favorable", "unfavorable"), ("desirable", "undesirable"),
        ("easier", "harder"), ("worsen", "improve"), ("worsened", "improved"), ("benefit", "harm"),
        ("beneficial", "harmful"), ("success", "failure"), ("compatible", "incompatible"),
        ("relevant", "irrelevant"), ("legal", "illegal"), ("significant", "insignificant"),
        ("possible", "impossible"), ("able", "unable"), ("important", "unimportant"),
    )
    for pair in ((a, b), (b, a))
)
# Word pairs that change a direction or a comparison of amounts: "rose" /
# "fell", "more than" / "less than". The false statement is another fact the
# documents make plausible, so these swaps are allowed.
DIRECTIONS = dict(
    pair
    for a, b in (
        ("increase", "decrease"), ("increased", "decreased"), ("increases", "decreases"),
        ("increasing", "decreasing"), ("higher", "lower"), ("growing", "declining"), ("largest", "smallest"),
        ("larger", "smaller"), ("majority", "minority"), ("rise", "fall"), ("rose", "fell"),
        ("rising", "falling"), ("expand", "shrink"), ("doubled", "halved"),
    )
    for pair in ((a, b), (b, a))
)


def check_false_statement(q, idx: CorpusIndex) -> str | None:
    """A false statement differs from one sentence of its paragraph by one
    span, is said nowhere in the documents and leaves no contradiction."""
    if not isinstance(q, TrueFalse) or q.answer:
        return None
    s = idx.as_said(stem(q), q.source.doc, q.source.para)
    text = source_text(q, idx) or ""
    src = quoted(q)
    if not src or src not in prose.sentences(text):
        return "the explanation of a false statement must quote the true sentence of the cited paragraph"
    diff = _one_span_diff(src.split(), s.split())
    if diff is None:
        return "the false statement must differ from its source sentence by one span"
    old, new = diff
    if not old or re.fullmatch(r"(?:\w+\s+)?(?:not|no|never|cannot)", " ".join(new), re.I):
        # "X is not Y" tests whether a learner spots a negation, not what the text says
        return "the false statement only negates its source sentence; change a fact instead"
    if len(old) == 1 and len(new) == 1 and OPPOSITES.get(old[0].casefold().strip(".,;:")) == new[0].casefold().strip(".,;:"):
        return (f"the false statement swaps '{old[0]}' for its opposite '{new[0]}', which reads as nonsense or "
                "gives itself away; change a fact instead")
    if kind_of(" ".join(old).strip(".,;:()")) != kind_of(" ".join(new).strip(".,;:()")):
        return "the false statement replaces a fact by something of another kind"
    if len(old) > 6 or len(new) > 6:
        return "the false statement changes too much of its source sentence"
    if idx.stated(s) or s in text:
        return "the 'false' statement is said in the documents"
    old_text, new_text = " ".join(old), " ".join(new)
    core_old = old_text.strip(".,;:()")
    if core_old and _contains(s, core_old):
        return f"the false statement still contains '{core_old}': it contradicts itself"
    for form in related_forms(core_old, idx)[1:]:
        if _contains(s, form):
            return f"the false statement keeps '{form}' beside the changed name: it contradicts itself"
    if re.search(r"\(\s*[A-Z]{2,}\s*\)", s[s.find(new_text) + len(new_text) :][:12] if new_text in s else ""):
        return "the changed span is followed by an acronym in brackets that no longer matches"
    return None


def check_explanation(q, idx: CorpusIndex) -> str | None:
    """The explanation quotes a sentence of the cited paragraph."""
    src = quoted(q)
    text = source_text(q, idx) or ""
    if not src or src not in text:
        return "the explanation must quote the cited paragraph"
    return None


def check_insertion(q, idx: CorpusIndex) -> str | None:
    """A bracketed insertion names a body the cited document names, once at most."""
    found = INSERTION_RE.findall(stem(q))
    if len(found) > 1:
        return "the prompt holds more than one bracketed insertion"
    for name in found:
        name = re.sub(r"^the\s+", "", name)
        if not _contains(idx.doc_text.get(q.source.doc, ""), name):
            return f"the insertion [{name}] names something the cited document does not"
    return None


def event_years(q, idx: CorpusIndex) -> dict[str, int]:
    """Item text -> year, for the dated events of the cited paragraph."""
    return {e.text: e.year for e in extract.dated_items(source_text(q, idx) or "")}


def check_ordering(q, idx: CorpusIndex) -> str | None:
    """Ordering items (and the events of an event-year matching) are dated
    events of the cited paragraph in its own words, none names its year, the
    years are distinct, and ordering items are listed in the order of their years."""
    if isinstance(q, Ordering):
        texts = [i.text for i in q.items]
    elif isinstance(q, Matching) and all(YEAR_RE.fullmatch(p.right) for p in q.pairs):
        texts = [p.left for p in q.pairs]
    else:
        return None
    text = source_text(q, idx) or ""
    for t in texts:
        if YEAR_RE.search(t):
            return f"the item '{t}' names a year, which gives the order away"
        if not extract.derived_from(t, text):
            return f"the item '{t}' is not in the words of the cited paragraph"
    years = event_years(q, idx)
    got = [years.get(t) for t in texts]
    if None in got:
        return "an item is not a dated event of the cited paragraph"
    if len(set(got)) != len(got):
        return "two items have the same year"
    if isinstance(q, Matching):
        if any(str(years[p.left]) != p.right for p in q.pairs):
            return "a year does not match its event in the cited paragraph"
    elif any(a >= b for a, b in zip(got, got[1:])):
        return "the items are not in the order of their years"
    return None


QUESTION_CHECKS = (
    check_key_in_source,
    check_cloze_reconstructs,
    lambda q, idx: check_distractors_form(q),
    check_distractors_not_true,
    check_no_giveaway,
    check_stem_self_contained,
    lambda q, idx: check_stem_length(q),
    lambda q, idx: check_stem_clean(q),
    check_false_statement,
    check_explanation,
    check_insertion,
    check_ordering,
)


def check_question(q, idx: CorpusIndex) -> str | None:
    """The first reason ``q`` fails, or None."""
    for check in QUESTION_CHECKS:
        reason = check(q, idx)
        if reason:
            return reason
    return None


# ---------------------------------------------------------------- quiz-level checks


def comparable_text(q) -> str:
    """What a question is about, for duplicate detection: the full source
    sentence for cloze and true/false questions, else the prompt."""
    src = quoted(q)
    return _folded(src or q.prompt)


@lru_cache(maxsize=65536)
def _folded(text: str) -> str:
    return text.casefold()


NEAR_SAME_PROMPT = 90  # rapidfuzz token-set ratio of two prompts above which they ask the same


def _events(q) -> bool:
    """An ordering, or a matching of events with their years."""
    return isinstance(q, Ordering) or (isinstance(q, Matching) and bool(q.pairs)
                                       and all(YEAR_RE.fullmatch(p.right) for p in q.pairs))


def same_question(q, p) -> bool:
    """Whether ``q`` asks what ``p`` asks, so that knowing the answer to one
    answers the other: the same id; the same source sentence (whatever the
    type: a cloze, a true/false statement or a "select all" on one sentence
    share their answer); the same events or acronyms of one paragraph; or a
    nearly identical sentence or prompt."""
    if q.id == p.id:
        return True
    grouped = (Matching, Ordering)
    if isinstance(q, grouped) or isinstance(p, grouped):
        if q.source != p.source:
            return False
        if isinstance(q, grouped) and isinstance(p, grouped):
            return type(q) is type(p) or (_events(q) and _events(p))
        # an event of an ordering names what a question on its sentence asks for
        events, other = (q, p) if _events(q) else (p, q)
        sentence = quoted(other)
        if not _events(events) or not sentence:
            return False
        lefts = [i.text for i in events.items] if isinstance(events, Ordering) else [x.left for x in events.pairs]
        return any(extract.derived_from(t, strip_insertions(sentence)) for t in lefts)
    a, b = quoted(q), quoted(p)
    if a and b and q.source == p.source and strip_insertions(a) == strip_insertions(b):
        return True
    if fuzz.ratio(comparable_text(q), comparable_text(p)) >= NEAR_DUPLICATE:
        return True
    return fuzz.token_set_ratio(stem(q), stem(p)) >= NEAR_SAME_PROMPT


def check_no_overlap(questions, others) -> list[str]:
    """None of ``questions`` asks what a question of ``others`` asks (an
    assessment against the practice quizzes, whose keys reach the browser)."""
    out = []
    for q in questions:
        for p in others:
            if same_question(q, p):
                out.append(f"{q.id}: asks what {p.id} asks")
                break
    return out


def check_duplicates(questions) -> list[str]:
    """No two questions share an id, a sentence or nearly the same text."""
    out = []
    seen_ids: set[str] = set()
    for i, q in enumerate(questions):
        if q.id in seen_ids:
            out.append(f"{q.id}: the id is used twice")
        seen_ids.add(q.id)
        for p in questions[:i]:
            if q.type in ("matching", "ordering") and p.type == q.type and q.source == p.source:
                out.append(f"{q.id}: asks the same as {p.id}")
                break
            if q.type in ("matching", "ordering") or p.type in ("matching", "ordering"):
                continue
            if fuzz.ratio(comparable_text(q), comparable_text(p)) >= NEAR_DUPLICATE:
                out.append(f"{q.id}: nearly the same question as {p.id}")
                break
    return out


def check_positions(questions) -> list[str]:
    """No answer position holds the key in more than 40 % of the choice
    questions' right answers (each right option of a "select all" counts)."""
    choice = [q for q in questions if isinstance(q, (SingleChoice, MultipleChoice))]
    if not choice:
        return []
    counts: Counter[int] = Counter()
    for q in choice:
        for pos, o in enumerate(q.options):
            if o.correct:
                counts[pos] += 1
    total = sum(counts.values())
    # two questions with keys in two positions are fine; two in one are not
    most = max(1, math.floor(MAX_POSITION_SHARE * total))
    out = []
    for pos, n in sorted(counts.items()):
        if n > most:
            of = (f"{n} of {len(choice)} choice questions" if total == len(choice)
                  else f"{n} of the {total} right answers of {len(choice)} choice questions")
            out.append(f"position {pos + 1} holds the answer in {of} (more than {MAX_POSITION_SHARE:.0%})")
    return out


def answer_keys(q) -> set[str]:
    """The answers a learner gives to a cloze or choice question, case-folded:
    a quiz that asks for the same one twice gives the second away."""
    if isinstance(q, (SingleChoice, FillBlank, MultipleChoice)):
        return {k.casefold() for k in key_texts(q)}
    return set()


def check_repeated_keys(questions) -> list[str]:
    """No answer is the key of two questions of one quiz."""
    out, seen = [], {}
    for q in questions:
        for k in sorted(answer_keys(q)):
            if k in seen:
                out.append(f"{q.id}: its answer '{k}' is also the answer of {seen[k]}")
                break
        for k in answer_keys(q):
            seen.setdefault(k, q.id)
    return out


def wrong_options(q) -> set[str]:
    """The distractors a learner is shown, case-folded."""
    if isinstance(q, (SingleChoice, MultipleChoice)):
        return {o.text.casefold() for o in q.options if not o.correct}
    if isinstance(q, Matching):
        return {d.text.casefold() for d in q.distractors}
    return set()


def check_distractor_is_other_key(questions) -> list[str]:
    """No distractor is the answer of another question of the quiz: a learner
    who knows one answer would rule it out, or be taught it is wrong."""
    keys: dict[str, str] = {}
    for q in questions:
        for k in answer_keys(q):
            keys.setdefault(k, q.id)
    out = []
    for q in questions:
        for d in sorted(wrong_options(q)):
            if d in keys and keys[d] != q.id:
                out.append(f"{q.id}: its wrong option '{d}' is the answer of {keys[d]}")
                break
    return out


MAX_TRUE_FALSE_SHARE = 1 / 3  # a quiz is more than statements to judge


def true_false_allowed(n_questions: int) -> int:
    """How many true/false statements a quiz of ``n_questions`` may hold: a
    third, or one true and one false where the material offers little else."""
    return max(2, math.floor(MAX_TRUE_FALSE_SHARE * n_questions + 1e-9))


def check_true_false_share(questions) -> list[str]:
    """At most a third of a quiz's questions are true/false (two at least are allowed)."""
    tf = sum(1 for q in questions if isinstance(q, TrueFalse))
    if tf > true_false_allowed(len(questions)):
        return [f"{tf} of {len(questions)} questions are true/false; at most a third should be"]
    return []


def check_true_false_balance(questions) -> list[str]:
    """About half the true/false statements are false (the counts differ by at most one)."""
    tf = [q for q in questions if isinstance(q, TrueFalse)]
    false = sum(1 for q in tf if not q.answer)
    if abs(false - (len(tf) - false)) > 1:
        return [f"{false} of {len(tf)} true/false statements are false; about half should be"]
    return []


def check_quiz(quiz: Quiz, corpus) -> list[str]:
    """Every check, on a finished quiz: a list of "<question id>: <reason>" (empty when all pass)."""
    idx = corpus_index(corpus)
    out = []
    for q in quiz.questions:
        for check in QUESTION_CHECKS:
            reason = check(q, idx)
            if reason:
                out.append(f"{q.id}: {reason}")
    out += check_duplicates(quiz.questions)
    out += check_positions(quiz.questions)
    out += check_true_false_balance(quiz.questions)
    out += check_true_false_share(quiz.questions)
    out += check_repeated_keys(quiz.questions)
    out += check_distractor_is_other_key(quiz.questions)
    return out
