"""Quiz files → :class:`~courseforge.quiz.model.Quiz`, with every problem reported.

Like text2qti's parser, the loader reads a whole file and reports each
problem at the line it is on, as ``path:line:col: message`` written for the
trainer who has to fix it; it never stops at the first error. Field rules
come from the one table in :mod:`courseforge.quiz.spec` (the JSON Schema is
generated from the same table); the cross-field rules live here.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..diagnostics import Diagnostic, display_path
from .model import (
    BLANK,
    QUESTION_CLASSES,
    Distractor,
    Item,
    Option,
    Pair,
    Quiz,
    SourceRef,
)
from .spec import (
    ALL_TYPE_FIELDS,
    ID_MAX,
    ID_PATTERN,
    OBJECTS,
    QUESTION,
    QUIZ,
    SCHEMA_COMMENT,
    TYPE_FIELDS,
    Field,
)
from .types import TYPES
from .yamlsafe import MAX_BYTES, compose_text, decode_utf8, gc_paused, pos, read_limited, scalar_value

_Y = "tag:yaml.org,2002:"
_ID_RE = re.compile(ID_PATTERN)
_BLANK_RUN = re.compile(r"_{3,}")
_BAD = object()  # a value that failed its check (already reported)
_OBJ_MAKERS = {name: cls for t in TYPES.values() for name, (cls, _) in t.parts.items()}
_STR, _INT, _FLOAT, _BOOL, _NULL = (_Y + t for t in ("str", "int", "float", "bool", "null"))
_LIST_KINDS = frozenset(("objects", "texts", "answers"))
# The fields a question of each type takes; a question of unknown type is read
# against every type's fields, so each field is still checked.
_QUESTION_FIELDS = {t: QUESTION + fs for t, fs in TYPE_FIELDS.items()}
_ANY_QUESTION_FIELDS = QUESTION + tuple({f.name: f for fs in TYPE_FIELDS.values() for f in fs}.values())
_specs: dict[int, tuple[tuple[Field, ...], dict[str, Field], tuple[Field, ...]]] = {}


def _spec(fields: tuple[Field, ...]) -> tuple[dict[str, Field], tuple[Field, ...]]:
    """name -> field and the required fields of a field table, worked out once per table."""
    hit = _specs.get(id(fields))
    if hit is None or hit[0] is not fields:  # the table itself is kept, so its id is never reused
        hit = _specs[id(fields)] = (fields, {f.name: f for f in fields}, tuple(f for f in fields if f.required))
    return hit[1], hit[2]


class Cite(NamedTuple):
    """A question's ``source``, with where its doc and para are written."""

    qid: str
    doc: str
    para: str
    doc_pos: tuple[int, int]
    para_pos: tuple[int, int]
    # the recorded fingerprint of the cited text (None in older quizzes), and
    # where the source mapping and that value are in the file (character
    # offsets), for ``check --accept`` to rewrite that value alone
    text: str | None = None
    text_pos: tuple[int, int] = (0, 0)
    text_span: tuple[int, int] | None = None
    source_span: tuple[int, int] | None = None
    source_flow: bool = False


@dataclass
class LoadResult:
    """A quiz file read: the quiz (None if it has errors), problems, and where fields are.

    ``positions`` maps field paths to (line, col) for checks made later
    against the rest of the course: ``("id",)``, ``("module",)``,
    ``(qid, "source", "doc")``, ``(qid, "source", "para")``.
    """

    path: str
    quiz: Quiz | None
    diagnostics: list[Diagnostic]
    positions: dict[tuple[str, ...], tuple[int, int]] = field(default_factory=dict)
    # What could be read even when the quiz has errors, so that the rest of
    # the course is still checked against it in the same run.
    quiz_id: str | None = None
    module: str | None = None
    sources: list[Cite] = field(default_factory=list)


def suggest(word: str, candidates) -> str | None:
    """The closest candidate if ``word`` looks like a typo or a shortening of it."""
    candidates = list(candidates)
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    if close:
        return close[0]
    starts = [c for c in candidates if len(word) >= 3 and c.startswith(word)]
    return starts[0] if len(starts) == 1 else None


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a group of fields"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag == _Y + "null":
        return "nothing"
    return f"'{node.value}'"


