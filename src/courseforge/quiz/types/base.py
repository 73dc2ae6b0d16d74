"""What every question type shares: the common fields of the model and the
:class:`QuestionType` that each type's module fills in.

A question type lives in one module of this package (``single.py``,
``matching.py``…): its model, its fields, and everything the rest of the code
asks of it. Code elsewhere asks the type (``TYPES[q.type]``) instead of
branching on type names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar

from ..fields import Field


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


class QuestionType:
    """One question type, as the rest of the code needs it.

    Each type's module defines a subclass and one instance of it, ``TYPE``.
    """

    name: ClassVar[str]
    model: ClassVar[type[Question]]
    # The fields only this type takes, in the order they are written.
    fields: ClassVar[tuple[Field, ...]] = ()
    # The objects its list fields hold, by the name their fields' ``of`` gives:
    # name -> (dataclass, its fields).
    parts: ClassVar[dict[str, tuple[type, tuple[Field, ...]]]] = {}

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    def check(self, vals: dict, what: str, reader) -> None:
        """Rules across this type's fields, beyond what each field's kind checks.

        ``vals`` maps each field read to ``(value, YAML node)`` (a list field's
        value: ``(fields, node)`` per entry); problems go to ``reader.error(node,
        message)``, with ``reader.unique_texts`` / ``unique_values`` for texts
        learners must tell apart. ``what`` names the question in messages.
        """

    def data(self, question: Question) -> dict:
        """The type's own fields as plain data, in the order they are written, defaults left out (quiz.dump)."""
        return {}

    # --- the browser's view of a question (quiz.public) ---

    def public(self, q: Any, with_key: bool) -> dict[str, Any]:
        """The fields only this type shows the browser, after the ones every question has.

        ``with_key`` (practice mode) adds what the page marks with; without it
        nothing may tell which answer is right (tests/core/test_public.py).
        """
        return {}

    def aliases(self, q: Any) -> dict[str, str]:
        """alias -> model id, for the parts the browser names by alias (see ``quiz.alias``)."""
        return {}

    def resolve_answer(self, q: Any, answer: Any) -> Any:
        """A browser's answer with aliases turned back into model ids; anything else unchanged."""
        return answer

    # --- rendering on a page (site.render) ---
    # The Jinja template of the type's part of a question's form, which a theme's custom_dir may
    # override (courseforge/questions/<type>.html). It gets the question's public view (q) and
    # what page_view adds.
    template: ClassVar[str] = ""

    def page_prompt(self, prompt: str) -> str:
        """The prompt as the Markdown to render."""
        return prompt

    def page_view(self, q: dict, *, practice: bool, shuffle: Callable[[list[str]], list[str]],
                  derange: Callable[[list[str], list[str]], list[str]]) -> dict[str, Any]:
        """What the template needs besides ``q``: ``shuffle`` gives ids in the fixed display order
        of this question, ``derange`` moves each out of its place in a key."""
        return {}

    def page_data(self, q: dict, inline: Callable[[str | None], str]) -> dict[str, Any]:
        """What quiz.js needs of a practice question to give feedback (``inline`` renders Markdown)."""
        return {}

    # --- marking an answer (grade) ---
    # What the types share is in marking.py.
    # The classes a valid answer of this type has as JSON gives it. The grader remembers marked
    # answers by value and 1 == 1.0 == True, so it looks up only answers of these classes.
    answer_classes: ClassVar[tuple[type, ...]] = ()
    # How a valid answer becomes a key of the grader's memory of marked answers (None: itself).
    answer_key: ClassVar[Callable[[Any], Any] | None] = None

    def mark(self, question: Question, answer: Any, quiz: Any = None) -> float:
        """The share (0 to 1) of the question's points a valid answer, in model ids, earns:
        the type's rule. ``quiz`` gives quiz-wide settings (``multiple_scoring``); None: defaults."""
        raise NotImplementedError

    def marker(self, question: Question, quiz: Any = None) -> Callable[[Any], tuple[float, int]]:
        """The grader's checker and scorer for one question, prepared once: answer (as a
        submission holds it, aliases included) -> (mark in points, choice code). The choice code
        is a small integer saying what was picked (see :meth:`chosen`), 0 when the type counts
        nothing; a bad answer raises :class:`~courseforge.quiz.types.marking.AnswerError`."""
        raise NotImplementedError

    def read_cell(self, question: Question, text: str) -> Any:
        """A CSV cell in the shape the JSON answer would have (AnswerError when it has none)."""
        raise NotImplementedError

    def choice_groups(self, question: Question) -> list[tuple[str | None, list[tuple[str, str, bool]]]]:
        """What choice codes count, for the report: groups of (id, text, correct). The group
        named None is the question's own options; a named group, the rights offered to one
        left of a matching. [] when the type counts nothing."""
        return []

    def chosen(self, question: Question, code: int) -> list[tuple[int, int]]:
        """The (group, option) places of :meth:`choice_groups` one choice code (>= 0) stands for."""
        return []

    # --- exports (export.gift, export.moodle_xml, export.qti) ---
    # How each format writes a question of this type, or why it cannot. The exporter hands
    # in ``w``, its writer for the quiz at hand: the format's primitives (escaping, element builders)
    # and ``w.note`` / ``w.skip`` for what the format cannot carry. A type without a writer for a
    # format is left out of that export, with a note.

    def gift(self, q: Question, w) -> str | None:
        """``q`` as GIFT text (:mod:`courseforge.export.gift`), or None when GIFT cannot hold it."""
        return w.unknown(q)

    def moodle_xml(self, q: Question, w):
        """``q`` as a Moodle XML ``<question>`` element (:mod:`courseforge.export.moodle_xml`), or None
        when Moodle XML cannot hold it."""
        return w.unknown(q)

    def qti(self, q: Question, w):
        """``q`` as a QTI 2.1 ``assessmentItem`` element (:mod:`courseforge.export.qti`), or None when
        QTI cannot hold it."""
        return w.unknown(q)
