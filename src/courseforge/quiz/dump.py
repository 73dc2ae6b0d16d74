"""A :class:`Quiz` → its canonical YAML text.

The generator and the GIFT importer write quizzes through :func:`dump_quiz`,
so every quiz file reads the same: the schema comment on line 1, fields in a
fixed order, defaults left out, block style, long text wrapped, multi-line
text as literal blocks, ``source`` on one line. The output loads back (with
:mod:`courseforge.quiz.load`) to an equal quiz.
"""

from __future__ import annotations

import re

import yaml

from .model import Question, Quiz
from .spec import SCHEMA_COMMENT
from .types import TYPES

WIDTH = 100  # long plain text is folded onto several lines at about this width


class _Flow(dict):
    """A mapping written on one line, e.g. ``source: {doc: x, para: 18}``."""


class _Dumper(yaml.SafeDumper):
    # The pure-Python dumper on purpose: identical bytes with or without libyaml.

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        # Indent list entries under their key ("options:\n  - id: a"), easier to read.
        return super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, data: str):
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


def _flow(dumper: yaml.SafeDumper, data: _Flow):
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


def _float(dumper: yaml.SafeDumper, data: float):
    if data.is_integer() and abs(data) < 2**53:
        return dumper.represent_int(int(data))
    return dumper.represent_scalar("tag:yaml.org,2002:float", repr(data))


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_Flow, _flow)
_Dumper.add_representer(float, _float)

_PLAIN_INT = re.compile(r"^[1-9][0-9]{0,8}$")


def _para(para: str):
    # ``para: 18`` reads better than ``para: '18'``; the loader stores both as "18".
    return int(para) if _PLAIN_INT.match(para) else para


def _points(p: float):
    return int(p) if float(p).is_integer() else p


def question_data(q: Question) -> dict:
    d: dict = {"id": q.id, "type": q.type, "prompt": q.prompt}
    d.update(TYPES[q.type].data(q))
    d["explanation"] = q.explanation
    if q.hints:
        d["hints"] = list(q.hints)
    if q.tags:
        d["tags"] = list(q.tags)
    if q.bloom is not None:
        d["bloom"] = q.bloom
    d["source"] = _Flow(doc=q.source.doc, para=_para(q.source.para))
    if q.source.text:
        d["source"]["text"] = q.source.text
    if q.points != 1:
        d["points"] = _points(q.points)
    return d


def quiz_data(quiz: Quiz) -> dict:
    """The quiz as plain data in canonical key order (defaults left out)."""
    d: dict = {"id": quiz.id, "module": quiz.module, "title": quiz.title, "mode": quiz.mode,
               "pass_mark": _points(quiz.pass_mark)}
    if quiz.multiple_scoring != "partial":
        d["multiple_scoring"] = quiz.multiple_scoring
    if quiz.assessment_hints:
        d["assessment_hints"] = True
    if quiz.description is not None:
        d["description"] = quiz.description
    d["questions"] = [question_data(q) for q in quiz.questions]
    return d


def dump_quiz(quiz: Quiz) -> str:
    """Canonical YAML text of a quiz, schema comment on line 1."""
    body = yaml.dump(quiz_data(quiz), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=WIDTH, indent=2)
    # A blank line between questions makes long quizzes easy to scan.
    body = body.replace("\n  - id: ", "\n\n  - id: ").replace("questions:\n\n", "questions:\n")
    return f"{SCHEMA_COMMENT}\n{body}"
