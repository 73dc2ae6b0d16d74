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
from typing import Literal, Union

# Each question type's model lives with the rest of that type, in quiz/types/.
from .types import TYPES
from .types.base import Question, SourceRef
from .types.choice import Option
from .types.fill_blank import BLANK, FillBlank
from .types.matching import Distractor, Matching, Pair
from .types.multiple import MultipleChoice
from .types.numeric import Numeric
from .types.ordering import Item, Ordering
from .types.single import SingleChoice
from .types.true_false import TrueFalse

__all__ = [  # the model of each type, re-exported from quiz/types/ for code that imports it from here
    "BLANK", "BLOOM_LEVELS", "MODES", "QUESTION_CLASSES", "QUESTION_TYPES", "AnyQuestion", "Distractor", "FillBlank",
    "Item", "Matching", "MultipleChoice", "Numeric", "Option", "Ordering", "Pair", "Question", "Quiz", "SingleChoice",
    "SourceRef", "TrueFalse",
]

QUESTION_TYPES = tuple(TYPES)
MODES = ("practice", "assessment")
BLOOM_LEVELS = ("remember", "understand", "apply", "analyze", "evaluate", "create")

AnyQuestion = Union[SingleChoice, MultipleChoice, TrueFalse, FillBlank, Numeric, Matching, Ordering]

QUESTION_CLASSES: dict[str, type[Question]] = {name: t.model for name, t in TYPES.items()}


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
