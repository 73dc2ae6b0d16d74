"""Field kinds as validator objects, and the :class:`Field` specs built from them.

A kind says, in one place, what a field's value may be: how a YAML value is
read, what the trainer is told when it is wrong, and its JSON Schema (as
MkDocs' ``config_options`` do for ``mkdocs.yml``). The loader
(:mod:`courseforge.quiz.load`) reads every field through its kind and the
schema (:mod:`courseforge.quiz.schema`) is generated from the same kinds, so
``courseforge check`` and editors cannot disagree.

Scalar kinds have two halves: :meth:`Kind.accept`, the fast path taken by
almost every value (no message built), and :meth:`Kind.problem`, which words
the message for the others.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass
from typing import Any, ClassVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .yamlsafe import scalar_value

_Y = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_Y + t for t in ("str", "int", "float", "bool", "null"))
BAD = object()  # a value that failed its check (reported, or to be reported)

# Ids name answers in learners' records and appear in URLs: keep them plain.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
ID_MAX = 80
_ID_RE = re.compile(ID_PATTERN)


def describe(node: Node) -> str:
    """A YAML value as a trainer would name it in a message."""
    if isinstance(node, MappingNode):
        return "a group of fields"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag == _NULL:
        return "nothing"
    return f"'{node.value}'"


class Kind:
    """What a field's value may be."""

    # A single YAML value (read by accept/problem); lists and objects are read
    # by the loader, which recurses into their entries.
    scalar: ClassVar[bool] = True

    def accept(self, node: ScalarNode) -> Any:
        """The value of a good scalar, else BAD."""
        raise NotImplementedError

    def problem(self, node: ScalarNode, label: str) -> str:
        """Why a scalar that :meth:`accept` refused is wrong, and what to write."""
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def build(self, value: Any, make) -> Any:
        """The model's value from what the loader read (``make(of, fields)`` builds an object)."""
        return value


class Id(Kind):
    def accept(self, node):
        tag, raw = node.tag, node.value
        return raw if (tag == _STR or tag == _INT) and raw and len(raw) <= ID_MAX and _ID_RE.match(raw) else BAD

    def problem(self, node, label):
        if node.tag not in (_STR, _INT) or not node.value:
            return f"{label} must be a short id such as q1 or a, found {describe(node)}"
        return (f"{label} '{node.value}' is not a valid id: use letters, digits, '-', '_' or '.', "
                f"no spaces, at most {ID_MAX} characters (e.g. q1, opt-a)")

    def schema(self):
        return {"type": ["string", "integer"], "pattern": ID_PATTERN, "maxLength": ID_MAX}


class Text(Kind):
    """Non-empty text (Markdown where the field's help says so)."""

    def accept(self, node):
        return node.value if node.tag != _NULL and node.value.strip() else BAD

    def problem(self, node, label):
        return f"{label} is empty: write the text"

    def schema(self):
        return {"type": "string", "minLength": 1, "pattern": r"\S"}


class Answer(Text):
    """One accepted answer: text, or a number written as one (kept as its text)."""

    def schema(self):
        return {"type": ["string", "number"], "minLength": 1, "pattern": r"\S"}


class Para(Kind):
    """A paragraph id: text or a whole number, kept as text."""

    def accept(self, node):
        raw = node.value.strip()
        return raw if (node.tag == _STR or node.tag == _INT) and raw else BAD

    def problem(self, node, label):
        return f"{label} must be a paragraph id such as 18 or annex-6, found {describe(node)}"

    def schema(self):
        return {"type": ["string", "integer"], "minLength": 1}


class Bool(Kind):
    def accept(self, node):
        return scalar_value(node) if node.tag == _BOOL else BAD

    def problem(self, node, label):
        return f"{label} must be true or false, found {describe(node)}"

    def schema(self):
        return {"type": "boolean"}


@dataclass(frozen=True)
class Enum(Kind):
    choices: tuple[str, ...]

    def accept(self, node):
        return node.value if node.tag == _STR and node.value in self.choices else BAD

    def problem(self, node, label):
        raw = node.value
        close = suggest(str(raw), self.choices) if raw else None
        hint = f" — did you mean '{close}'?" if close else ";"
        return f"{label} is {describe(node)}{hint} write one of: {', '.join(self.choices)}"

    def schema(self):
        return {"enum": list(self.choices)}


