"""Is a submission gradable? Shape checks against the quiz, then scoring.

A quiz is compiled once into a :class:`QuizKey`: per question a *marker*, a
closure that checks one answer's shape (option ids exist, right JSON type…),
scores it with :mod:`courseforge.grade.scoring` and returns ``(mark,
choice)``, the mark in points. ``choice`` is a small integer recording which options were picked
(for the report's option frequencies) so that statistics keep numbers, not
strings: the option's index for single, a bit mask for multiple, 1/0 for
true/false, a mixed-radix code for matching, 0 for the other types; -1
when unanswered.

A bad answer raises :class:`AnswerError` with a reason a trainer can read;
:func:`check_submission` turns it into :class:`Rejected`, naming the question.
A submission made against another version of the quiz (its ``quiz_version``
differs) is graded by question id instead: the warning names the questions
changed, removed and added since (from ``question_versions`` when present),
and an answer that no longer fits its question scores 0 with a warning.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable

from ..quiz.model import Quiz
from ..quiz.public import public_question_version, quiz_version
from . import scoring

FORMAT = "courseforge-submission/1"
MAX_ID_CHARS = 500  # learner ids and names; longer is not a real name
CACHE_SIZE = 4096  # per question: graded answers remembered (answers repeat a lot across learners)

Marker = Callable[[Any], tuple[float, int]]


class AnswerError(ValueError):
    """One answer does not fit its question."""


class Rejected(ValueError):
    """A submission that cannot be graded; the message goes to errors.csv."""


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _show(value: Any, limit: int = 40) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _id_list(value: Any, known: dict[str, int], what: str) -> list[int]:
    """Indexes of a list of distinct known ids, or AnswerError."""
    if value.__class__ is not list:
        raise AnswerError(f"expected a list of {what} ids, got {_kind(value)}")
    out = []
    for v in value:
        i = known.get(v) if v.__class__ is str else None
        if i is None:
            if v.__class__ is not str:
                raise AnswerError(f"expected {what} ids (text) in the list, got {_kind(v)}")
            raise AnswerError(f"{what} {_show(v)} does not exist")
        out.append(i)
    if len(set(out)) != len(out):
        raise AnswerError(f"the same {what} is listed twice")
    return out


def make_marker(q: Any, multiple_scoring: str = scoring.PARTIAL) -> Marker:
    """The answer checker and scorer for one question: answer -> (mark in points, choice code)."""
    t = q.type
    pts = float(q.points)
    if t == "single":
        right = frozenset(o.id for o in q.options if o.correct)
        # option id -> (mark, index): one dict look-up grades a valid answer
        table = {o.id: (scoring.single(right, o.id) * pts, i) for i, o in enumerate(q.options)}

        def mark(ans: Any) -> tuple[float, int]:
            r = table.get(ans) if ans.__class__ is str else None
            if r is None:
                if ans.__class__ is not str:
                    raise AnswerError(f"expected one option id (text), got {_kind(ans)}")
                raise AnswerError(f"option {_show(ans)} does not exist")
            return r

    elif t == "multiple":
        ids = {o.id: i for i, o in enumerate(q.options)}
        right = frozenset(o.id for o in q.options if o.correct)
        rule = multiple_scoring

        cache: dict[tuple, tuple[float, int]] = {}  # a few combinations recur: score each once

        def mark(ans: Any) -> tuple[float, int]:
            if ans.__class__ is list:
                try:
                    r = cache.get(tuple(ans))
                except TypeError:  # something unhashable in the list: the checks below say what
                    r = None
                if r is not None:
                    return r
            idx = _id_list(ans, ids, "option")
            bits = 0
            for i in idx:
                bits |= 1 << i
            r = (scoring.multiple(right, ans, rule) * pts, bits)
            if len(cache) < CACHE_SIZE:
                cache[tuple(ans)] = r
            return r

    elif t == "true_false":
        yes = (scoring.true_false(q.answer, True) * pts, 1)
        no = (scoring.true_false(q.answer, False) * pts, 0)

        def mark(ans: Any) -> tuple[float, int]:
            if ans is True:
                return yes
            if ans is False:
                return no
            raise AnswerError(f"expected true or false, got {_kind(ans)}")

    elif t == "fill_blank":
        accepted = frozenset(scoring.normalise_text(a) for a in q.answers)
        cache: dict[str, float] = {}  # common answers repeat; bounded below

        def mark(ans: Any) -> tuple[float, int]:
            if ans.__class__ is not str:
                raise AnswerError(f"expected text, got {_kind(ans)}")
            f = cache.get(ans)
            if f is None:
                f = scoring.fill_blank(accepted, ans) * pts
                if len(cache) < CACHE_SIZE:
                    cache[ans] = f
            return f, 0

    elif t == "numeric":
        key, tol = float(q.answer), float(q.tolerance or 0)

        def mark(ans: Any) -> tuple[float, int]:
            if ans.__class__ not in (int, float):  # bool is excluded on purpose
                raise AnswerError(f"expected a number, got {_kind(ans)}")
            try:
                if not math.isfinite(ans):
                    raise AnswerError("expected a number, got infinity or NaN")
                return scoring.numeric(key, tol, ans) * pts, 0
            except OverflowError:  # an integer with hundreds of digits
                raise AnswerError("the number is too large") from None

    elif t == "matching":
        pairs = [p.id for p in q.pairs]
        rights = {r: i + 1 for i, r in enumerate(pairs + [d.id for d in q.distractors])}
        place = {p: n for n, p in enumerate(pairs)}
        base = len(rights) + 1

        cache = {}

        def mark(ans: Any) -> tuple[float, int]:
            if ans.__class__ is not dict:
                raise AnswerError(f"expected pairs {{left id: right id}}, got {_kind(ans)}")
            try:
                r = cache.get(tuple(ans.items()))
            except TypeError:
                r = None
            if r is not None:
                return r
            code = 0
            for left, right in ans.items():
                n = place.get(left) if left.__class__ is str else None
                if n is None:
                    raise AnswerError(f"pair {_show(left)} does not exist")
                if right is None:
                    continue
                r = rights.get(right) if right.__class__ is str else None
                if r is None:
                    if right.__class__ is not str:
                        raise AnswerError(f"expected a right id (text) for pair {_show(left)}, got {_kind(right)}")
                    raise AnswerError(f"right {_show(right)} (matched to {_show(left)}) does not exist")
                code += r * base**n
            res = (scoring.matching(pairs, ans) * pts, code)
            if len(cache) < CACHE_SIZE:
                cache[tuple(ans.items())] = res
            return res

    elif t == "ordering":
        items = [i.id for i in q.items]
        known = {iid: n for n, iid in enumerate(items)}

        cache = {}

        def mark(ans: Any) -> tuple[float, int]:
            if ans.__class__ is list:
                try:
                    r = cache.get(tuple(ans))
                except TypeError:
                    r = None
                if r is not None:
                    return r
            _id_list(ans, known, "item")
            r = (scoring.ordering(items, ans) * pts, 0)
            if len(cache) < CACHE_SIZE:
                cache[tuple(ans)] = r
            return r

    else:  # pragma: no cover - the quiz loader only builds known types
        raise ValueError(f"unknown question type {t!r}")
    return mark


def decode_matching_choice(code: int, n_pairs: int, base: int) -> list[int]:
    """Per pair, the chosen right's index + 1 (0 = not matched); inverse of the marker's code."""
    out = []
    for _ in range(n_pairs):
        code, r = divmod(code, base)
        out.append(r)
    return out


# -- CSV cells --------------------------------------------------------------

_TRUE = {"true", "yes", "y", "1", "t"}
_FALSE = {"false", "no", "n", "0", "f"}
_GROUPED = re.compile(r"^[+-]?\d{1,3},\d{3}$")


def parse_number(text: str) -> float:
    """A number typed in a spreadsheet: ``3.5`` or ``3,5``; spaces ignored.

    A comma is a decimal comma only when there is no point; ``1,000`` is
    refused as ambiguous (a thousand, or one?) rather than guessed.
    """
    s = text.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if "," in s:
        if "." in s or s.count(",") > 1 or _GROUPED.match(s):
            raise AnswerError(f"ambiguous number {_show(text)}: write it with a decimal point and no thousands separator")
        s = s.replace(",", ".")
    try:
        value = float(s)
    except ValueError:
        raise AnswerError(f"expected a number, got {_show(text)}") from None
    if not math.isfinite(value):
        raise AnswerError(f"expected a number, got {_show(text)}")
    return value


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.split("|") if p.strip()]


def parse_cell(q: Any, text: str) -> Any:
    """A CSV cell in the shape the JSON answer would have (see the CSV rules in inputs)."""
    t = q.type
    if t in ("single",):
        return text.strip()
    if t in ("multiple", "ordering"):
        return _split(text)
    if t == "true_false":
        low = text.strip().casefold()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise AnswerError(f"expected true or false (or yes/no), got {_show(text)}")
    if t == "fill_blank":
        return text
    if t == "numeric":
        return parse_number(text)
    if t == "matching":
        out: dict[str, str] = {}
        for part in _split(text):
            left, sep, right = part.partition("=")
            if not sep or not left.strip() or not right.strip():
                raise AnswerError(f"expected pairs written left=right separated by |, got {_show(part)}")
            out[left.strip()] = right.strip()
        return out
    raise AnswerError(f"unknown question type {t}")  # pragma: no cover


# -- whole submissions --------------------------------------------------------


@dataclass
class QuizKey:
    """A quiz compiled for grading: markers in question order, versions, maxima."""

    quiz: Quiz
    id: str
    version: str
    qids: tuple[str, ...]
    points: tuple[float, ...]
    question_versions: dict[str, str]
    index: dict[str, tuple[int, Marker]]  # qid -> (position, marker)
    max: float
    pass_mark: float
    questions: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def compile(cls, quiz: Quiz) -> "QuizKey":
        index = {}
        for pos, q in enumerate(quiz.questions):
            index[q.id] = (pos, make_marker(q, quiz.multiple_scoring))
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
        )


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


def parse_time(value: Any) -> float:
    """ISO 8601 to seconds since the epoch (a time without zone is taken as UTC)."""
    if value.__class__ is not str:
        raise Rejected(f"submitted_at must be an ISO 8601 date and time, got {_kind(value)}")
    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError:
        raise Rejected(f"submitted_at {_show(value)} is not an ISO 8601 date and time (e.g. 2025-03-01T14:05:00Z)") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.timestamp()


def _learner_text(value: Any, what: str, required: bool) -> str:
    if value.__class__ is str and 0 < len(value) <= MAX_ID_CHARS and not value[0].isspace() and not value[-1].isspace():
        return value  # the usual case, checked cheaply
    if value is None or (value.__class__ is str and not value.strip()):
        if required:
            raise Rejected(f"no {what}: the submission does not say who it is from")
        return ""
    if value.__class__ is int:
        value = str(value)
    if value.__class__ is not str:
        raise Rejected(f"{what} must be text, got {_kind(value)}")
    value = value.strip()
    if len(value) > MAX_ID_CHARS:
        raise Rejected(f"{what} is longer than {MAX_ID_CHARS} characters")
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
    if sub_version is None:
        head = f"the submission does not say which version of quiz '{key.id}' it answers; graded by question id"
    else:
        head = (f"made against another version of quiz '{key.id}' (submission {_show(sub_version, 20)}, "
                f"quiz now {key.version}); graded by question id")
    return True, head + ("; " + "; ".join(parts) if parts else "")


def check_submission(data: Any, quizzes: dict[str, QuizKey], course_id: str | None = None,
                     from_csv: bool = False) -> Graded:
    """Validate and score one submission; raise :class:`Rejected` with the reason."""
    if data.__class__ is not dict:
        raise Rejected(f"not a submission: expected a JSON object, got {_kind(data)}")
    if not from_csv:
        fmt = data.get("format")
        if fmt != FORMAT:
            if fmt is None:
                raise Rejected(f"not a courseforge submission: no \"format\": \"{FORMAT}\"")
            raise Rejected(f"unknown format {_show(fmt)}: this version of courseforge grades {FORMAT}")
        course = data.get("course")
        if course_id is not None and course is not None and course != course_id:
            raise Rejected(f"submission is for course {_show(course)}, not this course ('{course_id}')")
        learner = data.get("learner")
        if learner.__class__ is not dict:
            raise Rejected("no learner: the submission does not say who it is from")
        lid = _learner_text(learner.get("id"), "learner id", True)
        name = _learner_text(learner.get("name"), "learner name", False)
    else:
        lid = _learner_text(data.get("learner_id"), "learner id", True)
        name = _learner_text(data.get("learner_name"), "learner name", False)
    qid = data.get("quiz")
    if qid.__class__ is not str or not qid:
        raise Rejected("no quiz id: the submission does not say which quiz it answers")
    key = quizzes.get(qid)
    if key is None:
        raise Rejected(f"unknown quiz {_show(qid)}: no quiz with this id in the quizzes folder")
    when = data.get("submitted_at")
    if when is None or when == "":
        when, ts = "", 0.0
    else:
        ts = parse_time(when)
    answers = data.get("answers")
    if answers.__class__ is not dict:
        if answers is None and not from_csv:
            raise Rejected("no answers in the submission")
        raise Rejected(f"answers must be an object {{question id: answer}}, got {_kind(answers)}")

    warnings: list[str] = []
    mismatch = False
    if not from_csv and data.get("quiz_version") != key.version:
        mismatch, note = _version_note(key, data, answers)
        if note:
            warnings.append(note)
    n = len(key.qids)
    marks = [0.0] * n
    choices = [-1] * n
    index = key.index
    if not (from_csv or mismatch):
        # The common case, kept lean: 2 million answers per 100,000 submissions pass here.
        for q, ans in answers.items():
            try:
                pos, marker = index[q]
            except KeyError:
                raise Rejected(f"unknown question {_show(q)}: quiz '{key.id}' has no such question") from None
            if ans is not None:
                try:
                    marks[pos], choices[pos] = marker(ans)
                except AnswerError as exc:
                    raise Rejected(f"question {q}: {exc}") from None
    else:
        for q, ans in answers.items():
            entry = index.get(q)
            if entry is None:
                if mismatch:
                    continue  # named in the version warning
                raise Rejected(f"unknown question {_show(q)}: quiz '{key.id}' has no such question")
            if ans is None:
                continue
            pos, marker = entry
            try:
                if from_csv:
                    ans = parse_cell(key.questions[q], ans)
                marks[pos], choices[pos] = marker(ans)
            except AnswerError as exc:
                if mismatch:
                    warnings.append(f"answer to {q} no longer fits the question ({exc}): scored 0")
                    continue
                raise Rejected(f"question {q}: {exc}") from None
    # answered questions always get a choice code >= 0 (see the module docstring)
    unanswered = [key.qids[i] for i in range(n) if choices[i] == -1] if -1 in choices else []
    return Graded(key, lid, name, when if when.__class__ is str else str(when), ts, marks, choices,
                  unanswered, warnings, sum(marks))
