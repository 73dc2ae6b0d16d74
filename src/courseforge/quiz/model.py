"""The quiz model, format v1.

One YAML file per quiz in ``quizzes/``. Answers are always named by stable
ids, never by position, so shuffling and later edits never change what a
learner's recorded answer means. A learner's answer has this shape, by type:

=============  ==============================================================
single         option id (str)
multiple       list of option ids
true_false     bool
fill_blank     str
numeric        number
matching       {pair id: chosen right}, where a right is named by its pair id
               and a distractor by its own id
ordering       list of item ids, in the learner's order
=============  ==============================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal, Union

QUESTION_TYPES = ("single", "multiple", "true_false", "fill_blank", "numeric", "matching", "ordering")
MODES = ("practice", "assessment")
BLOOM_LEVELS = ("remember", "understand", "apply", "analyze", "evaluate", "create")
BLANK = "___"


@dataclass(frozen=True)
class SourceRef:
    """Where a question comes from: a seed document id and one of its paragraph ids."""

    doc: str
    para: str  # always a string: "18", "annex-6"
    # Fingerprint of the paragraph's text when the question was written
    # (:func:`courseforge.sources.stable.fingerprint`); ``courseforge check``
    # reports the question once the paragraph reads differently. None in
    # quizzes written before citations recorded it.
    text: str | None = field(default=None, compare=False)


@dataclass
class Option:
    id: str
    text: str
    correct: bool
    feedback: str | None = None


@dataclass
class Pair:
    id: str
    left: str
    right: str


@dataclass
class Distractor:
    id: str
    text: str


@dataclass
class Item:
    id: str
    text: str


@dataclass(kw_only=True)
class Question:
    """Fields every question type shares. ``line`` is where it starts in its file."""

    type: ClassVar[str] = ""
    id: str
    prompt: str
    explanation: str
    source: SourceRef
    points: float = 1
    hints: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    bloom: str | None = None
    line: int = field(default=0, compare=False, repr=False)


@dataclass(kw_only=True)
class SingleChoice(Question):
    type: ClassVar[str] = "single"
    options: list[Option]

    @property
    def key(self) -> str | None:
        right = [o.id for o in self.options if o.correct]
        return right[0] if len(right) == 1 else None


@dataclass(kw_only=True)
class MultipleChoice(Question):
    type: ClassVar[str] = "multiple"
    options: list[Option]

    @property
    def key(self) -> list[str]:
        return [o.id for o in self.options if o.correct]


@dataclass(kw_only=True)
class TrueFalse(Question):
    type: ClassVar[str] = "true_false"
    answer: bool
    feedback_true: str | None = None  # optional feedback when the learner picks "true"
    feedback_false: str | None = None

    @property
    def key(self) -> bool:
        return self.answer


@dataclass(kw_only=True)
class FillBlank(Question):
    type: ClassVar[str] = "fill_blank"
    answers: list[str]

    @property
    def key(self) -> list[str]:
        return self.answers


@dataclass(kw_only=True)
class Numeric(Question):
    type: ClassVar[str] = "numeric"
    answer: float
    tolerance: float = 0
    unit: str | None = None  # shown beside the input box, e.g. "million", "%"

    @property
    def key(self) -> float:
        return self.answer


@dataclass(kw_only=True)
class Matching(Question):
    type: ClassVar[str] = "matching"
    pairs: list[Pair]
    distractors: list[Distractor] = field(default_factory=list)

    @property
    def key(self) -> dict[str, str]:
        return {p.id: p.id for p in self.pairs}


@dataclass(kw_only=True)
class Ordering(Question):
    type: ClassVar[str] = "ordering"
    items: list[Item]  # listed in the correct order

    @property
    def key(self) -> list[str]:
        return [i.id for i in self.items]


AnyQuestion = Union[SingleChoice, MultipleChoice, TrueFalse, FillBlank, Numeric, Matching, Ordering]

QUESTION_CLASSES: dict[str, type[Question]] = {
    cls.type: cls for cls in (SingleChoice, MultipleChoice, TrueFalse, FillBlank, Numeric, Matching, Ordering)
}


@dataclass
class Quiz:
    id: str
    module: str
    title: str
    mode: Literal["practice", "assessment"]
    pass_mark: float  # percent, 0-100
    questions: list[AnyQuestion]
    description: str | None = None
    # How a ``multiple`` question is marked: "partial" (right choices minus
    # wrong ones over the number of right options, floored at 0) or
    # "all_or_nothing".
    multiple_scoring: Literal["partial", "all_or_nothing"] = "partial"
    # Whether an assessment's page offers the questions' hints (practice always does).
    assessment_hints: bool = False
    path: str | None = field(default=None, compare=False, repr=False)
    line: int = field(default=0, compare=False, repr=False)

    @property
    def max_points(self) -> float:
        return sum(q.points for q in self.questions)

    def question(self, qid: str) -> AnyQuestion | None:
        for q in self.questions:
            if q.id == qid:
                return q
        return None
