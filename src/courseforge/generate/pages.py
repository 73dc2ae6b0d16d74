"""Module pages modeled on a seminar session, and the course pages.

Every function here is pure: data in, Markdown text out. The order of a
module page follows the Migration and Development Seminar Series sessions:
overview, objectives, readings, facts, actors, timeline, discussion,
takeaways, quiz, references.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from ..course import CourseInfo
from ..markers import quiz_marker
from ..quiz.model import BLOOM_LEVELS, Quiz
from ..sources.model import Corpus, Document, paragraph_anchor
from .facts import Actor, Cite, CourseFacts, Event, Figure, Term
from .markdown import cite_link, front_matter, md, md_cell, para_label
from .plan import ModulePlan
from .select import Passage
from .prose import is_boilerplate, is_prose
from .questions.checks import linked_to_context
from .standalone import Standalone, opens_alone
from .stats import GenerationStats
from .text import content_stems, word_count

READING_WPM = 180  # words per minute for careful study reading
MINUTES_PER_QUESTION = 1.5
MINUTES_PER_DISCUSSION = 3
MAX_READINGS = 4
EXCERPT_WORDS = 110
READING_MIN_WORDS = 40

Sentences = Callable[[str], list[str]]


@dataclass
class ModuleDraft:
    """Everything one module page shows."""

    plan: ModulePlan
    passages: list[Passage]
    quiz: Quiz
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    assessment: bool = False
    minutes: int = 0  # estimated study time, set by estimate_minutes()
    standalone: Standalone | None = None  # makes quoted sentences stand alone
    stats: GenerationStats | None = None  # how the quiz's questions were chosen, for generate's report

    @property
    def id(self) -> str:
        return self.plan.id

    @property
    def sources(self) -> list[str]:
        """Seed ids the page and its quiz draw on, in first-use order."""
        ids = [] if self.assessment else [p.doc for p in self.passages]
        ids += [q.source.doc for q in self.quiz.questions]
        return list(dict.fromkeys(ids))


# ---------------------------------------------------------------- helpers


def doc_label(doc: Document) -> str:
    """A document's short name for inline citations: its title, shortened."""
    title = doc.entry.title
    if len(title) <= 60:
        return title
    cut = title[:57].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def cite(corpus: Corpus, doc: str, para: str) -> str:
    d = corpus.document(doc)
    name = doc_label(d) if d else doc
    return cite_link(doc, para, f"{name}, {para_label(para)}")


def excerpt(text: str, sentences: Sentences, limit: int = EXCERPT_WORDS) -> str:
    """The paragraph, or its first sentences up to about ``limit`` words;
    never a cut sentence: a paragraph the source breaks off mid-sentence
    ends at its last full stop, with " […]"."""
    whole = _ENDS_SENTENCE.search(text.rstrip()) is not None
    if word_count(text) <= limit and whole:
        return text
    out: list[str] = []
    n = 0
    parts = sentences(text)
    for i, s in enumerate(parts):
        if out and n + word_count(s) > limit:
            # never cut just before the sentence that answers the last one ("However, ...");
            # take it in if the quote stays readable, else end before the claim it answers
            if _ANSWERS.match(s.strip()):
                if n + word_count(s) <= limit * 1.6:
                    out.append(s.strip())
                    n += word_count(s)
                    continue
                if len(out) > 1:
                    out.pop()
            break
        out.append(s.strip())
        n += word_count(s)
    while len(out) > 1 and not _ENDS_SENTENCE.search(out[-1]):
        out.pop()
    if len(out) == len(parts) and whole:
        return " ".join(out)
    return " ".join(out) + " […]"


# A sentence that turns or completes the argument of the one before.
_ANSWERS = re.compile(r"(?:however|but|yet|nevertheless|nonetheless|still|on the other hand|in contrast|by contrast|"
                      r"conversely|therefore|thus|hence|as a result|consequently|instead)\b", re.I)


_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 question", "2 questions" """
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _join(items: list[str]) -> str:
    """ "a, b and c"; "a, b and c, and d and e" when an item has its own "and"."""
    if len(items) <= 1:
        return "".join(items)
    serial = "," if len(items) > 2 and any(" and " in i for i in items) else ""
    return ", ".join(items[:-1]) + serial + " and " + items[-1]


def actor_names(actors: list[Actor], n: int = 3) -> str:
    """ "the Commission for Social Development, IOM and OECD": a full name
    takes "the" in running text, an acronym stands on its own."""
    return _join(actor_list(actors, n))


def actor_list(actors: list[Actor], n: int = 3) -> list[str]:
    names: list[str] = []
    for a in actors:
        if a.acronym:
            # "the UN", "the EU"; longer acronyms are often said as words ("UNITAR")
            name = ("the " if len(a.acronym) <= 2 else "") + a.acronym
        elif a.name.startswith(("The ", "the ")):
            name = a.name
        else:
            name = "the " + a.name
        if name not in names:  # two bodies may share an acronym (ILO: Office and Organization)
            names.append(name)
        if len(names) == n:
            break
    return names


def study_minutes(*, words: int, questions: int, discussion: int) -> int:
    """Reading at READING_WPM, the quiz, and some thinking time; in 5-minute steps."""
    raw = words / READING_WPM + questions * MINUTES_PER_QUESTION + discussion * MINUTES_PER_DISCUSSION
    return max(10, int(math.ceil(raw / 5.0)) * 5)


