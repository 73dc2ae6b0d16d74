"""YAML in, nodes with positions out — and nothing hostile gets through.

Trainers' YAML is composed (never constructed) with libyaml, so every node
keeps its line and column for messages, and no tag can ever build a Python
object. Before composing we refuse what PyYAML would accept silently or
dangerously:

* files over a size limit and bytes that are not UTF-8 (with the bad line);
* anchors and aliases (``&a`` / ``*a``): a handful of nested aliases expands
  to billions of nodes ("billion laughs"), and a course file never needs them;
* tags other than the plain YAML ones (``!!python/object/apply:os.system``);
* duplicate mapping keys, which PyYAML resolves by keeping the last one.

All problems come back as :class:`Diagnostic` objects; nothing raises.
"""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..diagnostics import Diagnostic, display_path

try:  # libyaml: ~7x faster than the pure-Python parser
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_BYTES = 1_000_000  # a quiz of 200 long questions is ~150 kB; 1 MB is generous

_Y = "tag:yaml.org,2002:"
# '&name' or '*name' after a space, a flow indicator or a line start, ended by
# a space, a flow indicator or the line end: what an anchor or alias looks like.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[\]{},:?-])[&*][^\s,\[\]{}]+(?=[\s,\[\]{}]|$)", re.M)
# Tags the plain YAML resolver gives to untagged values; nothing else is allowed.
ALLOWED_TAGS = frozenset(_Y + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp"))


class _Loader(SafeLoader):  # type: ignore[misc, valid-type]
    """SafeLoader with a shortcut for the common case of its implicit resolver.

    libyaml calls ``resolve`` for every scalar; SafeLoader's own looks up the
    resolvers listed under the value's first character and tries each regex.
    Most values of a course file are quoted, or start with a character no
    resolver is listed under (``Which...``, ``q1``, ``a``): those are plain
    text, and the shortcut says so without the look-ups. Every other value
    goes to SafeLoader's resolver, so the YAML 1.1 rules (``yes``, ``~``,
    ``0x1F``, ``1_000``, ``2004-01-16``...) are SafeLoader's exactly.
    ``odd_tags`` records whether a resolved tag is not a plain one (``<<``
    resolves to a merge key), so :func:`_scan` can skip scalars otherwise.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self.odd_tags = False
        table = self.yaml_implicit_resolvers
        if self.yaml_path_resolvers or None in table:
            self._first = None  # rules the shortcut does not cover: always ask SafeLoader
        else:
            self._first = table  # first characters some resolver is listed under
        self._memo: dict[str, str] = {}  # field names and values repeat many times in a file
        if not self.yaml_path_resolvers:
            # libyaml calls these two around every node; without path resolvers
            # they do nothing, and a C builtin does nothing faster than a method.
            self.descend_resolver = slice  # slice(parent, index): built, dropped
            self.ascend_resolver = tuple

    def resolve(self, kind, value, implicit):
        first = self._first
        if kind is ScalarNode and first is not None:
            if not implicit[0] or value[:1] not in first:
                return self.DEFAULT_SCALAR_TAG
            tag = self._memo.get(value)
            if tag is not None:
                return tag
            tag = self._memo[value] = super().resolve(kind, value, implicit)
        else:
            tag = super().resolve(kind, value, implicit)
        if tag not in ALLOWED_TAGS:
            self.odd_tags = True
        return tag


@contextmanager
def gc_paused():
    """No cyclic garbage collection while a tree of thousands of nodes is built.

    The nodes are not garbage, but each few hundred new objects make the
    collector walk them again; pausing it makes composing about a tenth faster.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def pos(node: Node) -> tuple[int, int]:
    """1-based (line, column) where a node starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def read_yaml_file(
    path: str | Path, root: str | Path | None = None, limit: int = MAX_BYTES
) -> tuple[Node | None, list[Diagnostic]]:
    """Read and compose one YAML file; ``None`` and diagnostics if it is refused."""
    path = Path(path)
    rel = display_path(path, root)
    raw, diags = read_limited(path, rel, limit)
    if raw is None:
        return None, diags
    text, diag = decode_utf8(raw, rel)
    if diag:
        return None, [diag]
    return compose_text(text, rel)


def read_limited(path: Path, rel: str, limit: int = MAX_BYTES) -> tuple[bytes | None, list[Diagnostic]]:
    """A course file's bytes, or ``None`` and why not (too big, unreadable); ``rel`` names it."""
    try:
        size = path.stat().st_size
        if size > limit:
            return None, [Diagnostic(rel, 0, 0, f"file is {size:,} bytes, over the {limit:,}-byte limit for a course "
                                                "file; split it into smaller files")]
        return path.read_bytes(), []
    except OSError as exc:
        return None, [Diagnostic(rel, 0, 0, f"cannot read the file: {exc.strerror or exc}")]


def decode_utf8(raw: bytes, rel: str, line_offset: int = 0) -> tuple[str, Diagnostic | None]:
    """Decode UTF-8 (a leading BOM is fine); on a bad byte, name its line and column."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1 + line_offset
        col = len(raw[start:exc.start].decode("utf-8", "replace")) + 1
        return "", Diagnostic(rel, line, col, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}): save the file "
                                             "with UTF-8 encoding (in most editors: Save As… → Encoding: UTF-8)")


def compose_text(text: str, rel: str, line_offset: int = 0) -> tuple[Node | None, list[Diagnostic]]:
    """Compose YAML text into a node tree, refusing anything unsafe or ambiguous.

    ``line_offset`` shifts line numbers, for YAML embedded in another file
    (front matter of a Markdown page). An empty document gives ``None`` and no
    diagnostics.
    """
    diags: list[Diagnostic] = []
    # Only a text where '&' or '*' starts a word can hold an anchor or alias
    # ("R&D", "**bold**" cannot); scan those texts' events first, so an alias
    # bomb is refused before anything is built.
    if ("&" in text or "*" in text) and _MAYBE_ANCHOR.search(text):
        try:
            for ev in yaml.parse(text, Loader=SafeLoader):
                line, col = ev.start_mark.line + 1 + line_offset, ev.start_mark.column + 1
                if isinstance(ev, yaml.AliasEvent):
                    diags.append(Diagnostic(rel, line, col, f"alias '*{ev.anchor}' refused: anchors and aliases "
                                                            "are not allowed in course files; write the value out in full"))
                elif getattr(ev, "anchor", None):
                    diags.append(Diagnostic(rel, line, col, f"anchor '&{ev.anchor}' refused: anchors and aliases "
                                                            "are not allowed in course files; write the value out in full"))
        except yaml.YAMLError as exc:
            return None, [_syntax_error(exc, rel, line_offset, text)]
        if diags:
            return None, diags
    loader = _Loader(text)
    try:
        with gc_paused():
            node = loader.get_single_node()
    except yaml.YAMLError as exc:
        return None, [_syntax_error(exc, rel, line_offset, text)]
    finally:
        loader.dispose()
    if node is None:
        return None, []
    # A tag other than a plain one needs a '!' in the text, or a value that
    # resolves to one (``<<``); without either, scalars need no tag check.
    refused = _scan(node, rel, line_offset, diags, scalars="!" in text or loader.odd_tags)
    # A duplicate key is reported but the file is still read (as YAML would,
    # keeping the last value), so one run shows every other problem too; a
    # refused tag stops here: its value is never looked at.
    return (None if refused else node), diags


def _syntax_error(exc: yaml.YAMLError, rel: str, line_offset: int, text: str) -> Diagnostic:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 + line_offset if mark else 0
    col = mark.column + 1 if mark else 0
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    msg = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    at = ""
    if mark:
        lines = text.split("\n")
        if mark.line < len(lines) and mark.column < len(lines[mark.line]):
            at = lines[mark.line][mark.column]
    hint = _syntax_hint(problem or "", at)
    cmark = getattr(exc, "context_mark", None)
    if not hint and cmark is not None and context:
        opened = cmark.line + 1 + line_offset
        if "quoted scalar" in context:
            hint = f"the quote opened on line {opened} is never closed"
        elif "flow sequence" in context:
            hint = f"the [ opened on line {opened} is not closed with ]"
        elif "flow mapping" in context:
            hint = f"the {{ opened on line {opened} is not closed with }}"
    return Diagnostic(rel, line, col, msg + (f"; {hint}" if hint else ""))


def _syntax_hint(problem: str, at: str) -> str:
    if "mapping values are not allowed" in problem:
        return "a text containing ': ' must be put in quotes"
    if at == "\t" or "'\\t'" in problem:
        return "indent with spaces, not tabs"
    if at in ("@", "`", "%"):
        return f"a text starting with {at} must be put in quotes"
    if "could not find expected ':'" in problem:
        return "check the indentation and that each field is written 'name: value'"
    return ""


def _scan(node: Node, rel: str, line_offset: int, diags: list[Diagnostic], scalars: bool = True) -> bool:
    """Report foreign tags and duplicate keys anywhere in the tree; True if a tag was refused.

    ``scalars=False`` says no scalar can carry a foreign tag: only mappings
    and sequences are then visited, in the same order.
    """
    refused = False
    stack = [node]
    while stack:
        n = stack.pop()
        if n.tag not in ALLOWED_TAGS:
            line, col = pos(n)
            diags.append(Diagnostic(rel, line + line_offset, col, f"tag '{_short_tag(n.tag)}' refused: course files "
                                    "hold plain text, numbers, lists and fields only; remove the tag"))
            refused = True
            continue  # never look inside a refused value
        if isinstance(n, MappingNode):
            keys = set()
            twice = False
            for k, v in n.value:
                if isinstance(k, ScalarNode):
                    twice = twice or k.value in keys
                    keys.add(k.value)
                    if scalars:
                        stack.append(k)
                else:
                    stack.append(k)
                if scalars or not isinstance(v, ScalarNode):
                    stack.append(v)
            if twice:  # reported before any child is visited, as a key-by-key walk would
                _duplicate_keys(n.value, rel, line_offset, diags)
        elif isinstance(n, SequenceNode):
            if scalars:
                stack.extend(n.value)
            else:
                stack.extend(v for v in n.value if not isinstance(v, ScalarNode))
    return refused


def _duplicate_keys(pairs: list, rel: str, line_offset: int, diags: list[Diagnostic]) -> None:
    seen: dict[str, int] = {}
    for k, _ in pairs:
        if isinstance(k, ScalarNode):
            line, col = pos(k)
            if k.value in seen:
                diags.append(Diagnostic(rel, line + line_offset, col, f"duplicate key '{k.value}' (first on "
                                        f"line {seen[k.value] + line_offset}): YAML would silently keep only "
                                        "this last one; keep one of the two"))
            else:
                seen[k.value] = line


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_Y):] if tag.startswith(_Y) else tag


def to_python(node: Node | None):
    """Plain data (dict/list/str/int/float/bool/None) from a scanned node tree.

    Only for trees that passed :func:`compose_text`; constructs the few safe
    scalar types itself, never anything else.
    """
    if node is None:
        return None
    if isinstance(node, MappingNode):
        return {to_python(k): to_python(v) for k, v in node.value}
    if isinstance(node, SequenceNode):
        return [to_python(v) for v in node.value]
    return scalar_value(node)


_constructor = yaml.SafeLoader.__new__(yaml.SafeLoader)  # only for its scalar converters
yaml.constructor.SafeConstructor.__init__(_constructor)


def scalar_value(node: ScalarNode):
    """The Python value of a plain scalar (str, int, float, bool, None; dates stay text)."""
    tag = node.tag
    if tag == _Y + "str" or tag == _Y + "timestamp":
        return node.value
    if tag == _Y + "null":
        return None
    if tag == _Y + "bool":
        return _constructor.construct_yaml_bool(node)
    if tag == _Y + "int":
        return _constructor.construct_yaml_int(node)
    if tag == _Y + "float":
        return _constructor.construct_yaml_float(node)
    return node.value