class _Reader:
    """Reads one quiz file's node tree, collecting diagnostics."""

    def __init__(self, rel: str):
        self.rel = rel
        self.diags: list[Diagnostic] = []
        self.positions: dict[tuple[str, ...], tuple[int, int]] = {}
        self.values: dict[str, str] = {}  # quiz id and module, when readable
        self.sources: list[Cite] = []

    def error(self, where: Node | tuple[int, int], message: str, severity: str = "error") -> None:
        line, col = pos(where) if isinstance(where, Node) else where
        self.diags.append(Diagnostic(self.rel, line, col, message, severity))

    # --- objects ------------------------------------------------------------

    def read_object(self, node: Node, fields: tuple[Field, ...], what: str, *,
                    optional_types: bool = False, qtype: str | None = None) -> dict[str, tuple[Any, Node]] | None:
        """Check a mapping against its fields; returns name -> (value, value node) of good fields.

        ``qtype`` is the question type when reading a question, so a field of
        another type is named as such rather than as unknown.
        """
        if not isinstance(node, MappingNode):
            self.error(node, f"{what} must be a group of fields (name: value), found {_describe(node)}")
            return None
        spec, required = _spec(fields)
        out: dict[str, tuple[Any, Node]] = {}
        present = set()  # every field name written, known or not
        for knode, vnode in node.value:
            if isinstance(knode, ScalarNode):
                name = knode.value
                present.add(name)
                f = spec.get(name)
            else:
                name = f = None
            if f is None:
                if node.flow_style and isinstance(vnode, ScalarNode) and not vnode.value and " " in str(name):
                    # {text: a, b} reads as fields 'text: a' and 'b': the comma split the text
                    self.error(knode, f"'{name}' was read as a field of {what}: a text containing a comma "
                                      "inside { } must be put in quotes")
                    continue
                self._unknown(knode, name, spec, what, qtype)
                continue
            value = self.read_value(vnode, f, what)
            if value is not _BAD:
                out[name] = (value, vnode)
        for f in required:
            if f.name not in present:
                if optional_types and f.name in ALL_TYPE_FIELDS:
                    continue
                ex = f" (for example {f.example.splitlines()[0]})" if f.example else ""
                self.error(node, f"{what} has no '{f.name}': add it{ex}")
        return out

    def _unknown(self, knode: Node, name: Any, spec: dict[str, Field], what: str, qtype: str | None) -> None:
        if not isinstance(name, str):
            self.error(knode, f"field names must be plain words, found {_describe(knode)} in {what}")
            return
        if qtype is not None and name in ALL_TYPE_FIELDS:
            takes = ", ".join(f.name for f in TYPE_FIELDS[qtype]) or "no extra fields"
            users = " or ".join(ALL_TYPE_FIELDS[name])
            self.error(knode, f"field '{name}' is not used by a {qtype} question (only by {users}); "
                              f"remove it — a {qtype} question takes {takes}")
            return
        close = suggest(name, spec)
        if close:
            self.error(knode, f"unknown field '{name}' — did you mean '{close}'?")
        else:
            self.error(knode, f"unknown field '{name}' in {what}; allowed fields: {', '.join(spec)}")

    # --- values -------------------------------------------------------------

    def read_value(self, node: Node, f: Field, what: str, label: str | None = None) -> Any:
        kind = f.kind
        if kind not in _LIST_KINDS and kind != "object" and isinstance(node, ScalarNode):
            value = _good_scalar(node, f)
            if value is not _BAD:
                return value
        label = label or f"'{f.name}' of {what}"
        if kind in _LIST_KINDS:
            if not isinstance(node, SequenceNode):
                if isinstance(node, ScalarNode) and node.tag == _Y + "null":
                    self.error(node, f"{label} is empty: list at least {max(f.min_items, 1)} "
                                     f"entr{'y' if max(f.min_items, 1) == 1 else 'ies'}, each on a line starting with '- '")
                else:
                    self.error(node, f"{label} must be a list (each entry on a line starting with '- '), "
                                     f"found {_describe(node)}")
                return _BAD
            if len(node.value) < f.min_items:
                n = len(node.value)
                self.error(node, f"{label} has {n} entr{'y' if n == 1 else 'ies'}: it needs at least {f.min_items}")
                if n == 0:
                    return _BAD
            if f.of == "question":
                return node.value  # read one by one by read_question, which knows the types
            items = []
            for i, sub in enumerate(node.value, 1):
                if kind == "objects":
                    v = self.read_object(sub, OBJECTS[f.of], f"{f.of} {_sub_label(sub, i)} of {what}")
                    items.append((v, sub))
                elif isinstance(sub, ScalarNode) and sub.tag != _NULL and sub.value.strip():
                    items.append(sub.value)  # a good entry (the check below, without its message)
                else:
                    item_f = Field(f.name, "text" if kind == "texts" else "answer")
                    v = self.read_value(sub, item_f, what, f"entry {i} of '{f.name}' of {what}")
                    if v is not _BAD:
                        items.append(v)
            return items
        if kind == "object":
            return self.read_object(node, OBJECTS[f.of], f"{f.name} of {what}") or _BAD
        if not isinstance(node, ScalarNode):
            self.error(node, f"{label} must be a single value, found {_describe(node)}")
            return _BAD
        tag, raw = node.tag, node.value
        if kind == "id":
            if tag not in (_Y + "str", _Y + "int") or not raw:
                self.error(node, f"{label} must be a short id such as q1 or a, found {_describe(node)}")
                return _BAD
            if not _ID_RE.match(raw) or len(raw) > ID_MAX:
                self.error(node, f"{label} '{raw}' is not a valid id: use letters, digits, '-', '_' or '.', "
                                 f"no spaces, at most {ID_MAX} characters (e.g. q1, opt-a)")
                return _BAD
            return raw
        if kind in ("text", "answer"):
            if tag == _Y + "null" or not raw.strip():
                self.error(node, f"{label} is empty: write the text")
                return _BAD
            return raw
        if kind == "para":
            if tag not in (_Y + "str", _Y + "int") or not raw.strip():
                self.error(node, f"{label} must be a paragraph id such as 18 or annex-6, found {_describe(node)}")
                return _BAD
            return raw.strip()
        if kind == "bool":
            if tag != _Y + "bool":
                self.error(node, f"{label} must be true or false, found {_describe(node)}")
                return _BAD
            return scalar_value(node)
        if kind == "enum":
            if tag != _Y + "str" or raw not in f.choices:
                close = suggest(str(raw), f.choices) if raw else None
                hint = f" — did you mean '{close}'?" if close else ";"
                self.error(node, f"{label} is {_describe(node)}{hint} write one of: {', '.join(f.choices)}")
                return _BAD
            return raw
        # numbers
        if tag not in (_Y + "int", _Y + "float"):
            self.error(node, f"{label} must be a number (digits only, no quotes or units), found {_describe(node)}")
            return _BAD
        value = scalar_value(node)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            self.error(node, f"{label} must be a plain number, found '{raw}'")
            return _BAD
        if kind == "points" and not value > 0:
            self.error(node, f"{label} is {raw}: points must be more than 0 (default 1)")
            return _BAD
        if kind == "percent" and not 0 <= value <= 100:
            self.error(node, f"{label} is {raw}: write a percentage from 0 to 100")
            return _BAD
        if kind == "nonneg" and value < 0:
            self.error(node, f"{label} is {raw}: it cannot be negative (0 means the exact answer)")
            return _BAD
        return value

    # --- the quiz -----------------------------------------------------------

    def read_quiz(self, root: Node, path: str) -> Quiz | None:
        top = self.read_object(root, QUIZ, "the quiz")
        if top is None:
            return None
        for name in ("id", "module"):
            if name in top:
                self.positions[(name,)] = pos(top[name][1])
                self.values[name] = top[name][0]
        questions = []
        seen_ids: dict[str, Node] = {}  # question id -> its question, for the line of a second use
        qnodes = top.get("questions", (None, None))[1]
        ok = all(f.name in top for f in QUIZ if f.required)
        if isinstance(qnodes, SequenceNode):
            for i, qnode in enumerate(qnodes.value, 1):
                q = self.read_question(qnode, i)
                qid = _scalar_field(qnode, "id")
                if qid is not None:
                    if qid in seen_ids:
                        self.error(_field_node(qnode, "id") or qnode,
                                   f"question id '{qid}' is used twice in this quiz (first on line "
                                   f"{pos(seen_ids[qid])[0]}): give each question its own id")
                        ok = False
                    else:
                        seen_ids[qid] = qnode
                if q is None:
                    ok = False
                else:
                    questions.append(q)
        if not ok or any(d.severity == "error" for d in self.diags):
            return None
        return Quiz(
            id=top["id"][0], module=top["module"][0], title=top["title"][0], mode=top["mode"][0],
            pass_mark=top["pass_mark"][0], questions=questions,
            description=top["description"][0] if "description" in top else None,
            multiple_scoring=top["multiple_scoring"][0] if "multiple_scoring" in top else "partial",
            assessment_hints=top["assessment_hints"][0] if "assessment_hints" in top else False,
            path=path, line=pos(root)[0],
        )

    def read_question(self, node: Node, index: int):
        qid = _scalar_field(node, "id") if isinstance(node, MappingNode) else None
        what = f"question '{qid}'" if qid else f"question {index}"
        qtype = _scalar_field(node, "type") if isinstance(node, MappingNode) else None
        known = qtype in TYPE_FIELDS
        fields = _QUESTION_FIELDS[qtype] if known else _ANY_QUESTION_FIELDS
        before = len(self.diags)
        vals = self.read_object(node, fields, what, optional_types=not known, qtype=qtype if known else None)
        if vals is None:
            return None
        src = vals.get("source")
        if src and qid:
            for part in ("doc", "para"):
                if part in src[0]:
                    self.positions[(qid, "source", part)] = pos(src[0][part][1])
            if "doc" in src[0] and "para" in src[0]:
                doc, para = src[0]["doc"], src[0]["para"]
                text, tnode = src[0].get("text", (None, None))
                snode = src[1]
                self.sources.append(Cite(
                    qid, doc[0], para[0], pos(doc[1]), pos(para[1]), text=text,
                    text_pos=pos(tnode) if tnode is not None else pos(para[1]),
                    text_span=(tnode.start_mark.index, tnode.end_mark.index) if tnode is not None else None,
                    source_span=(snode.start_mark.index, snode.end_mark.index),
                    source_flow=bool(getattr(snode, "flow_style", False))))
        if not known:
            return None
        self.check_question(qtype, vals, node, what)
        if len(self.diags) > before or any(f.name not in vals for f in _spec(fields)[1]):
            return None
        kwargs: dict[str, Any] = {}
        for f in fields:
            if f.name == "type" or f.name not in vals:
                continue
            value = vals[f.name][0]
            if f.kind == "object":
                value = SourceRef(doc=value["doc"][0], para=value["para"][0],
                                  text=value["text"][0] if "text" in value else None)
            elif f.kind == "objects":
                if any(v is None or any(g.required and g.name not in v for g in OBJECTS[f.of]) for v, _ in value):
                    return None
                maker = _OBJ_MAKERS[f.of]
                value = [maker(**{k: vv for k, (vv, _) in v.items()}) for v, _ in value]
            elif f.kind == "answers":
                value = [str(v) for v in value]
            kwargs[f.name] = value
        return QUESTION_CLASSES[qtype](**kwargs, line=pos(node)[0])

    def check_question(self, qtype: str, vals: dict, node: Node, what: str) -> None:
        """Rules across fields of one question (ids, correct options, the blank)."""
        for list_name in ("options", "pairs", "distractors", "items"):
            if list_name in vals:
                self._unique_ids(vals[list_name][0], list_name[:-1], what)
        if qtype in ("single", "multiple") and "options" in vals:
            opts = [v for v, _ in vals["options"][0] if v is not None]
            right = [v["id"][0] for v in opts if v.get("correct", (False,))[0] and "id" in v]
            onode = vals["options"][1]
            if len(opts) == len(vals["options"][0]) and all("correct" in v for v in opts):
                if qtype == "single" and len(right) == 0:
                    self.error(onode, f"{what} (single) has no correct option: mark exactly one option with "
                                      "correct: true")
                elif qtype == "single" and len(right) > 1:
                    self.error(onode, f"{what} (single) has {len(right)} correct options ({', '.join(right)}): "
                                      "mark exactly one with correct: true, or use type: multiple for several "
                                      "right answers")
                elif qtype == "multiple" and not right:
                    self.error(onode, f"{what} (multiple) has no correct option: mark at least one option with "
                                      "correct: true")
            self._unique_texts(vals["options"][0], "text", "option", what)
        if qtype == "fill_blank" and "prompt" in vals:
            prompt, pnode = vals["prompt"]
            runs = _BLANK_RUN.findall(prompt)
            if len(runs) != 1:
                self.error(pnode, f"the prompt of {what} (fill_blank) has {len(runs)} blanks: write {BLANK} "
                                  "(three underscores) exactly once, where the answer goes")
            elif runs[0] != BLANK:
                self.error(pnode, f"the blank in the prompt of {what} is {len(runs[0])} underscores: write "
                                  f"exactly three ({BLANK})")
        if qtype == "matching" and "pairs" in vals:
            pair_ids = {v["id"][0]: n for v, n in vals["pairs"][0] if v and "id" in v}
            for v, n in vals.get("distractors", ([], None))[0]:
                if v and "id" in v and v["id"][0] in pair_ids:
                    self.error(v["id"][1], f"distractor id '{v['id'][0]}' of {what} is also a pair id: answers "
                                           "name rights by id, so give the distractor its own id")
            rights = [(v["right"][0], v["right"][1]) for v, _ in vals["pairs"][0] if v and "right" in v]
            rights += [(v["text"][0], v["text"][1]) for v, _ in vals.get("distractors", ([], None))[0]
                       if v and "text" in v]
            self._unique_values(rights, "right-hand text", what)
            self._unique_texts(vals["pairs"][0], "left", "pair", what)
        if qtype == "ordering" and "items" in vals:
            self._unique_texts(vals["items"][0], "text", "item", what)

    def _unique_ids(self, entries, kind: str, what: str) -> None:
        seen: dict[str, Node] = {}
        for v, _ in entries:
            if not v or "id" not in v:
                continue
            oid, n = v["id"]
            if oid in seen:
                self.error(n, f"{kind} id '{oid}' is used twice in {what} (first on line {pos(seen[oid])[0]}): "
                              f"give each {kind} its own id")
            else:
                seen[oid] = n

    def _unique_texts(self, entries, key: str, kind: str, what: str) -> None:
        self._unique_values([(v[key][0], v[key][1]) for v, _ in entries if v and key in v], f"{kind} {key}", what)

    def _unique_values(self, values, label: str, what: str) -> None:
        seen: dict[str, Node] = {}
        for text, n in values:
            norm = " ".join(str(text).split()).casefold()
            if norm in seen:
                self.error(n, f"two {label}s of {what} read the same (first on line {pos(seen[norm])[0]}): "
                              "learners could not tell them apart; reword one")
            else:
                seen[norm] = n


