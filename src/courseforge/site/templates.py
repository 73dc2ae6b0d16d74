"""The HTML of quizzes and course panels, from Jinja templates a theme can override.

The templates ship in ``courseforge/templates/courseforge/`` (``quiz.html``,
``question.html``, ``questions/<type>.html``, ``progress.html``,
``certificate.html``). A file of the same name under ``courseforge/`` in one of
the theme's folders (MkDocs Material's ``custom_dir`` first) wins. Each is
compiled once and kept compiled, in memory between `serve` rebuilds and in the
user's cache folder between builds (:class:`CompiledTemplates`, which keeps the
theme's templates too).

They write HTML as courseforge has always written it, on one line: a template's
line breaks and the indentation after them are dropped, so a template can be
laid out for reading (keep a tag, and a space between two elements, on one
line). Nothing is escaped for them: ``|e`` escapes a value, and the words in
``et`` and the Markdown from ``md`` come ready. The values are dicts: ours write
``q['id']``, as ``q.id`` (which works too) first looks for an attribute, and
with thousands of questions that shows in the build's time.
"""

from __future__ import annotations

import hashlib
import html
import re
import sys
from pathlib import Path
from typing import Any, Iterable

import jinja2
from jinja2.ext import Extension

from ..cache import user_cache_dir
from ..fsutil import write_atomic

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_LINE_BREAK = re.compile(r"\n[ \t]*")


def escape(value: Any) -> str:
    """The escaping courseforge's HTML has always used (``'`` as ``&#x27;``)."""
    return html.escape(str(value), quote=True)


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's bytecode of templates compiled before: in this process, and on disk between builds.

    Compiling the theme's templates is about a fifth of a MkDocs build's CPU, and
    they rarely change; a build reads them compiled from the user's cache folder
    instead. Jinja checks each entry against its template's source; the key also
    names what else shapes the code (Jinja's and Python's versions, the
    environment's syntax settings and extensions, down to their source files), so
    nothing compiled for another setup is ever taken. A folder that cannot be
    written only means templates are compiled again: never an error.
    """

    def __init__(self, directory: Path | None = None) -> None:
        self._store: dict[str, bytes] = {}
        self.directory = directory
        self._sources: dict[str, str] = {}  # extension module file -> digest of its bytes

    def load_bytecode(self, bucket) -> None:
        key = self._key(bucket)
        data = self._store.get(key)
        if data is None and self.directory is not None:
            try:
                data = (self.directory / key).read_bytes()
            except OSError:
                return
        if data is not None:
            try:  # a wrong header or checksum leaves the bucket empty: compiled again
                bucket.bytecode_from_string(data)
            except Exception:  # noqa: BLE001 - a damaged file (cut short, overwritten) is only a cache miss
                bucket.reset()
            if bucket.code is not None:
                self._store[key] = data

    def dump_bytecode(self, bucket) -> None:
        key, data = self._key(bucket), bucket.bytecode_to_string()
        self._store[key] = data
        if self.directory is not None:
            try:
                write_atomic(self.directory / key, data, durable=False)
            except OSError:
                pass

    def forget(self) -> None:
        """Drop what this process holds (the folder stays): the next build reads from disk, as a new process does."""
        self._store.clear()

    def _key(self, bucket) -> str:
        env = bucket.environment
        settings = (
            jinja2.__version__, sys.implementation.cache_tag, env.block_start_string, env.block_end_string,
            env.variable_start_string, env.variable_end_string, env.comment_start_string, env.comment_end_string,
            env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks,
            env.newline_sequence, env.keep_trailing_newline, env.optimized, env.is_async,
            _name_of(env.autoescape), _name_of(env.finalize),
            *sorted(f"{_name_of(type(ext))}:{self._source_digest(type(ext))}" for ext in env.extensions.values()),
        )
        return hashlib.sha1(f"{bucket.key}|{settings!r}".encode("utf-8")).hexdigest()

    def _source_digest(self, cls: type) -> str:
        # An extension rewrites templates before Jinja compiles them: its code is part of the key.
        path = getattr(sys.modules.get(cls.__module__), "__file__", None) or ""
        digest = self._sources.get(path)
        if digest is None:
            try:
                digest = hashlib.sha1(Path(path).read_bytes()).hexdigest()
            except OSError:
                digest = "?"
            self._sources[path] = digest
        return digest


def _name_of(value: Any) -> str:
    if callable(value):
        return f"{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', type(value).__qualname__)}"
    return repr(value)


COMPILED = CompiledTemplates(user_cache_dir("templates"))


class _OneLine(Extension):
    """Drops each line break of courseforge's templates and the indentation after it."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return _LINE_BREAK.sub("", source) if name and name.startswith("courseforge/") else source


class Templates:
    """The templates of one build: those in ``dirs`` (the theme's folders, custom_dir first) before ours."""

    def __init__(self, dirs: Iterable[str | Path] = ()):
        loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader([str(d) for d in dirs]),
                                      jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES))])
        self.env = jinja2.Environment(loader=loader, autoescape=False, bytecode_cache=COMPILED,
                                      extensions=[_OneLine], auto_reload=False, undefined=jinja2.Undefined)
        self.env.filters["e"] = self.env.filters["escape"] = escape
        self._compiled: dict[str, jinja2.Template] = {}
        self._globals = dict(self.env.globals)

    def get(self, name: str) -> jinja2.Template:
        template = self._compiled.get(name)
        if template is None:
            template = self._compiled[name] = self.env.get_template(name)
        return template

    def render(self, name: str, **context: Any) -> str:
        # Template.render merges the globals into each context from a ChainMap, which costs more than
        # a question's HTML; a context over a merged copy made once gives the same names, faster.
        template = self.get(name)
        try:
            ctx = template.new_context({**self._globals, **context}, shared=True)
            return self.env.concat(template.root_render_func(ctx))  # type: ignore[attr-defined]
        except Exception:
            self.env.handle_exception()


_DEFAULT: Templates | None = None


def default_templates() -> Templates:
    """Courseforge's own templates, for rendering outside a site build."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Templates()
    return _DEFAULT
