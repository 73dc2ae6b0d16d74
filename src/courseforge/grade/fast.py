"""The common case of marking, compiled once per quiz: every answer already seen.

Across 100,000 submissions to one quiz the same few answers recur. For a
submission whose answers have all been marked before, the whole quiz is
marked with one dict look-up per question, without a Python call per
answer: :func:`compile_answers` writes that straight-line function for one
quiz (one block of four lines per question, no loop) and compiles it; the
generated source is kept as ``fn.source`` for reading. Each look-up gives
the mark, the choice code and the mark as results.json writes it
(``"q1":2``), so the writer does not format the same few marks again.

A new answer (a miss) goes to its question's marker, which checks and
scores it; only answers that passed every check are remembered (bounded:
:data:`CACHE_SIZE` answers per question, fill-in texts up to
:data:`REMEMBERED_TEXT` characters). The shortcut answers ``None`` when a
submission names a question the quiz does not have, and lets the marker's
:class:`AnswerError` (or a ``TypeError`` from an unhashable value) through
for a bad answer: :func:`courseforge.grade.validate.check_submission` then
takes its careful path, which finds the same marks or the same first error
in answer order, so results and messages never depend on which path ran.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any

from .markers import CACHE_SIZE, Marker
from .outputs import json_mark

REMEMBERED_TEXT = 200  # characters: a longer fill-in answer is marked each time, never kept

# (marks, choice codes, marks as JSON object members) in question order
Marked = tuple[list[float], list[int], str]
AnswersFn = Callable[[dict], "Marked | None"]

# Per question type: the class a valid answer has (None: any, for str-keyed memories, since no
# other JSON value equals a str; but 1 == 1.0 == True, hence the guard for true_false and
# numeric) and how an answer becomes a key of the memory.
_FORM = {
    "single": (None, "a"), "fill_blank": (None, "a"),
    "true_false": ("a.__class__ is bool", "a"),
    "numeric": ("(a.__class__ is float or a.__class__ is int)", "a"),
    "multiple": ("a.__class__ is list", "tuple(a)"), "ordering": ("a.__class__ is list", "tuple(a)"),
    "matching": ("a.__class__ is dict", "tuple(a.items())"),
}


def _miss(qid: str, t: str, marker: Marker, memory: dict) -> Callable[[Any], tuple[float, int, str]]:
    """Mark an answer not seen before with ``marker`` (which raises for a bad one) and remember it."""
    prefix = encode_basestring(qid) + ":"
    form = _FORM[t][1]

    def miss(a: Any) -> tuple[float, int, str]:
        mark, choice = marker(a)
        r = (mark, choice, prefix + json_mark(mark))
        if len(memory) < CACHE_SIZE and (a.__class__ is not str or len(a) <= REMEMBERED_TEXT):
            memory[a if form == "a" else tuple(a) if form == "tuple(a)" else tuple(a.items())] = r
        return r

    return miss


def compile_answers(qids: Sequence[str], types: Sequence[str], markers: Sequence[Marker]) -> AnswersFn | None:
    """answers dict -> :data:`Marked`; None when a key is no question id of the quiz.

    Two functions are written: ``marks_of`` for a submission that answers every question
    (null included) with answers all seen before — the answers fetched in one C call and each
    looked up by subscript — and ``marks_general`` for anything else (questions left out, an
    answer not seen yet), with a ``.get`` per question and a marker call on a miss; the first
    hands over to the second on a ``KeyError``.

    No shortcut (None) for a quiz that repeats a question id: the careful path decides that case.
    """
    n = len(qids)
    if len(set(qids)) != n:
        return None
    env: dict[str, Any] = {"QIDS": frozenset(qids), "N": n,
                           "FETCH": itemgetter(*qids) if n > 1 else (lambda d: (d[qids[0]],))}
    general = ["def marks_general(answers):",
               "    if not answers.keys() <= QIDS:",
               "        return None",
               "    get = answers.get"]
    hot = ["def marks_of(answers):",
           "    if len(answers) != N or not N:",
           "        return marks_general(answers)",
           "    try:",
           "        " + "".join(f"a{j}, " for j in range(n)) + "= FETCH(answers)"]
    for j, (qid, t, marker) in enumerate(zip(qids, types, markers)):
        memory: dict = {}
        unanswered = (0.0, -1, encode_basestring(qid) + ":" + json_mark(0.0))
        env[f"Q{j}"], env[f"F{j}"], env[f"M{j}"], env[f"U{j}"] = qid, memory, _miss(qid, t, marker, memory), unanswered
        guard, key = _FORM[t]
        if guard is None:  # str-keyed: null is remembered as unanswered too
            memory[None] = unanswered
            general += [f"    r{j} = F{j}.get(get(Q{j}))"]
            hot += [f"        r{j} = F{j}[a{j}]"]
        else:
            general += [f"    a = get(Q{j})",
                        f"    r{j} = F{j}.get({key}) if {guard} else None"]
            hot += [f"        r{j} = F{j}[{key.replace('a', f'a{j}')}] if {guard.replace('a.', f'a{j}.')} "
                    f"else U{j} if a{j} is None else M{j}(a{j})"]
        general += [f"    if r{j} is None:",
                    f"        a = get(Q{j})",
                    f"        r{j} = U{j} if a is None else M{j}(a)"]
    result = ("    return [" + ", ".join(f"r{j}[0]" for j in range(n)) + "], ["
              + ", ".join(f"r{j}[1]" for j in range(n)) + "], "
              + 'f"' + ",".join(f"{{r{j}[2]}}" for j in range(n)) + '"')
    hot += ["    except KeyError:  # an answer not seen before (or a question left out)",
            "        return marks_general(answers)", result]
    source = "\n".join(general + [result, "", ""] + hot) + "\n"
    exec(compile(source, "<courseforge.grade.fast>", "exec"), env)  # names bound in env only, no input text
    fn = env["marks_of"]
    fn.source = source
    return fn
