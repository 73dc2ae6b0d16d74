"""Ranking and selection: the best candidates, varied, balanced and without repeats.

Selection is greedy over candidates sorted by score (ties by id, so the
result never depends on dict or set order). It keeps one question per
source sentence, caps each type, makes sure at least three types are used
when the candidates allow it, keeps about as many false statements as true
ones, and finally places the keys of choice questions so that no position
holds more than 40 % of them.
"""

from __future__ import annotations

import math

from rapidfuzz import fuzz

from courseforge.quiz.model import MultipleChoice, Option, SingleChoice, TrueFalse

from .drafts import Candidate
from .checks import NEAR_DUPLICATE, answer_keys, comparable_text, true_false_allowed, wrong_options
from .distractors import seeded

# Types tried first when making sure a quiz is varied: the rare kinds that
# test more than one fact (a paragraph's events in order, every body a sentence
# lists) first, as a passage seldom offers them, then the safest.
MIN_TYPES = 3  # a quiz uses at least this many question types when the candidates allow it
DIVERSITY_ORDER = ("ordering", "multiple", "numeric", "single", "true_false", "fill_blank", "matching")


# Why a candidate that passed every check is left out of the quiz, as generate reports it.
LEFT_SAME_SENTENCE = "another question of the quiz already asks about its sentence"
LEFT_TRUE_FALSE = "true/false statements, which make at most a third of a quiz"
LEFT_BALANCE = "true/false statements, kept about as many true as false"
LEFT_TYPE_CAP = "of a question type the quiz already has enough of"
LEFT_SAME_KEY = "its answer is already the answer of another question of the quiz"
LEFT_KEY_AS_DISTRACTOR = "its answer is a wrong option of another question of the quiz, or the other way round"
LEFT_FULL = "the quiz was full"


def caps(count: int) -> dict[str, int]:
    c = max(count, 1)
    return {
        "single": math.ceil(0.4 * c),
        "fill_blank": math.ceil(0.4 * c),
        "numeric": math.ceil(0.4 * c),
        "true_false": true_false_allowed(c),
        "matching": 2,
        "ordering": 1,
        "multiple": 2,
    }


class Selection:
    def __init__(self, count: int):
        self.count = count
        self.caps = caps(count)
        self.chosen: list[Candidate] = []
        self.groups: set[str] = set()

    def n(self, qtype: str, variant: str | None = None) -> int:
        return sum(
            1 for c in self.chosen if c.question.type == qtype and (variant is None or c.variant == variant)
        )

    def fits(self, c: Candidate) -> bool:
        return self.why_not(c) is None

    def why_not(self, c: Candidate) -> str | None:
        """Why ``c`` cannot join the quiz as it stands (in the trainer's words), or None."""
        q = c.question
        if c.group in self.groups or any(g in self.groups for g in c.covers) \
                or any(c.group in o.covers for o in self.chosen):
            return LEFT_SAME_SENTENCE
        if self.n(q.type) >= self.caps.get(q.type, 0):
            return LEFT_TRUE_FALSE if isinstance(q, TrueFalse) else LEFT_TYPE_CAP
        if isinstance(q, TrueFalse):
            # keep true and false statements within one of each other as we go
            same, other = self.n("true_false", c.variant), self.n("true_false", "true" if c.variant == "false" else "false")
            if same > other:
                return LEFT_BALANCE
        if answer_keys(q) & {k for other in self.chosen for k in answer_keys(other.question)}:
            return LEFT_SAME_KEY  # the same answer twice in a quiz gives the second away
        if answer_keys(q) & {w for other in self.chosen for w in wrong_options(other.question)} \
                or wrong_options(q) & {k for other in self.chosen for k in answer_keys(other.question)}:
            return LEFT_KEY_AS_DISTRACTOR  # a wrong option here, the answer there
        text = comparable_text(q)
        for other in self.chosen:
            p = other.question
            if p.id == q.id:
                return LEFT_SAME_SENTENCE
            if q.type in ("matching", "ordering") or p.type in ("matching", "ordering"):
                if p.type == q.type and p.source == q.source:
                    return LEFT_SAME_SENTENCE
                continue
            if fuzz.ratio(text, comparable_text(p)) >= NEAR_DUPLICATE:
                return LEFT_SAME_SENTENCE
        return None

    def types(self) -> set[str]:
        return {c.question.type for c in self.chosen}

    def add(self, c: Candidate) -> None:
        self.chosen.append(c)
        self.groups.add(c.group)

    def remove(self, c: Candidate) -> None:
        self.chosen.remove(c)
        self.groups.discard(c.group)