def _opens_alone(text: str) -> bool:
    """The paragraph's first sentence reads without what came before: no
    leading pronoun or connective, no section number ("III-"), no link."""
    first = (_first_sentence(text) or "").strip()
    return (bool(first) and not _DANGLING.match(first) and opens_alone(first) and not is_boilerplate(first)
            and not re.match(r"^[IVX]{1,4}\s*[-–.)]", first))


def _first_sentence(text: str) -> str:
    from .prose import sentences
    return next(iter(sentences(text)), "")


def key_readings(passages: list[Passage], alone: Standalone | None = None) -> list[Passage]:
    """The best passage of each document first, then the next best, up to MAX_READINGS.

    Substantial paragraphs (READING_MIN_WORDS or more) whose opening stands
    alone come first, then those opening with a pronoun whose referent is
    certain (the page names it above the quote): a list item, a one-line
    fragment or an "it" nobody can place makes a poor reading out of context."""
    long = [p for p in passages if word_count(p.para.text) >= READING_MIN_WORDS]
    good = [p for p in long if _opens_alone(p.para.text)]
    placed = [p for p in long if p not in good and alone and alone.opening_referent(p.doc, p.para.id)]
    poor = [p for p in passages if p not in good and p not in placed]
    out: list[Passage] = []
    for tier in (good, placed, poor):
        seen: set[str] = {p.doc for p in out}
        first = []
        for p in tier:
            if p.doc not in seen:
                first.append(p)
                seen.add(p.doc)
        out += first + [p for p in tier if p not in first]
    return out[:MAX_READINGS]