def _good_scalar(node: ScalarNode, f: Field) -> Any:
    """The value of a scalar that passes ``f``'s check, else _BAD.

    The same tests as :meth:`_Reader.read_value`, without building a message:
    most values are fine, and the reader words a message only for the others.
    """
    kind, tag, raw = f.kind, node.tag, node.value
    if kind == "id":
        return raw if (tag == _STR or tag == _INT) and raw and len(raw) <= ID_MAX and _ID_RE.match(raw) else _BAD
    if kind == "text" or kind == "answer":
        return raw if tag != _NULL and raw.strip() else _BAD
    if kind == "para":
        return raw.strip() if (tag == _STR or tag == _INT) and raw.strip() else _BAD
    if kind == "bool":
        return scalar_value(node) if tag == _BOOL else _BAD
    if kind == "enum":
        return raw if tag == _STR and raw in f.choices else _BAD
    if tag != _INT and tag != _FLOAT:
        return _BAD
    value = scalar_value(node)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return _BAD
    if (kind == "points" and not value > 0) or (kind == "percent" and not 0 <= value <= 100) or (
            kind == "nonneg" and value < 0):
        return _BAD
    return value


def _sub_label(node: Node, index: int) -> str:
    sid = _scalar_field(node, "id") if isinstance(node, MappingNode) else None
    return f"'{sid}'" if sid else str(index)