def select(cands: list[Candidate], count: int, seed: str) -> tuple[list, dict[str, int]]:
    """The quiz: up to ``count`` of ``cands``, and how many of the others were
    left out for each reason."""
    ranked = sorted(cands, key=lambda c: (-round(c.score, 6), c.question.id))
    sel = Selection(count)
    # 1. variety: the best of each type
    for qtype in DIVERSITY_ORDER:
        if len(sel.chosen) >= count:
            break
        for c in ranked:
            if c.question.type == qtype and sel.fits(c):
                sel.add(c)
                break
    # 2. the rest by score
    for c in ranked:
        if len(sel.chosen) >= count:
            break
        if sel.fits(c):
            sel.add(c)
    _balance_true_false(sel, ranked)
    _true_false_share(sel)
    chosen = sorted(sel.chosen, key=lambda c: (c.order, c.question.id))
    questions = [c.question for c in chosen]
    place_keys(questions, seed)
    left_out: dict[str, int] = {}
    kept = {id(c) for c in sel.chosen}
    for c in ranked:
        if id(c) not in kept:
            why = sel.why_not(c) or LEFT_FULL
            if why == LEFT_BALANCE or (why == LEFT_FULL and isinstance(c.question, TrueFalse)):
                why = LEFT_TRUE_FALSE  # a shorter quiz holds true/false to a third of it
            left_out[why] = left_out.get(why, 0) + 1
    return questions, left_out


def _balance_true_false(sel: Selection, ranked: list[Candidate]) -> None:
    """Drop the weakest statements of the larger side until the sides differ by at most one."""
    while True:
        t, f = sel.n("true_false", "true"), sel.n("true_false", "false")
        if abs(t - f) <= 1:
            return
        side = "true" if t > f else "false"
        weakest = [c for c in sel.chosen if c.question.type == "true_false" and c.variant == side][-1]
        sel.remove(weakest)
        for c in ranked:
            if c.question.type != "true_false" and c is not weakest and sel.fits(c):
                sel.add(c)
                break


def _true_false_share(sel: Selection) -> None:
    """A quiz shorter than asked keeps true/false to a third of it: drop the
    weakest statements, from the larger side first so the sides stay balanced."""
    while sel.n("true_false") > true_false_allowed(len(sel.chosen)):
        t, f = sel.n("true_false", "true"), sel.n("true_false", "false")
        side = "true" if t >= f else "false"
        sel.remove([c for c in sel.chosen if c.question.type == "true_false" and c.variant == side][-1])


def place_keys(questions: list, seed: str) -> None:
    """Place the right options of the choice questions so that every position
    holds about as many right answers as the others: options are shuffled by a
    seeded hash, then each question takes the rotation of that order that
    keeps the position counts most even (every right option of a "select
    all" question counts). Options are relabelled a, b, c, ..."""
    counts: dict[int, int] = {}
    for q in questions:
        if not isinstance(q, (SingleChoice, MultipleChoice)):
            continue
        shuffled = sorted(q.options, key=lambda o: (seeded(seed, q.id, o.text), o.text))
        n = len(shuffled)

        def cost(r: int) -> tuple:
            keys = [(i + r) % n for i, o in enumerate(shuffled) if o.correct]
            after = [counts.get(p, 0) + (p in keys) for p in range(n)]
            return (max(after), sum(counts.get(p, 0) for p in keys), seeded(seed, q.id, "rotation", str(r)))

        r = min(range(n), key=cost)
        ordered = [None] * n
        for i, o in enumerate(shuffled):
            ordered[(i + r) % n] = o
        for p, o in enumerate(ordered):
            if o.correct:
                counts[p] = counts.get(p, 0) + 1
        q.options = [Option("abcdefgh"[j], o.text, o.correct, o.feedback) for j, o in enumerate(ordered)]
