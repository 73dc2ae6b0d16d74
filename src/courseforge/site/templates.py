"""The HTML of quizzes and course panels, from Jinja templates a theme can override.

The templates ship in ``courseforge/templates/courseforge/`` (``quiz.html``,
``question.html``, ``questions/<type>.html``, ``progress.html``,
``certificate.html``). A file of the same name under ``courseforge/`` in one of
the theme's folders (MkDocs Material's ``custom_dir`` first) wins. Each is
compiled once per build, and kept compiled between `serve` rebuilds.

They write HTML as courseforge has always written it, on one line: a template's
line breaks and the indentation after them are dropped, so a template can be
laid out for reading (keep a tag, and a space between two elements, on one
line). Nothing is escaped for them: ``|e`` escapes a value, and the words in
``et`` and the Markdown from ``md`` come ready. The values are dicts: ours write
``q['id']``, as ``q.id`` (which works too) first looks for an attribute, and
with thousands of questions that shows in the build's time.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any, Iterable

import jinja2
from jinja2.ext import Extension

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_LINE_BREAK = re.compile(r"\n[ \t]*")


def escape(value: Any) -> str:
    """The escaping courseforge's HTML has always used (``'`` as ``&#x27;``)."""
    return html.escape(str(value), quote=True)


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's bytecode for templates already compiled in this process (it checks each against its source)."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


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