@dataclass(frozen=True)
class Number(Kind):
    """A plain number, optionally in a range; ``out_of_range`` tells the trainer what the range is."""

    minimum: float | None = None
    maximum: float | None = None
    above: float | None = None  # exclusive minimum
    out_of_range: str = ""

    def _in_range(self, value) -> bool:
        return not ((self.minimum is not None and value < self.minimum)
                    or (self.maximum is not None and value > self.maximum)
                    or (self.above is not None and not value > self.above))

    def accept(self, node):
        if node.tag != _INT and node.tag != _FLOAT:
            return BAD
        value = scalar_value(node)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            return BAD
        return value if self._in_range(value) else BAD

    def problem(self, node, label):
        if node.tag not in (_INT, _FLOAT):
            return f"{label} must be a number (digits only, no quotes or units), found {describe(node)}"
        value = scalar_value(node)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            return f"{label} must be a plain number, found '{node.value}'"
        return f"{label} is {node.value}: {self.out_of_range}"

    def schema(self):
        s: dict[str, Any] = {"type": "number"}
        if self.above is not None:
            s["exclusiveMinimum"] = self.above
        if self.minimum is not None:
            s["minimum"] = self.minimum
        if self.maximum is not None:
            s["maximum"] = self.maximum
        return s


@dataclass(frozen=True)
class ListOf(Kind):
    """A list of plain values of one kind (hints, tags, accepted answers)."""

    scalar: ClassVar[bool] = False
    item: Kind
    min_items: int = 0
    as_text: bool = False  # keep each entry as text (an answer written as a number)

    def schema(self):
        s: dict[str, Any] = {"type": "array", "items": self.item.schema()}
        if self.min_items:
            s["minItems"] = self.min_items
        return s

    def build(self, value, make):
        return [str(v) for v in value] if self.as_text else value


@dataclass(frozen=True)
class Objects(Kind):
    """A list of objects, each of the fields the spec table names ``of``."""

    scalar: ClassVar[bool] = False
    of: str
    min_items: int = 0

    def schema(self):
        s: dict[str, Any] = {"type": "array", "items": {"$ref": f"#/$defs/{self.of}"}}
        if self.min_items:
            s["minItems"] = self.min_items
        return s

    def build(self, value, make):
        objects = [make(self.of, v) for v, _ in value]
        return BAD if any(o is BAD for o in objects) else objects


@dataclass(frozen=True)
class Object(Kind):
    """One object, of the fields the spec table names ``of``."""

    scalar: ClassVar[bool] = False
    of: str

    def schema(self):
        return {"$ref": f"#/$defs/{self.of}"}

    def build(self, value, make):
        return make(self.of, value)


ID = Id()
TEXT = Text()
ANSWER = Answer()
PARA = Para()
BOOL = Bool()
NUMBER = Number()
POINTS = Number(above=0, out_of_range="points must be more than 0 (default 1)")
PERCENT = Number(minimum=0, maximum=100, out_of_range="write a percentage from 0 to 100")
NONNEG = Number(minimum=0, out_of_range="it cannot be negative (0 means the exact answer)")
TEXTS = ListOf(TEXT)


def answers(min_items: int = 0) -> ListOf:
    """Accepted answers: text or numbers, each kept as text."""
    return ListOf(ANSWER, min_items=min_items, as_text=True)


@dataclass(frozen=True)
class Field:
    """One field of a YAML object: its name, its kind, and what the trainer is told about it."""

    name: str
    kind: Kind
    required: bool = False
    help: str = ""
    default: Any = None
    example: str = ""  # what to write, for messages about a missing field


def suggest(word: str, candidates) -> str | None:
    """The closest candidate if ``word`` looks like a typo or a shortening of it."""
    candidates = list(candidates)
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    if close:
        return close[0]
    starts = [c for c in candidates if len(word) >= 3 and c.startswith(word)]
    return starts[0] if len(starts) == 1 else None
