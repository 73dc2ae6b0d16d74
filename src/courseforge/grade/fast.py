"""The common case of marking, compiled once per quiz: every answer already seen.

Across 100,000 submissions to one quiz the same few answers recur, and each
question's marker already remembers the results of answers it checked
(``mark.cache``, holding only answers that passed every check). For a
submission whose answers are all of the expected JSON type, the whole quiz
can then be marked with one dict look-up per question, without a Python
call per answer. :func:`compile_answers` writes that straight-line function
for one quiz (one block of three lines per question, no loop) and compiles
it; the generated source is kept as ``fn.source`` for reading.

It is only a shortcut: it answers ``None`` when a submission names a
question the quiz does not have, and lets the marker's :class:`AnswerError`
(or a ``TypeError`` from an unhashable value) through for a bad answer.
:func:`courseforge.grade.validate.check_submission` then takes its careful
path, which finds the same marks or the same first error in answer order, so
results and messages do not depend on which path ran. A new answer (a cache
miss) is handed to its marker, which checks it, scores it and remembers it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .markers import CACHE_FORM, Marker

UNANSWERED = (0.0, -1)  # (mark, choice code) of a question left out or answered null

AnswersFn = Callable[[dict], "tuple[list[float], list[int]] | None"]

# str-keyed caches need no guard: no other JSON value equals a str (but 1 == True == 1.0)
_GUARD = {str: None, bool: "a.__class__ is bool", list: "a.__class__ is list",
          dict: "a.__class__ is dict", float: "(a.__class__ is float or a.__class__ is int)"}
_KEY = {"as is": "a", "tuple": "tuple(a)", "items": "tuple(a.items())"}


def compile_answers(qids: Sequence[str], types: Sequence[str], markers: Sequence[Marker]) -> AnswersFn | None:
    """answers dict -> (marks, choice codes) in question order; None when a key is no question id.

    No shortcut (None) for a quiz that repeats a question id: the careful path decides that case.
    """
    if len(set(qids)) != len(qids):
        return None
    env: dict[str, Any] = {"QIDS": frozenset(qids), "UNANSWERED": UNANSWERED}
    lines = ["def marks_of(answers):",
             "    if not answers.keys() <= QIDS:",
             "        return None",
             "    get = answers.get"]
    for j, (qid, t, marker) in enumerate(zip(qids, types, markers)):
        cls, form = CACHE_FORM[t]
        env[f"Q{j}"], env[f"C{j}"], env[f"M{j}"] = qid, marker.cache, marker  # type: ignore[attr-defined]
        look = f"C{j}.get({_KEY[form]})" + (f" if {_GUARD[cls]} else None" if _GUARD[cls] else "")
        lines += [f"    a = get(Q{j})",
                  f"    r{j} = {look}",
                  f"    if r{j} is None:",
                  f"        r{j} = UNANSWERED if a is None else M{j}(a)"]
    n = len(qids)
    lines.append("    return [" + ", ".join(f"r{j}[0]" for j in range(n)) + "], ["
                 + ", ".join(f"r{j}[1]" for j in range(n)) + "]")
    source = "\n".join(lines) + "\n"
    exec(compile(source, "<courseforge.grade.fast>", "exec"), env)  # names bound in env only, no input text
    fn = env["marks_of"]
    fn.source = source
    return fn
