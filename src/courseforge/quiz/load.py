"""Quiz files → :class:`~courseforge.quiz.model.Quiz`, with every problem reported.

Like text2qti's parser, the loader reads a whole file and reports each
problem at the line it is on, as ``path:line:col: message`` written for the
trainer who has to fix it; it never stops at the first error. Field rules
come from the one table in :mod:`courseforge.quiz.spec` (the JSON Schema is
generated from the same table); the cross-field rules live here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..cache import FileCache
from ..diagnostics import Diagnostic, display_path
from .fields import BAD, Field, ListOf, Objects, describe, suggest
from .model import QUESTION_CLASSES, Quiz, SourceRef
from .spec import ALL_TYPE_FIELDS, OBJECTS, QUESTION, QUIZ, SCHEMA_COMMENT, TYPE_FIELDS
from .types import TYPES
from .yamlsafe import MAX_BYTES, compose_text, decode_utf8, gc_paused, pos, read_limited

_NULL = "tag:yaml.org,2002:null"
# What each kind of object is built as: a source, and the parts of the types (options, pairs…).
_MAKERS: dict[str, type] = {"source": SourceRef,
                            **{name: cls for t in TYPES.values() for name, (cls, _) in t.parts.items()}}
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
            self.error(node, f"{what} must be a group of fields (name: value), found {describe(node)}")
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
            if value is not BAD:
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
            self.error(knode, f"field names must be plain words, found {describe(knode)} in {what}")
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
        if kind.scalar and isinstance(node, ScalarNode):
            value = kind.accept(node)
            if value is not BAD:
                return value
        label = label or f"'{f.name}' of {what}"
        if kind.scalar:
            if isinstance(node, ScalarNode):
                self.error(node, kind.problem(node, label))
            else:
                self.error(node, f"{label} must be a single value, found {describe(node)}")
            return BAD
        if not isinstance(kind, (ListOf, Objects)):  # one object
            return self.read_object(node, OBJECTS[kind.of], f"{f.name} of {what}") or BAD
        if not isinstance(node, SequenceNode):
            if isinstance(node, ScalarNode) and node.tag == _NULL:
                n = max(kind.min_items, 1)
                self.error(node, f"{label} is empty: list at least {n} "
                                 f"entr{'y' if n == 1 else 'ies'}, each on a line starting with '- '")
            else:
                self.error(node, f"{label} must be a list (each entry on a line starting with '- '), "
                                 f"found {describe(node)}")
            return BAD
        if len(node.value) < kind.min_items:
            n = len(node.value)
            self.error(node, f"{label} has {n} entr{'y' if n == 1 else 'ies'}: it needs at least {kind.min_items}")
            if n == 0:
                return BAD
        if isinstance(kind, Objects):
            if kind.of == "question":
                return node.value  # read one by one by read_question, which knows the types
            return [(self.read_object(sub, OBJECTS[kind.of], f"{kind.of} {_sub_label(sub, i)} of {what}"), sub)
                    for i, sub in enumerate(node.value, 1)]
        items = []
        accept = kind.item.accept
        for i, sub in enumerate(node.value, 1):
            v = accept(sub) if isinstance(sub, ScalarNode) else BAD
            if v is BAD:  # read again, for the message
                v = self.read_value(sub, Field(f.name, kind.item), what, f"entry {i} of '{f.name}' of {what}")
            if v is not BAD:
                items.append(v)
        return items

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
            value = f.kind.build(vals[f.name][0], _make)
            if value is BAD:
                return None
            kwargs[f.name] = value
        return QUESTION_CLASSES[qtype](**kwargs, line=pos(node)[0])

    def check_question(self, qtype: str, vals: dict, node: Node, what: str) -> None:
        """Rules across fields of one question: unique ids in its lists, then its type's own rules."""
        for f in TYPE_FIELDS[qtype]:
            if isinstance(f.kind, Objects) and f.name in vals:
                self._unique_ids(vals[f.name][0], f.kind.of, what)
        TYPES[qtype].check(vals, what, self)

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

    # What a type's checks use (QuestionType.check).

    def unique_texts(self, entries, key: str, kind: str, what: str) -> None:
        """Report entries whose ``key`` reads the same as an earlier one's (case and spaces aside)."""
        self.unique_values([(v[key][0], v[key][1]) for v, _ in entries if v and key in v], f"{kind} {key}", what)

    def unique_values(self, values, label: str, what: str) -> None:
        seen: dict[str, Node] = {}
        for text, n in values:
            norm = " ".join(str(text).split()).casefold()
            if norm in seen:
                self.error(n, f"two {label}s of {what} read the same (first on line {pos(seen[norm])[0]}): "
                              "learners could not tell them apart; reword one")
            else:
                seen[norm] = n

_REQUIRED = {of: tuple(f.name for f in fields if f.required) for of, fields in OBJECTS.items()}


def _make(of: str, fields: dict[str, tuple[Any, Node]] | None) -> Any:
    """The object (a source, an option…) from its fields as read, or BAD if one is missing (reported)."""
    if fields is None or any(name not in fields for name in _REQUIRED[of]):
        return BAD
    return _MAKERS[of](**{name: value for name, (value, _) in fields.items()})


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
# Between runs, the same in the user's cache folder (a build after a build reads none of
# the quiz files that have not changed since); each entry is checked against the file's
# bytes and courseforge's code.
READ_FILES = FileCache("quizzes")


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
    name = f"{path.resolve()}|{rel}|{limit}"
    with gc_paused():  # thousands of objects, none of them garbage
        res = READ_FILES.get(name, raw)
    if not isinstance(res, LoadResult):
        res = _read_quiz_bytes(rel, raw, diags)
        READ_FILES.put(name, raw, res)
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