def _field_node(node: Node, name: str) -> Node | None:
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == name:
                return v
    return None


def _scalar_field(node: Node, name: str) -> str | None:
    v = _field_node(node, name)
    return v.value if isinstance(v, ScalarNode) and v.value else None


# --- public API ---------------------------------------------------------------


# Quiz files read in this process: (rel, limit) -> (bytes, result). A file whose bytes
# have not changed since it was last read is not read again (`serve` rebuilds, a build
# after `check`); only the latest version of each file is kept.
_read_cache: dict[tuple[str, int], tuple[bytes, LoadResult]] = {}


def clear_read_cache() -> None:
    """Forget the quiz files read so far (the next read does all the work again)."""
    _read_cache.clear()


def read_quiz_file(path: str | Path, root: str | Path | None = None, limit: int = MAX_BYTES) -> LoadResult:
    """Load one quiz file, keeping field positions (what ``courseforge check`` needs)."""
    path = Path(path)
    rel = display_path(path, root)
    raw, diags = read_limited(path, rel, limit)
    if raw is None:
        _read_cache.pop((rel, limit), None)
        return _read_quiz_bytes(rel, raw, diags)
    hit = _read_cache.get((rel, limit))
    if hit is not None and hit[0] == raw:
        return _copy_result(hit[1])
    res = _read_quiz_bytes(rel, raw, diags)
    _read_cache[(rel, limit)] = (raw, _copy_result(res))
    return res


