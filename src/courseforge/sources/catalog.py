"""``seeds/sources.yml``: the list of seed documents, validated line by line.

The file is a YAML list; each entry describes one document::

    - id: desa-2004-social-perspective   # short, stable: quizzes cite it
      file: 002_3bbc0a1064af9942.txt      # inside seeds/: .txt, .md, .pdf, .docx, .html
      title: A Social Perspective on International Migration
      issuer: UN DESA, Division for Social Policy and Development
      date: "2004-01-16"
      kind: background note
      language: en                        # optional, default "en"

The YAML is composed into nodes (libyaml's CSafeLoader when present) and
never constructed into Python objects, so every problem can name its line
and column, unknown tags are refused instead of executed, and an alias bomb
is refused instead of expanded. Every problem is reported, not only the
first; entries with an error are left out of the result.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..diagnostics import Diagnostic, display_path
from ..fsutil import read_text_limited
from .formats import SUPPORTED
from .model import SourceEntry

try:  # libyaml: several times faster than the pure-Python loader
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pyyaml built without libyaml
    _Loader = yaml.SafeLoader

REQUIRED = ("id", "file", "title", "issuer", "date", "kind")
OPTIONAL = ("language",)
KEYS = REQUIRED + OPTIONAL
SUPPORTED_FORMATS = SUPPORTED
MAX_CATALOG_BYTES = 256 * 1024

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_MAX = 64
LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")

# Scalars YAML resolves by itself (an unquoted date or number) are read as
# their text; anything else with a tag (!!python/object ...) is refused.
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}


def supported_formats_text() -> str:
    return "plain text (.txt), Markdown (.md), PDF (.pdf), Word (.docx) and web pages (.html, .htm)"


@dataclass
class Catalog:
    entries: list[SourceEntry]  # the valid entries, in file order
    diagnostics: list[Diagnostic]  # every problem
    # every ``file`` value written, valid or not, so a file whose entry is
    # broken is not also called "not listed"; None when sources.yml could
    # not be read as a list at all
    files: set[str] | None
    # ids written on entries left out because of an error → that error, so
    # a quiz citing one can say why instead of "unknown document"
    broken: dict[str, Diagnostic] = field(default_factory=dict)


def load_catalog(path: Path, seeds_dir: Path | None = None, root: Path | None = None) -> Catalog:
    """Read and validate ``sources.yml``."""
    seeds_dir = seeds_dir or path.parent
    rel = display_path(path, root)
    diags: list[Diagnostic] = []

    def err(node_or_line, message: str, col: int | None = None) -> None:
        if isinstance(node_or_line, yaml.Node):
            line, c = node_or_line.start_mark.line + 1, node_or_line.start_mark.column + 1
        else:
            line, c = node_or_line, 0
        diags.append(Diagnostic(rel, line, c if col is None else col, message))

    if not path.is_file():
        err(0, "not found: create it to list the seed documents, one entry per file with id, file, title, issuer, date and kind")
        return Catalog([], diags, None)
    try:
        text = read_text_limited(path, MAX_CATALOG_BYTES)
    except ValueError as exc:
        line, message = _split_line(str(exc))
        err(line, message)
        return Catalog([], diags, None)
    try:
        root_node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.problem and exc.context and exc.context_mark:
            problem += f" ({exc.context} that starts at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1})"
        diags.append(Diagnostic(rel, mark.line + 1 if mark else 0, mark.column + 1 if mark else 0, f"YAML syntax error: {problem}"))
        return Catalog([], diags, None)
    except yaml.YAMLError as exc:
        err(0, f"YAML error: {exc}")
        return Catalog([], diags, None)

    if root_node is None:
        err(1, "is empty: list the seed documents, each entry starting with '- id: ...'")
        return Catalog([], diags, None)
    if not isinstance(root_node, yaml.SequenceNode):
        err(root_node, "must be a list of documents, each entry starting with '- id: ...'")
        return Catalog([], diags, None)

    seen_nodes: set[int] = set()
    mentioned: set[str] = set()
    entries: list[SourceEntry] = []
    broken: dict[str, Diagnostic] = {}
    ids: dict[str, int] = {}
    files: dict[str, int] = {}
    for item in root_node.value:
        if id(item) in seen_nodes:
            err(item, "aliases (*name) are not allowed in sources.yml; write each entry out")
            continue
        seen_nodes.add(id(item))
        if not isinstance(item, yaml.MappingNode):
            err(item, "each entry must be a mapping of keys (id, file, title, issuer, date, kind)")
            continue
        first_problem = len(diags)
        entry, ok = _entry(item, seeds_dir, err, seen_nodes, mentioned)
        if "id" not in entry or "file" not in entry:
            if "id" in entry:
                broken.setdefault(entry["id"][0], diags[first_problem])
            continue
        eid, id_node = entry["id"]
        if eid in ids:
            err(id_node, f'duplicate id "{eid}" (first used at line {ids[eid].start_mark.line + 1})')
            ok = False
        else:
            ids[eid] = id_node
        fname, fnode = entry["file"]
        if fname in files:
            err(fnode, f'file "{fname}" is already listed at line {files[fname].start_mark.line + 1}')
            ok = False
        else:
            files[fname] = fnode
        if not ok:
            broken.setdefault(eid, diags[first_problem])
        else:
            entries.append(
                SourceEntry(
                    id=eid,
                    file=fname,
                    title=entry["title"][0],
                    issuer=entry["issuer"][0],
                    date=entry["date"][0],
                    kind=entry["kind"][0],
                    language=entry["language"][0] if "language" in entry else "en",
                    line=item.start_mark.line + 1,
                )
            )
    valid = {e.id for e in entries}
    return Catalog(entries, diags, mentioned, {k: v for k, v in broken.items() if k not in valid})


def _entry(item: yaml.MappingNode, seeds_dir: Path, err, seen_nodes: set[int], mentioned: set[str]):
    """Validate one entry; returns ({key: (value, node)}, ok)."""
    values: dict[str, tuple] = {}
    present: dict[str, yaml.Node] = {}  # keys written, valid or not: a bad value is not also "missing"
    ok = True
    for key_node, value_node in item.value:
        if not isinstance(key_node, yaml.ScalarNode):
            err(key_node, "keys must be plain words such as 'title'")
            ok = False
            continue
        key = key_node.value
        if key in present:
            err(key_node, f'duplicate key "{key}" (first at line {present[key].start_mark.line + 1}); YAML would silently keep only the last one')
            ok = False
            continue
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            err(key_node, f'unknown key "{key}"{hint}; allowed keys: {", ".join(KEYS)}')
            ok = False
            continue
        present[key] = key_node
        if id(value_node) in seen_nodes:
            err(value_node, "aliases (*name) are not allowed in sources.yml")
            ok = False
            continue
        seen_nodes.add(id(value_node))
        if not isinstance(value_node, yaml.ScalarNode) or value_node.tag not in _PLAIN_TAGS:
            err(value_node, f'"{key}" must be text')
            ok = False
            continue
        value = value_node.value.strip()
        if not value:
            err(value_node, f'"{key}" is empty')
            ok = False
            continue
        # the node is kept so later messages can point at the value
        values[key] = (value, value_node)
        if key == "file":
            mentioned.add(value)
    missing = [k for k in REQUIRED if k not in present]
    if missing:
        what = ", ".join(f'"{k}"' for k in missing)
        name = f' "{values["id"][0]}"' if "id" in values else ""
        err(item, f"entry{name} is missing {what}")
        ok = False
    if "id" in values:
        eid, node = values["id"]
        if not ID_RE.match(eid) or len(eid) > ID_MAX:
            err(node, f'id "{eid}" must be lowercase letters, digits and single hyphens, at most {ID_MAX} characters (e.g. "desa-2004-social-perspective")')
            ok = False
    if "language" in values:
        lang, node = values["language"]
        if not LANG_RE.match(lang):
            err(node, f'language "{lang}" must be a language code such as "en" or "fr"')
            ok = False
    if "file" in values:
        fname, node = values["file"]
        p = Path(fname)
        if p.is_absolute() or ".." in p.parts or "\\" in fname:
            err(node, f'file "{fname}" must be a file name inside seeds/')
            ok = False
        elif p.suffix.lower() not in SUPPORTED_FORMATS:
            fmt = p.suffix or "(no extension)"
            err(node, f'file "{fname}": unsupported format {fmt}; courseforge reads {supported_formats_text()} — save the document in one of these')
            ok = False
        elif not (seeds_dir / fname).is_file():
            err(node, f'file "{fname}" not found in seeds/')
            ok = False
    return values, ok


def _split_line(message: str) -> tuple[int, str]:
    """read_text_limited says "line 3: not valid UTF-8 ..."; split off the line."""
    m = re.match(r"line (\d+): (.*)$", message, re.DOTALL)
    return (int(m.group(1)), m.group(2)) if m else (0, message)