@lru_cache(maxsize=4096)
def _phrase_re(phrase: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")


def _mentions(text: str, phrase: str) -> bool:
    return bool(phrase) and phrase in text and _phrase_re(phrase).search(text) is not None


def _digits(value: str) -> str:
    return "#" + "".join(c for c in value if c.isdigit())


def module_facts(passages: list[Passage], facts: CourseFacts) -> tuple[list[Figure], list[Event], list[Actor]]:
    """The figures, events and actors found in this module's passages."""
    rank = {(p.doc, p.para.id): i for i, p in enumerate(passages)}
    # amounts, percentages and counts first: years already have the timeline
    figures = sorted((f for f in facts.figures if (f.cite.doc, f.cite.para) in rank),
                     key=lambda f: (f.kind == "year", rank[f.cite.doc, f.cite.para], f.sentence, f.value))
    # one figure per sentence and per number keeps the list readable
    seen: set[str] = set()
    figures = [f for f in figures
               if not (f.sentence in seen or _digits(f.value) in seen
                       or seen.add(f.sentence) or seen.add(_digits(f.value)))][:8]
    events = [e for e in facts.events if (e.cite.doc, e.cite.para) in rank][:12]
    # a date whose sentence the timeline shows is not repeated among the facts,
    # unless the dates are all the facts there are: every page keeps its facts
    # a year alone measures nothing: dates belong to the timeline, and a page
    # whose documents give no other figure has no facts section
    figures = [f for f in figures if f.kind != "year"]
    actors: list[tuple[int, Actor]] = []
    for a in facts.actors:
        hits = [p for p in passages if _mentions(p.para.text, a.name) or _mentions(p.para.text, a.acronym)]
        if hits:
            first = min(hits, key=lambda p: rank[p.doc, p.para.id])
            actors.append((len(hits), Actor(a.name, a.acronym, Cite(first.doc, first.para.id))))
    actors.sort(key=lambda t: (-t[0], t[1].name.lower()))
    # one line per body: "International Labour Office" and "... Organization" are both the ILO
    seen_acronyms: set[str] = set()
    kept = []
    for _, a in actors:
        if a.acronym and a.acronym in seen_acronyms:
            continue
        seen_acronyms.add(a.acronym or "")
        kept.append(a)
    return figures, events, kept[:10]


# ------------------------------------------------------------ objectives

# what each question type asks of a learner, by Bloom level: (verb, object)
_OBJECTIVE = {
    "single": ("Identify", "the key facts the readings give about {topic}"),
    "fill_blank": ("Recall", "the exact terms and names the documents use for {topic}"),
    "numeric": ("Recall", "the figures and dates the documents give on {topic}"),
    "true_false": ("Distinguish", "accurate from inaccurate statements about {topic}"),
    "multiple": ("Identify", "every body or item the readings name together in a statement about {topic}"),
    "matching": ("Match", "organizations, processes and dates with what the documents say about them"),
    "ordering": ("Sequence", "the milestones of {topic} in the order they happened"),
}
_BLOOM_VERB = {
    ("understand", "single"): "Explain",
    ("understand", "fill_blank"): "Explain",
    ("analyze", "multiple"): "Analyse",
    ("analyze", "ordering"): "Sequence",
    ("understand", "matching"): "Relate",
    ("evaluate", "true_false"): "Judge",
    ("apply", "numeric"): "Use",
}
_TYPE_ORDER = ("single", "fill_blank", "numeric", "true_false", "multiple", "matching", "ordering")
_DEFAULT_BLOOM = {"single": "remember", "fill_blank": "remember", "numeric": "remember",
                  "true_false": "understand", "multiple": "understand", "matching": "remember",
                  "ordering": "analyze"}


def objectives(quiz: Quiz, topics: tuple[str, ...] | list[str]) -> list[tuple[str, str, list[int]]]:
    """Up to five (verb, object, question numbers) derived from what the quiz asks.

    Questions are grouped by type and by the module topic they are about
    (the topic sharing most words with the question); each group is one
    objective, with the verb of the Bloom level its questions carry. Groups
    of one type are merged, most split type first, until at most five
    remain, then recall-type ones are merged. Every objective names the
    questions that test it, so objectives and quiz cannot drift apart.
    """
    topics = list(topics) or ["this module"]
    topic_stems = [set(content_stems(t)) or {t} for t in topics]

    def topic_of(q) -> int:
        words = set(content_stems(f"{q.prompt} {q.explanation}"))
        return max(range(len(topics)), key=lambda i: (len(topic_stems[i] & words) / len(topic_stems[i]), -i))

    groups: dict[tuple[str, int], list[int]] = {}
    blooms: dict[str, Counter[str]] = {}
    for n, q in enumerate(quiz.questions, start=1):
        topic = -1 if q.type == "matching" else topic_of(q)
        groups.setdefault((q.type, topic), []).append(n)
        blooms.setdefault(q.type, Counter())[q.bloom or _DEFAULT_BLOOM.get(q.type, "remember")] += 1

    def merge_into(qtype: str, into: str) -> None:
        """Fold every group of ``qtype`` into the first group of ``into``."""
        numbers = [n for k in [k for k in groups if k[0] == qtype] for n in groups.pop(k)]
        target = next(k for k in groups if k[0] == into)
        groups[target] = sorted(groups[target] + numbers)
        blooms[into].update(blooms[qtype])

    while len(groups) > 5:
        counts = Counter(k[0] for k in groups)
        split = [t for t in _TYPE_ORDER if counts[t] > 1]
        if split:  # one objective per type, about its most asked topic
            qtype = max(split, key=lambda t: (counts[t], -_TYPE_ORDER.index(t)))
            mine = [k for k in groups if k[0] == qtype]
            biggest = max(mine, key=lambda k: (len(groups[k]), -k[1]))
            groups[biggest] = sorted(n for k in mine for n in (groups.pop(k) if k != biggest else groups[k]))
        elif counts["fill_blank"] and counts["single"]:
            merge_into("fill_blank", "single")
        elif counts["numeric"] and counts["single"]:
            merge_into("numeric", "single")
        else:
            break
    out = []
    for (qtype, topic), numbers in sorted(groups.items(), key=lambda kv: (_TYPE_ORDER.index(kv[0][0]), kv[1][0])):
        bloom = min(blooms[qtype].items(),
                    key=lambda kv: (-kv[1], BLOOM_LEVELS.index(kv[0]) if kv[0] in BLOOM_LEVELS else 9))[0]
        verb, obj = _OBJECTIVE[qtype]
        verb = _BLOOM_VERB.get((bloom, qtype), verb)
        out.append((verb, obj.format(topic=topics[max(topic, 0)]), numbers))
    return out


def _question_refs(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"quiz question {numbers[0]}"
    return "quiz questions " + _join([str(n) for n in numbers])


# ------------------------------------------------------------ discussion

# a recommendation: a verb that asks for action (not the noun "recommendations", which only reports one)
_NORMATIVE = re.compile(r"\b(should|must|needs? to|ought to|call(?:s|ed)? (?:for|upon|on)|recommend(?:s|ed)?|"
                        r"urges?|encourages?)\b", re.I)


# a quote starting with a pronoun makes no sense out of its paragraph
_DANGLING = re.compile(r"(?:it|its|this|that|these|those|they|their|such|he|she|both|however|moreover|thus|"
                       r"therefore|also|in addition|furthermore|and|but|yet|on the other hand|for (?:example|instance)|"
                       r"in particular|similarly|likewise|in this (?:context|regard|respect)|to this end)\b", re.I)


def present_topics(draft: ModuleDraft) -> list[str]:
    """The module's topic phrases that its passages really use, most used first, short ones preferred."""
    text_stems = Counter()
    for p in draft.passages:
        text_stems.update(set(content_stems(p.para.text)))
    scored = []
    for i, t in enumerate(draft.plan.topics):
        st = content_stems(t)
        if not st:
            continue
        hits = min(text_stems[s] for s in st)
        # the plan's order says what matters most; unused or long phrases go last
        scored.append((hits == 0, len(st) > 4, i, t))
    scored.sort()
    return [t for *_, t in scored] or [draft.plan.title]


# a claim with its reason: what it assumes can be discussed
_REASON = re.compile(r"\b(because|as a result|therefore|thus|so that|in order to|owing to|due to|leads? to|"
                     r"led to|results? in|which makes|unless)\b", re.I)


def _quotable(draft: ModuleDraft, sentences: Sentences, pattern: re.Pattern | None,
              used: set[str], docs: set[str] | None = None, about: str = "") -> tuple[str, Passage] | None:
    """The first sentence of the module's passages (most relevant first) that can be quoted alone,
    matches ``pattern`` and shares a word with ``about``: a whole sentence of 12–45 words that leans
    on no neighbour."""
    about_stems = set(content_stems(about))
    for p in draft.passages[:8]:
        if docs is not None and p.doc not in docs:
            continue
        for s in sentences(p.para.text):
            s = draft.standalone.sentence(p.doc, p.para.id, s) if draft.standalone else s.strip()
            if (s and s not in used and (pattern is None or pattern.search(s)) and 12 <= word_count(s) <= 45
                    and (not about_stems or about_stems & set(content_stems(s)))
                    and not _DANGLING.match(s) and is_prose(s) and not is_boilerplate(s)):
                return s, p
    return None


def issue_topic(topics: list[str]) -> str:
    """The first topic that is an issue rather than a name ("international cooperation
    on migration", not "the United Nations system"): what actors can act on."""
    return next((t for t in topics if not any(w[:1].isupper() for w in t.split())), topics[0])


def discussion_questions(draft: ModuleDraft, corpus: Corpus, sentences: Sentences) -> list[str]:
    return [text for _, text in discussion(draft, corpus, sentences)]


def discussion(draft: ModuleDraft, corpus: Corpus, sentences: Sentences) -> list[tuple[str, str]]:
    """Up to four questions for discussion, each built on what the readings themselves say.

    A recommendation: how it would apply; a claim with its reason: what it
    assumes; two documents on the topic: where they agree and differ; the
    module's actors and its events where it has them. Nothing here names a
    subject: every noun comes from the module's own material.
    """
    topics = present_topics(draft)
    t1 = topics[0]
    out: list[tuple[str, str]] = []
    used: set[str] = set()

    def quote(found: tuple[str, Passage]) -> str:
        s, p = found
        used.add(s)
        return f"“{md(s)}” ({cite(corpus, p.doc, p.para.id)})"

    recommendation = _quotable(draft, sentences, _NORMATIVE, used)
    if recommendation:
        out.append(("apply", f"{quote(recommendation)} How would this apply in a country or organisation you know: who "
                   "would have to act, with what means, and what would stand in the way?"))
    reason = _quotable(draft, sentences, _REASON, used)
    if reason:
        out.append(("assume", f"{quote(reason)} What does this reasoning assume? What in the readings supports it, "
                   "and what would weaken it?"))
    docs = list(dict.fromkeys(p.doc for p in draft.passages[:8]))
    if len(docs) >= 2:
        first = _quotable(draft, sentences, None, used, {docs[0]}, about=t1)
        second = _quotable(draft, sentences, None, used, {docs[1]}, about=t1) if first else None
        if first and second:
            out.append(("compare", f"Compare two readings on {md(t1)}: {quote(first)} and {quote(second)}. "
                       "Where do they agree, where do they differ, and why might that be?"))
    if not used:  # every page discusses at least one claim of its own readings
        claim = _quotable(draft, sentences, None, used, about=t1) or _quotable(draft, sentences, None, used)
        if claim:
            out.append(("claim", f"{quote(claim)} What does this tell you about {md(t1)}, and what would you ask the "
                       "authors to find out more?"))
    if len(actor_list(draft.actors)) >= 2:
        out.append(("actors", f"Which of the actors in this module — {md(actor_names(draft.actors))} — is best placed to act on "
                   f"{md(issue_topic(topics))}, and what limits its influence?"))
    if len(draft.events) >= 2 and len(out) < 4:
        a, b = draft.events[0], draft.events[-1]
        # a change is only traced within one document's story: a treaty of one text and a
        # seminar of another mark no "approach" that changed between them
        if a.year != b.year and a.cite.doc == b.cite.doc:
            out.append(("change", f"What changed between {a.year} and {b.year} in how {md(t1)} was approached, "
                       "according to the readings? What explains the change?"))
    if len(out) < 2:
        out.append(("update", "Choose one of the key readings. What would you question, add or update in it today, "
                   "and what source would you use to check it?"))
    return out[:4]


# What each kind of discussion question lets a learner do: (verb, object)
_DISCUSSION_OBJECTIVE = {
    "apply": ("Apply", "a recommendation of the readings to a country or organisation you know"),
    "assume": ("Examine", "the reasoning behind a claim the readings make about {topic}"),
    "compare": ("Compare", "what two of the readings say about {topic}"),
    "claim": ("Discuss", "what a claim of the readings tells you about {topic}"),
    "actors": ("Assess", "which of the module's actors is best placed to act on {topic}"),
    "change": ("Explain", "how the approach to {topic} changed over time"),
}
MAX_OBJECTIVES = 5


def page_objectives(draft: ModuleDraft, corpus: Corpus, sentences: Sentences) -> list[tuple[str, str, str]]:
    """(verb, object, what tests it): the quiz's objectives, then what the
    discussion questions ask, up to five; each names the questions it rests on."""
    topics = present_topics(draft)
    goals = [(verb, obj, _question_refs(numbers)) for verb, obj, numbers in objectives(draft.quiz, topics)]
    goals = goals[:MAX_OBJECTIVES - 1] if len(goals) >= MAX_OBJECTIVES else goals
    for n, (kind, _) in enumerate(discussion(draft, corpus, sentences), start=1):
        if len(goals) >= MAX_OBJECTIVES:
            break
        if kind in _DISCUSSION_OBJECTIVE:
            verb, obj = _DISCUSSION_OBJECTIVE[kind]
            goals.append((verb, obj.format(topic=issue_topic(topics) if kind == "actors" else topics[0]),
                          f"discussion question {n}"))
    return goals


# A claim says how things are or should be ("remittances are", "States should");
# a report of what happened ("the series was launched", "a course complemented
# the series") is the readings' history, not what a learner should take away.
_CLAIM = re.compile(r"\b(?:is|are|remains?|has|have|can|cannot|may|must|should|needs?|depends?|requires?|"
                    r"affects?|contributes?|constitutes?|tends?|means|shall|recogni[sz]es|urges|calls)\b", re.I)
_NARRATIVE = re.compile(r"\b(?:was|were|had|did|launched|held|hosted|organi[sz]ed|complemented|attended|"
                        r"convened|took place|participated|presented|discussed|examined|facilitated|"
                        r"welcomed|adopted|established)\b", re.I)


_ASIDE = re.compile(r"(?:actually|indeed|of course|in fact|in short|finally|first|second|third|lastly)\b", re.I)
CLAIM_MIN = 1.5  # a topic word and a claim's verb, or two topic words


def claim_score(sentence: str, query: set[str]) -> float:
    """How much ``sentence`` is one of the module's claims: words of its topics,
    a claim rather than a report of events. Below 1 it is not on the topic."""
    on_topic = len(query & set(content_stems(sentence)))
    if not on_topic:
        return 0.0
    score = float(on_topic)
    if _NARRATIVE.search(sentence) or re.search(r"\b(?:19|20)\d\d\b", sentence):
        return score - 1.0
    # not a report of events: a claim, the surer for a claim's verb
    return score + (0.75 if _CLAIM.search(sentence) else 0.5)


def module_query(draft: ModuleDraft) -> set[str]:
    return set(content_stems(" ".join((draft.plan.title, *draft.plan.topics))))


def claims(draft: ModuleDraft, sentences: Sentences, *, skip: set[str] = frozenset(),
           skip_paragraphs: set[tuple[str, str]] = frozenset()) -> list[tuple[float, str, Passage]]:
    """Every sentence of the module's passages that reads alone and states a claim
    on its topic, best first (a passage's rank breaks ties): what the overview and
    the takeaways quote."""
    query = module_query(draft)
    found = []
    for rank, p in enumerate(draft.passages):
        if (p.doc, p.para.id) in skip_paragraphs:
            continue
        for s in sentences(p.para.text):
            # shown alone, so it must read alone: "And ..." loses the "And",
            # "It ..." names its referent, anything else leaning on its neighbours goes
            s = draft.standalone.sentence(p.doc, p.para.id, s) if draft.standalone else s
            s = (s or "").strip()
            if (not s or not 8 <= word_count(s) <= 50 or _DANGLING.match(s) or not is_prose(s)
                    or is_boilerplate(s) or s in skip or s.endswith("?") or _ASIDE.match(s)
                    or linked_to_context(s)):  # "currently", "the initiative will": not a claim that stands alone
                continue
            score = claim_score(s, query)
            if score >= CLAIM_MIN:
                found.append((score - 0.05 * rank, s, p))
    found.sort(key=lambda t: -t[0])
    return found


def takeaways(draft: ModuleDraft, corpus: Corpus, sentences: Sentences, limit: int = 4) -> list[str]:
    """The module's central claims on its topic, one per paragraph, none the page already shows."""
    shown = key_readings(draft.passages, draft.standalone)
    # a sentence the facts, the timeline or the overview already show is not repeated
    said = {f.sentence for f in draft.figures} | {e.text for e in draft.events}
    said |= {s for s, _ in overview_claims(draft, sentences)}
    quoted = " ".join(excerpt(p.para.text, sentences) for p in shown)
    out: list[str] = []
    seen: set[tuple[str, str]] = set()
    # a takeaway repeats a quoted sentence only when the page would have fewer than two otherwise
    for repeat_quotes in (False, True):
        if repeat_quotes and len(out) >= 2:
            break
        for _, s, p in claims(draft, sentences, skip=said):
            if len(out) >= limit:
                break
            if (p.doc, p.para.id) in seen or (s in quoted and not repeat_quotes):
                continue
            seen.add((p.doc, p.para.id))
            out.append(f"{md(s)} ({cite(corpus, p.doc, p.para.id)})")
    return out


def overview_claims(draft: ModuleDraft, sentences: Sentences, limit: int = 2) -> list[tuple[str, Passage]]:
    """The best claim of each of the module's first documents: what the overview says they argue."""
    out: list[tuple[str, Passage]] = []
    for _, s, p in claims(draft, sentences):
        if len(out) >= limit:
            break
        if p.doc not in {q.doc for _, q in out}:
            out.append((s, p))
    return out


# ------------------------------------------------------------ module page


def estimate_minutes(draft: ModuleDraft, corpus: Corpus, sentences: Sentences) -> int:
    """Study time from what the page shows: readings, facts, events, discussion and quiz."""
    if draft.assessment:
        return study_minutes(words=0, questions=len(draft.quiz.questions), discussion=0)
    readings = key_readings(draft.passages, draft.standalone)
    words = sum(word_count(excerpt(p.para.text, sentences)) for p in readings)
    words += sum(word_count(f.sentence) for f in draft.figures) + sum(word_count(e.text) for e in draft.events)
    discussion = discussion_questions(draft, corpus, sentences)
    return study_minutes(words=words, questions=len(draft.quiz.questions), discussion=len(discussion))


def module_page(draft: ModuleDraft, corpus: Corpus, total: int, sentences: Sentences) -> str:
    plan, quiz = draft.plan, draft.quiz
    readings = key_readings(draft.passages, draft.standalone)
    docs_used = [corpus.document(d) for d in draft.sources]
    docs_used = [d for d in docs_used if d is not None]
    discussion = discussion_questions(draft, corpus, sentences)
    minutes = draft.minutes or estimate_minutes(draft, corpus, sentences)
    topics = _join([md(t) for t in plan.topics])
    fm = {
        "id": plan.id,
        "title": plan.title,
        "order": plan.order,
        "study_time": minutes,
        "sources": draft.sources,
        "description": f"Module {plan.order} of {total}: {plan.title}. Readings from {len(docs_used)} "
                       f"document{'s' if len(docs_used) != 1 else ''}, {plural(len(quiz.questions), 'quiz question')}.",
    }
    out = [front_matter(fm), f"# {md(plan.title)}\n",
           f"*Module {plan.order} of {total} · about {minutes} minutes · {plural(len(quiz.questions), 'quiz question')}*\n",
           "## Overview\n"]
    out.append(
        f"This session is about {topics}. It brings together {len(draft.passages)} passages from "
        f"{len(docs_used)} of the course documents — {_join(['*' + md(d.entry.title) + '*' for d in docs_used])} — "
        "and asks what they say, where they agree, and what remains open." + _context(draft) + "\n")
    argued = overview_claims(draft, sentences)
    if argued:  # what the readings argue, in their own words
        out.append("What the readings argue, in their own words:\n")
        for claim, p in argued:
            d = corpus.document(p.doc)
            title = md(d.entry.title) if d else p.doc
            out.append(f"- *{title}*: “{md(claim)}” ({cite(corpus, p.doc, p.para.id)})")
        out.append("")
    out.append("Study it in order: read the key readings and facts, look at who is involved and when things "
               "happened, think through the discussion questions, then check yourself with the quiz. Every quote "
               "links to its paragraph on the [sources page](sources.md), so you can read it in context.\n")
    out.append("## Learning objectives\n")
    out.append("After this module you will be able to:\n")
    goals = page_objectives(draft, corpus, sentences)
    for verb, obj, refs in goals:
        out.append(f"- **{verb}** {md(obj)} ({refs}).")
    if not goals:  # no quiz to derive them from: what the readings let a learner do
        for topic in present_topics(draft)[:3]:
            out.append(f"- **Explain** what the documents say about {md(topic)}.")
    out.append("")
    out.append("## Key readings\n")
    for i, p in enumerate(readings, start=1):
        d = corpus.document(p.doc)
        # a quote opening with "it" gets what it is about above it, the quote itself untouched
        about = (draft.standalone.opening_referent(p.doc, p.para.id)
                 if draft.standalone and not _opens_alone(p.para.text) else None)
        if about:
            out.append(f"On the {md(about)}:\n")
        out.append(f"> {md(excerpt(p.para.text, sentences))}\n>\n> — {cite(corpus, p.doc, p.para.id)}"
                   + (f", *{md(d.entry.issuer)}*" if d and d.entry.issuer else "") + "\n")
    if draft.figures:
        out.append("## Key facts and figures\n")
        for f in draft.figures:
            out.append(f"- **{md(f.value)}** — {md(f.sentence)} ({cite(corpus, f.cite.doc, f.cite.para)})")
        out.append("")
    if draft.actors:
        out.append("## Actors\n")
        for a in draft.actors:
            name = f"{md(a.name)} ({md(a.acronym)})" if a.acronym and a.acronym != a.name else md(a.name)
            out.append(f"- **{name}** — named in {cite(corpus, a.cite.doc, a.cite.para)}")
        out.append("")
    if draft.events:
        out.append("## Timeline\n")
        out.append("| When | What happened | Source |\n| --- | --- | --- |")
        for e in draft.events:
            # the event by its own name where the sentence gives one ("Convention No 97 on Migration for Employment")
            what = _event_name(e)
            out.append(f"| {md_cell(e.when)} | {md_cell(what)} | {cite(corpus, e.cite.doc, e.cite.para).replace('|', '&#124;')} |")
        out.append("")
    out.append("## Discussion questions\n")
    out.append("Think these through on your own or with colleagues; there is no single right answer.\n")
    for i, q in enumerate(discussion, start=1):
        out.append(f"{i}. {q}")
    out.append("")
    points = takeaways(draft, corpus, sentences)
    if points:
        out.append("## Key takeaways\n")
        out.extend(f"- {t}" for t in points)
        out.append("")
    # the site renders the quiz here with its own heading, mode and pass mark
    if quiz.questions:  # a module without questions gets no quiz file, so no marker
        out.append(quiz_marker(quiz.id) + "\n")
    out.append(references(draft, corpus))
    return "\n".join(out).rstrip() + "\n"


def _context(draft: ModuleDraft) -> str:
    """Who is involved and when, in one sentence, when the passages say."""
    parts = []
    if draft.actors:
        parts.append(f"the actors include {md(actor_names(draft.actors))}")
    years = sorted({e.year for e in draft.events})
    if len(years) >= 2:
        parts.append(f"the events it covers run from {years[0]} to {years[-1]}")
    if not parts:
        return ""
    text = "; ".join(parts)
    return " " + text[:1].upper() + text[1:] + "."


def references(draft: ModuleDraft, corpus: Corpus) -> str:
    cited: dict[str, list[str]] = {}
    shown = [] if draft.assessment else [(p.doc, p.para.id) for p in draft.passages]
    for doc, para in shown + [(q.source.doc, q.source.para) for q in draft.quiz.questions]:
        cited.setdefault(doc, [])
        if para not in cited[doc]:
            cited[doc].append(para)
    lines = ["## References\n"]
    for doc_id in draft.sources:
        d = corpus.document(doc_id)
        if d is None:
            continue
        order = {p.id: i for i, p in enumerate(d.paragraphs)}
        paras = sorted(cited.get(doc_id, []), key=lambda p: order.get(p, 10**9))
        links = ", ".join(cite_link(doc_id, p, para_label(p)) for p in paras)
        lines.append(f"- {source_line(d)} Paragraphs used: {links}.")
    return "\n".join(lines) + "\n"


def source_line(d: Document) -> str:
    e = d.entry
    parts = [md(e.issuer)] if e.issuer else []
    parts.append(f"*{md(e.title)}*")
    if e.kind:
        parts.append(md(e.kind))
    if e.date:
        parts.append(md(e.date))
    return ", ".join(parts) + "."


# ------------------------------------------------------ assessment page


def _covers(n: int) -> str:
    """What the assessment covers, in words that fit one module as well as several."""
    if n == 1:
        return ("This assessment covers the one module of the course. Take it when you have studied it and "
                "passed its practice quiz.\n")
    return (f"This assessment covers the {n} modules of the course. Take it when you have studied them all and "
            "passed their practice quizzes.\n")


def assessment_page(draft: ModuleDraft, corpus: Corpus, total: int, modules: list[ModuleDraft]) -> str:
    plan, quiz = draft.plan, draft.quiz
    minutes = draft.minutes or study_minutes(words=0, questions=len(quiz.questions), discussion=0)
    fm = {
        "id": plan.id,
        "title": plan.title,
        "order": plan.order,
        "study_time": minutes,
        "sources": draft.sources,
        "description": f"Final assessment: {plural(len(quiz.questions), 'question')} on the whole course.",
    }
    out = [front_matter(fm), f"# {md(plan.title)}\n",
           f"*Module {plan.order} of {total} · about {minutes} minutes · {plural(len(quiz.questions), 'question')}*\n",
           "## Overview\n",
           _covers(len(modules)),
           "Unlike the practice quizzes, it does not show the answers. When you submit, your answers are saved "
           "in a file on your computer; send that file to your trainer, who grades it and tells you your result. "
           f"The pass mark is {quiz.pass_mark:g} %.\n",
           "## What it covers\n"]
    by_module: dict[str, int] = Counter()
    home = {}
    for m in modules:
        for p in m.passages:
            home.setdefault((p.doc, p.para.id), m.plan)
    for q in quiz.questions:
        m = home.get((q.source.doc, q.source.para))
        if m:
            by_module[m.id] += 1
    for m in modules:
        n = by_module.get(m.id, 0)
        if n:
            out.append(f"- [{md(m.plan.title)}]({m.id}.md): {plural(n, 'question')}")
    out.append("")
    out.append(quiz_marker(quiz.id) + "\n")
    out.append(references(draft, corpus))
    return "\n".join(out).rstrip() + "\n"


# ------------------------------------------------------------ course pages


def home_page(info: CourseInfo, modules: list[ModuleDraft], corpus: Corpus, sentences: Sentences | None = None,
              *, glossary: bool = True, timeline: bool = True) -> str:
    total = sum(_minutes_of(m) for m in modules)
    out = [front_matter({"title": "Home", "description": info.description or info.title}),
           f"# {md(info.title)}\n"]
    if info.description:
        out.append(md(info.description) + "\n")
    out.append(f"The course has {plural(len(modules), 'module')} and takes about {_hours(total)} of study. It is built from "
               f"{plural(len(corpus.documents), 'source document')}, which you can read in full on the "
               "[sources page](sources.md).\n")
    out.append("## How to study this course\n")
    out.append("You study on your own, at your own pace, and you can stop at any time: the site remembers your quiz "
               "results in this browser, also offline.\n")
    out.append("1. Take the modules in order. Each one is a seminar session: " + _sections_promised(modules, corpus, sentences))
    out.append("2. Read the quoted passages carefully. Each quote names its document and paragraph; follow the "
               "link to read it in context.")
    out.append("3. Take a moment with the discussion questions before the quiz. They have no single right answer.")
    out.append("4. Do the practice quiz at the end of each module. You see at once whether you were right and why, "
               "and you can try again as often as you like.")
    tools = [t for t, has in (("the [glossary](glossary.md) for acronyms", glossary),
                              ("the [timeline](timeline.md) to place events", timeline)) if has]
    if tools:
        out.append(f"5. Use {_join(tools)}.")
    out.append("")
    out.append("## Modules\n")
    out.append("| # | Module | Study time | Quiz |\n| --- | --- | --- | --- |")
    for m in modules:
        out.append(f"| {m.plan.order} | [{md_cell(m.plan.title)}]({m.id}.md) | {_minutes_of(m)} min | "
                   f"{plural(len(m.quiz.questions), 'question')}{' (graded)' if m.assessment else ''} |")
    out.append("")
    return "\n".join(out).rstrip() + "\n"


def _sections_promised(modules: list[ModuleDraft], corpus: Corpus, sentences: Sentences | None) -> str:
    """The sections every module page has, then those only some have: the home
    page promises nothing a module lacks."""
    lessons = [m for m in modules if not m.assessment] or modules
    always = [True] * len(lessons)
    # in the order of a module page
    sections = [
        ("an overview", always), ("learning objectives", always), ("key readings from the documents", always),
        ("facts and figures", [bool(m.figures) for m in lessons]),
        ("the actors involved", [bool(m.actors) for m in lessons]),
        ("a timeline", [bool(m.events) for m in lessons]),
        ("questions to think about", always),
    ]
    if sentences is not None:
        sections.append(("key takeaways", [bool(takeaways(m, corpus, sentences)) for m in lessons]))
    sections.append(("a quiz", [bool(m.quiz.questions) for m in lessons]))
    every = [name for name, has in sections if all(has)]
    some = [name for name, has in sections if any(has) and not all(has)]
    text = _join(every)
    if some:
        text += f"; and, where its documents give them, {_join(some)}"
    return text + "."


def _minutes_of(m: ModuleDraft) -> int:
    return m.minutes


def _hours(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    if not h:
        return f"{m} minutes"
    return f"{h} hour{'s' if h != 1 else ''}" + (f" {m} minutes" if m else "")


def glossary_page(terms: list[Term], corpus: Corpus) -> str:
    out = [front_matter({"title": "Glossary"}), "# Glossary\n",
           "The acronyms used in the course documents, with their full names as the documents give them. "
           "Each entry links to where it is spelled out.\n"]
    if not terms:
        out.append("The documents spell out no acronyms.\n")
    else:
        out.append("| Acronym | Stands for | Where |\n| --- | --- | --- |")
        for t in terms:
            where = ", ".join(cite(corpus, c.doc, c.para) for c in t.cites[:3])
            stands = md_cell(t.expansion)
            # a second expansion in the documents is shown, with where it is written
            for other, c in t.others[:2]:
                stands += f"; also given as “{md_cell(other)}”"
                where += f"; “{md_cell(other)}”: {cite(corpus, c.doc, c.para)}"
            out.append(f"| **{md_cell(t.acronym)}** | {stands} | {where.replace('|', '&#124;')} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def timeline_page(events: list[Event], corpus: Corpus) -> str:
    out = [front_matter({"title": "Timeline"}), "# Timeline\n",
           "The dated events in the course documents, oldest first. Each links to the paragraph that dates it.\n"]
    if not events:
        out.append("The documents date no events.\n")
        return "\n".join(out)
    year = None
    for e in events:
        if e.year != year:
            year = e.year
            out.append(f"\n## {year}\n")
        label = e.label if e.label and not _names_a_body(e.label) else ""
        name = label or (e.when if e.when and e.when != str(e.year) else "")
        if label and e.when and e.when != str(e.year):
            name = f"{label}, {e.when}"
        lead = f"**{md(name)}** — " if name else ""
        out.append(f"- {lead}{md(e.text)} ({cite(corpus, e.cite.doc, e.cite.para)})")
    return "\n".join(out).rstrip() + "\n"


# A label that names a body ("General Assembly") rather than an event would
# read as the event's name; the timeline then shows the date only.
_BODY_WORDS = frozenset("Assembly Council Commission Committee Organization Organisation Office Fund Institute "
                        "Division Department Bank Group Agency Foundation Union Secretariat Board".split())
_EVENT_WORDS = frozenset("Convention Treaty Conference Declaration Protocol Protocols Principles Accords Accord "
                         "Dialogue Summit Agreement Resolution Session Programme Plan Compact Pact Act".split())


_BARE_VERBS = frozenset("came began took went entered met held made became saw was were".split())


def _event_name(e: Event) -> str:
    """What happened, as short as the sentence allows: the event's own name
    with its tail ("Convention No 97 on Migration for Employment"), else the
    sentence's clause around the date, else the sentence."""
    from .extract import dated_items

    for item in dated_items(e.text):
        first = item.text.split()[0].lower()
        # "Came into force" has lost what came into force: the sentence says it better
        if item.year == e.year and not _names_a_body(item.text) and len(item.text.split()) >= 3 \
                and not (first.endswith("ed") or first in _BARE_VERBS):
            return item.text
    return e.text


def _names_a_body(label: str) -> bool:
    words = set(label.split())
    return bool(words & _BODY_WORDS) and not words & _EVENT_WORDS


def sources_page(corpus: Corpus) -> str:
    out = [front_matter({"title": "Sources"}), "# Sources\n",
           "The full text of the documents this course is built from. Paragraph numbers are the documents' own "
           "where they number their paragraphs, otherwise they count paragraphs in reading order. Citations in "
           "the modules and quizzes link here.\n"]
    for d in corpus.documents:
        out.append(f"- [{md(d.entry.title)}](#{d.id})")
    out.append("")
    for d in corpus.documents:
        e = d.entry
        out.append(f'<a id="{_attr(d.id)}"></a>\n')
        out.append(f"## {md(e.title)}\n")
        meta = [x for x in (e.issuer, e.kind, e.date) if x]
        if meta:
            out.append(f"*{md(' · '.join(meta))}*\n")
        for s in d.sections:
            if s.title and s.title.strip() and s.title.strip().casefold() != e.title.strip().casefold():
                out.append(f"### {md(s.title)}\n")
            for p in s.paragraphs:
                anchor = paragraph_anchor(d.id, p.id)
                label = para_label(p.id)
                spoken = "Paragraph " + label[2:] if label.startswith("¶ ") else label
                out.append(f'<p id="{_attr(anchor)}"><a class="cf-para" href="#{_attr(anchor)}" '
                           f'aria-label="{_attr(spoken)}">{_html(label)}</a> {_html(p.text)}</p>\n')
    return "\n".join(out).rstrip() + "\n"


def _html(text: str) -> str:
    import html
    return html.escape(" ".join(text.split()), quote=False)


def _attr(text: str) -> str:
    import html
    return html.escape(text, quote=True)
