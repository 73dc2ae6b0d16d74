"""Is a submission gradable? Its fields checked, then every answer marked.

:class:`QuizKey` compiles a quiz once (its marking, versions, maxima);
:func:`check_submission` checks one submission's format tag, course,
learner, quiz and answers and returns a :class:`Graded` attempt, or raises
:class:`Rejected` with a reason for errors.csv that names the question.

A submission made against another version of the quiz (its ``quiz_version``
differs) is graded by question id instead: the warning names the questions
changed, removed and added since (from ``question_versions`` when present),
and an answer that no longer fits its question scores 0 with a warning.
A submission without ``quiz_version`` (made by hand, or from another tool)
is checked strictly, like a CSV row: an unknown question rejects it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from ..quiz.model import Quiz
from ..quiz.public import public_question_version, quiz_version
from ..quiz.types.marking import AnswerError, kind, show
from .cells import parse_cell
from .marking import QuestionMarking, QuizMarking

FORMAT = "courseforge-submission/1"
MAX_ID_CHARS = 500  # learner ids and names; longer is not a real name

__all__ = ["FORMAT", "AnswerError", "Graded", "QuizKey", "Rejected", "check_submission", "parse_cell",
           "parse_time"]


class Rejected(ValueError):
    """A submission that cannot be graded; the message goes to errors.csv."""


@dataclass
class QuizKey:
    """A quiz compiled for grading: its marking (one per question, in order), versions, maxima."""

    quiz: Quiz
    id: str
    version: str
    qids: tuple[str, ...]
    points: tuple[float, ...]
    question_versions: dict[str, str]
    index: dict[str, tuple[int, QuestionMarking]]  # qid -> (position, its marking)
    max: float
    pass_mark: float
    questions: dict[str, Any] = field(default_factory=dict)
    marking: QuizMarking | None = None  # the questions' marking, with answers already seen (grade.marking)
    practice_note: str = ""  # the warning every submission to a practice quiz gets

    @classmethod
    def compile(cls, quiz: Quiz) -> "QuizKey":
        marking = QuizMarking(quiz)
        index = {q.id: (pos, m) for pos, (q, m) in enumerate(zip(quiz.questions, marking.questions))}
        return cls(
            quiz=quiz,
            id=quiz.id,
            version=quiz_version(quiz),
            qids=tuple(q.id for q in quiz.questions),
            points=tuple(float(q.points) for q in quiz.questions),
            question_versions={q.id: public_question_version(q) for q in quiz.questions},
            index=index,
            max=float(sum(q.points for q in quiz.questions)),
            pass_mark=float(quiz.pass_mark),
            questions={q.id: q for q in quiz.questions},
            marking=marking,
            practice_note="" if quiz.mode == "assessment" else (
                f"quiz '{quiz.id}' is a practice quiz (mode: {quiz.mode}): the site shows its answers to "
                "learners, so this mark may not be the learner's own; make it an assessment to grade it"),
        )

    def percent(self, score: float) -> float:
        return score / self.max * 100 if self.max else 0.0

    def passed(self, percent: float) -> bool:
        """At or above the pass mark (forgiving float error: 69.99999999999999 % passes a mark of 70)."""
        return percent >= self.pass_mark - 1e-9


@dataclass(slots=True)
class Graded:
    """One gradable attempt, before the attempts policy looks at it."""

    quiz: QuizKey
    learner_id: str
    learner_name: str
    submitted_at: str
    timestamp: float  # seconds since the epoch; 0.0 when the submission has no time
    marks: list[float]  # per question, in quiz order, in points
    choices: list[int]
    unanswered: list[str]
    warnings: list[str]
    score: float
    marks_json: str | None = None  # the marks as results.json writes them, when already made


def parse_time(value: Any) -> float:
    """ISO 8601 to seconds since the epoch (a time without zone is taken as UTC)."""
    if value.__class__ is not str:
        raise Rejected(f"submitted_at must be an ISO 8601 date and time, got {kind(value)}")
    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError:
        raise Rejected(f"submitted_at {show(value)} is not an ISO 8601 date and time (e.g. 2025-03-01T14:05:00Z)") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.timestamp()


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # none in an id: it is matched and sorted
_CONTROL_IN_NAME = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # a name may hold a line break


def _learner_text(value: Any, what: str, required: bool) -> str:
    if (value.__class__ is str and 0 < len(value) <= MAX_ID_CHARS and not value[0].isspace()
            and not value[-1].isspace() and value.isprintable()):
        return value  # the usual case, checked cheaply
    if value is None or (value.__class__ is str and not value.strip()):
        if required:
            raise Rejected(f"no {what}: the submission does not say who it is from")
        return ""
    if value.__class__ is int:
        value = str(value)
    if value.__class__ is not str:
        raise Rejected(f"{what} must be text, got {kind(value)}")
    value = value.strip()
    if len(value) > MAX_ID_CHARS:
        raise Rejected(f"{what} is longer than {MAX_ID_CHARS} characters")
    control = (_CONTROL if what == "learner id" else _CONTROL_IN_NAME).search(value)
    if control:  # a NUL or a line break inside would break the gradebook for spreadsheets
        raise Rejected(f"{what} {show(value)} holds a control character (U+{ord(control.group()):04X}); "
                       "fix it where it was typed or exported")
    return value


def _version_note(key: QuizKey, data: dict, answers: dict) -> tuple[bool, str | None]:
    """(mismatch?, warning) for a submission made against another quiz version."""
    sub_version = data.get("quiz_version")
    if sub_version == key.version:
        return False, None
    qv = data.get("question_versions")
    parts = []
    if isinstance(qv, dict) and qv:
        changed = [q for q in key.qids if q in qv and qv[q] != key.question_versions[q]]
        removed = [q for q in qv if q not in key.index]
        added = [q for q in key.qids if q not in qv]
        if changed:
            parts.append("changed since: " + ", ".join(changed))
    else:
        removed = [q for q in answers if q not in key.index]
        added = []
        parts.append("no question versions in the submission, so changed questions cannot be named")
    if removed:
        parts.append("removed since (answers ignored): " + ", ".join(map(str, removed)))
    if added:
        parts.append("added since (scored 0): " + ", ".join(added))
    head = (f"made against another version of quiz '{key.id}' (submission {show(sub_version, 20)}, "
            f"quiz now {key.version}); graded by question id")
    return True, head + ("; " + "; ".join(parts) if parts else "")


def check_submission(data: Any, quizzes: dict[str, QuizKey], course_id: str | None = None,
                     from_csv: bool = False) -> Graded:
    """Validate and score one submission; raise :class:`Rejected` with the reason."""
    if data.__class__ is not dict:
        raise Rejected(f"not a submission: expected a JSON object, got {kind(data)}")
    if not from_csv:
        fmt = data.get("format")
        if fmt != FORMAT:
            if fmt is None:
                raise Rejected(f"not a courseforge submission: no \"format\": \"{FORMAT}\"")
            raise Rejected(f"unknown format {show(fmt)}: this version of courseforge grades {FORMAT}")
        course = data.get("course")
        if course_id is not None and course is not None and course != course_id:
            raise Rejected(f"submission is for course {show(course)}, not this course ('{course_id}')")
        learner = data.get("learner")
        if learner.__class__ is not dict:
            raise Rejected("no learner: the submission does not say who it is from")
        lid, name = learner.get("id"), learner.get("name")
        # the usual case checked here (as _learner_text does first), without two calls
        if not (lid.__class__ is str and 0 < len(lid) <= MAX_ID_CHARS and not lid[0].isspace()
                and not lid[-1].isspace() and lid.isprintable()):
            lid = _learner_text(lid, "learner id", True)
        if not (name.__class__ is str and 0 < len(name) <= MAX_ID_CHARS and not name[0].isspace()
                and not name[-1].isspace() and name.isprintable()):
            name = _learner_text(name, "learner name", False)
    else:
        lid = _learner_text(data.get("learner_id"), "learner id", True)
        name = _learner_text(data.get("learner_name"), "learner name", False)
    qid = data.get("quiz")
    if qid.__class__ is not str or not qid:
        raise Rejected("no quiz id: the submission does not say which quiz it answers")
    key = quizzes.get(qid)
    if key is None:
        raise Rejected(f"unknown quiz {show(qid)}: no quiz with this id in the quizzes folder")
    when = data.get("submitted_at")
    if when is None or when == "":
        when, ts = "", 0.0
    else:
        ts = parse_time(when)
    answers = data.get("answers")
    if answers.__class__ is not dict:
        if answers is None and not from_csv:
            raise Rejected("no answers in the submission")
        raise Rejected(f"answers must be an object {{question id: answer}}, got {kind(answers)}")

    warnings: list[str] = [key.practice_note] if key.practice_note else []
    mismatch = False
    version = data.get("quiz_version")
    if not from_csv and version is not None and version != key.version:
        mismatch, note = _version_note(key, data, answers)
        if note:
            warnings.append(note)
    n = len(key.qids)
    index = key.index
    done = None
    marks_json = None
    if not (from_csv or mismatch):
        done = key.marking.seen(answers)  # every answer seen before: one look-up each
    if done is not None:
        marks, choices, marks_json = done
    elif not (from_csv or mismatch):
        marks = [0.0] * n
        choices = [-1] * n
        # Answers not seen before, or a bad one: checked one by one, in the submission's order.
        for q, ans in answers.items():
            try:
                pos, marking = index[q]
            except KeyError:
                raise Rejected(f"unknown question {show(q)}: quiz '{key.id}' has no such question") from None
            if ans is not None:
                try:
                    marks[pos], choices[pos], _ = marking(ans)
                except AnswerError as exc:
                    raise Rejected(f"question {q}: {exc}") from None
    else:
        marks = [0.0] * n
        choices = [-1] * n
        for q, ans in answers.items():
            entry = index.get(q)
            if entry is None:
                if mismatch:
                    continue  # named in the version warning
                raise Rejected(f"unknown question {show(q)}: quiz '{key.id}' has no such question")
            if ans is None:
                continue
            pos, marking = entry
            try:
                if from_csv:
                    ans = parse_cell(key.questions[q], ans)
                marks[pos], choices[pos], _ = marking(ans)
            except AnswerError as exc:
                if mismatch:
                    warnings.append(f"answer to {q} no longer fits the question ({exc}): scored 0")
                    continue
                raise Rejected(f"question {q}: {exc}") from None
    # answered questions always get a choice code >= 0 (see the module docstring)
    unanswered = [key.qids[i] for i in range(n) if choices[i] == -1] if -1 in choices else []
    return Graded(key, lid, name, when if when.__class__ is str else str(when), ts, marks, choices,
                  unanswered, warnings, sum(marks), marks_json)