def _copy_result(res: LoadResult) -> LoadResult:
    # Callers may drop the quiz (a duplicate id) or add diagnostics: each gets its own lists.
    return replace(res, diagnostics=list(res.diagnostics), positions=dict(res.positions), sources=list(res.sources))


def _read_quiz_bytes(rel: str, raw: bytes | None, diags: list[Diagnostic]) -> LoadResult:
    with gc_paused():  # thousands of nodes and values, none of them garbage
        node = None
        if raw is not None:
            text, diag = decode_utf8(raw, rel)
            node, diags = (None, [diag]) if diag else compose_text(text, rel)
        if node is None or not isinstance(node, Node):
            if not diags:
                diags = [Diagnostic(rel, 0, 0, "the file is empty: a quiz needs id, module, title, mode, pass_mark "
                                               "and questions")]
            return LoadResult(rel, None, diags)
        reader = _Reader(rel)
        reader.diags.extend(diags)  # duplicate keys: reported, the file still read
        quiz = reader.read_quiz(node, rel)
    if not _starts_with_schema_comment(raw):
        reader.error((1, 1), f"the first line should be '{SCHEMA_COMMENT}' so that editors check the "
                             "quiz as you type", severity="warning")
    return LoadResult(rel, quiz, sorted(reader.diags, key=lambda d: (d.line, d.col)), reader.positions, quiz_id=reader.values.get("id"),
                      module=reader.values.get("module"), sources=reader.sources)


