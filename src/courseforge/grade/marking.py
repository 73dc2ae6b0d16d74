"""Marking a quiz's answers: each question's type marks, the grader remembers.

Every answer is marked by its question's type (``TYPES[q.type].marker``, in
:mod:`courseforge.quiz.types`), which checks the answer's shape and returns
the mark in points and a choice code, or raises :class:`AnswerError`. The
grader keeps one memory per question of the answers already marked:
across 100,000 submissions to one quiz the same few answers recur, and a
dict look-up is cheaper than checking one again. Only answers that passed
every check are remembered (bounded: :data:`REMEMBERED` answers per
question, fill-in texts up to :data:`REMEMBERED_TEXT` characters), each with
its mark as results.json writes it (``"q1":2``), so the writer does not
format the same few marks again.

:meth:`QuizMarking.seen` marks a submission whose answers were all marked
before with a few C-level calls over all its questions (a Python call per
answer only where the type's answer needs a key made: lists, objects); anything else
(an answer not seen yet, a bad one, an unknown question) goes through
:class:`QuestionMarking` one answer at a time, in the submission's order,
which marks it the same way and remembers it.
"""

from __future__ import annotations

from json.encoder import encode_basestring
from operator import call, contains, itemgetter
from typing import Any

from ..quiz.model import Question, Quiz
from ..quiz.types import TYPES
from ..quiz.types.marking import AnswerError
from .outputs import json_mark

REMEMBERED = 4096  # answers remembered per question
REMEMBERED_TEXT = 200  # characters: a longer fill-in answer is marked each time, never kept

# (mark in points, choice code, the mark as a results.json member); choice -1: unanswered
Marked = tuple[float, int, str]

__all__ = ["REMEMBERED", "REMEMBERED_TEXT", "AnswerError", "Marked", "QuestionMarking", "QuizMarking"]


class QuestionMarking:
    """One question's marker and its memory: answer -> :data:`Marked` (AnswerError for a bad one)."""

    def __init__(self, question: Question, quiz: Quiz | None = None):
        t = TYPES[question.type]
        self.marker = t.marker(question, quiz)
        # Look-ups only for an answer of the type's classes: 1 == 1.0 == True, and "ab" would
        # make the key of ["a", "b"].
        self.classes = frozenset(t.answer_classes)
        self.key = t.answer_key
        self.prefix = encode_basestring(question.id) + ":"
        self.unanswered: Marked = (0.0, -1, self.prefix + json_mark(0.0))
        self.memory: dict[Any, Marked] = {None: self.unanswered}

    def __call__(self, answer: Any) -> Marked:
        if answer is None:
            return self.unanswered
        k = None
        if answer.__class__ in self.classes:
            try:
                k = answer if self.key is None else self.key(answer)
                r = self.memory.get(k)
            except TypeError:  # something unhashable inside: the marker says what is wrong
                k = r = None
            if r is not None:
                return r
        mark, choice = self.marker(answer)
        r = (mark, choice, self.prefix + json_mark(mark))
        if k is not None and len(self.memory) < REMEMBERED and (
                answer.__class__ is not str or len(answer) <= REMEMBERED_TEXT):
            self.memory[k] = r
        return r

    def look_up(self):
        """answer -> its remembered :data:`Marked`, raising KeyError (or TypeError) when it has none.

        For an answer of the type's classes or None (checked by the caller). A C-level
        ``dict.__getitem__`` when the answer is its own key, so that most questions cost no
        Python call."""
        memory, key, unanswered = self.memory, self.key, self.unanswered
        if key is None:
            return memory.__getitem__
        return lambda a: unanswered if a is None else memory[key(a)]


class QuizMarking:
    """A quiz's questions, each a :class:`QuestionMarking`, in question order."""

    PATTERNS = 1024  # combinations of answer classes remembered as checked

    def __init__(self, quiz: Quiz):
        self.questions = [QuestionMarking(q, quiz) for q in quiz.questions]
        qids = [q.id for q in quiz.questions]
        self.qids = qids
        self.known = frozenset(qids)
        # No shortcut for a quiz that repeats a question id: the careful path decides that case.
        self.unique = len(self.known) == len(qids)
        n = len(qids)
        self.fetch = itemgetter(*qids) if n > 1 else (lambda d: (d[qids[0]],)) if n else (lambda d: ())
        self.allowed = [m.classes | {type(None)} for m in self.questions]
        self.patterns: set[tuple[type, ...]] = set()  # the answers' classes, question by question, checked once
        self.looks = [m.look_up() for m in self.questions]

    def seen(self, answers: dict) -> tuple[list[float], list[int], str] | None:
        """(marks, choice codes, marks as results.json members) when every answer was marked
        before and every key is a question of the quiz; None otherwise.

        Each step is one C call over all the questions: the answers fetched (None for a
        question left out), their classes checked (a combination of classes seen before in
        one set look-up), each answer looked up in its question's memory.
        """
        if not self.unique:
            return None
        if len(answers) == len(self.qids):
            try:
                values = self.fetch(answers)  # every question answered (null included): the usual case
            except KeyError:
                return None
        elif answers.keys() <= self.known:
            values = tuple(map(answers.get, self.qids))
        else:
            return None
        classes = tuple(map(type, values))
        if classes not in self.patterns:
            if not all(map(contains, self.allowed, classes)):
                return None
            if len(self.patterns) < self.PATTERNS:
                self.patterns.add(classes)
        try:
            marked = tuple(map(call, self.looks, values))
        except (KeyError, TypeError):  # an answer not seen before (or something unhashable inside)
            return None
        marks, choices, members = zip(*marked) if marked else ((), (), ())
        return list(marks), list(choices), ",".join(members)