def _starts_with_schema_comment(raw: bytes) -> bool:
    first = raw[:200]  # the first line, as far as a 200-byte readline would go
    end = first.find(b"\n")
    first = (first[:end + 1] if end >= 0 else first).decode("utf-8-sig", "replace").strip()
    return first.startswith("# yaml-language-server: $schema=") and first.endswith("quiz-v1.schema.json")


def load_quiz_file(path: str | Path, root: str | Path | None = None) -> tuple[Quiz | None, list[Diagnostic]]:
    """One quiz file → (quiz, diagnostics); the quiz is None if any error was found."""
    res = read_quiz_file(path, root)
    return res.quiz, res.diagnostics


def quiz_files(quizzes_dir: str | Path) -> list[Path]:
    d = Path(quizzes_dir)
    if not d.is_dir():
        return []
    return sorted((p for p in d.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file()
                   and not p.name.startswith(".")), key=lambda p: p.name)


def read_quizzes(quizzes_dir: str | Path, root: str | Path | None = None) -> tuple[list[LoadResult], list[Diagnostic]]:
    """Every quiz file of a folder, plus quiz ids used by more than one file."""
    with gc_paused():  # the collector runs once afterwards, not hundreds of times while reading
        results = [read_quiz_file(p, root) for p in quiz_files(quizzes_dir)]
    diags = [d for r in results for d in r.diagnostics]
    first: dict[str, LoadResult] = {}
    for r in results:
        if r.quiz_id is None:
            continue
        other = first.get(r.quiz_id)
        if other is not None:
            line, col = r.positions.get(("id",), (0, 0))
            oline = other.positions.get(("id",), (0, 0))[0]
            diags.append(Diagnostic(r.path, line, col, f"quiz id '{r.quiz_id}' is already used by {other.path}:{oline}: "
                                                       "quiz ids must be unique in the course; rename one"))
            r.quiz = None
        else:
            first[r.quiz_id] = r
    return results, diags


def load_quizzes(quizzes_dir: str | Path, root: str | Path | None = None) -> tuple[list[Quiz], list[Diagnostic]]:
    """All ``*.yml``/``*.yaml`` quizzes of a folder, sorted by file name, and every problem found."""
    results, diags = read_quizzes(quizzes_dir, root)
    return [r.quiz for r in results if r.quiz is not None], diags
