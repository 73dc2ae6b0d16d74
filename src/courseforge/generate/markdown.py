"""Small, safe Markdown builders: escaping, citations, front matter.

Source text is plain (sources/clean.py removed markup), but it can still
hold characters Markdown would act on (``*``, ``_``, ``[``, ``<``); they are
escaped so a quoted sentence renders exactly as the document wrote it.
"""

from __future__ import annotations

import html
import re

import yaml

from ..sources.labels import short_label

from ..sources.model import paragraph_anchor

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}])")
_LEADING = re.compile(r"^(\d*)([.)#+-])(?=\s|$)")


def md(text: str) -> str:
    """Plain text as inline Markdown that renders to the same characters."""
    text = " ".join(text.split())
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # a line that starts like a list item or heading must stay a paragraph
    text = _LEADING.sub(lambda m: m.group(1) + "\\" + m.group(2), text, count=1)
    return text


def md_cell(text: str) -> str:
    """Like :func:`md`, for a table cell."""
    return md(text).replace("|", "&#124;")


def para_label(para_id: str) -> str:
    """How a paragraph is named to readers: "¶ 18", "¶ annex 6", "Article 37 (c)"."""
    return short_label(para_id)


def cite_link(doc: str, para: str, label: str) -> str:
    """A link from a page in modules/ to the paragraph on the sources page."""
    return f"[{md(label)}](sources.md#{paragraph_anchor(doc, para)})"


def front_matter(data: dict) -> str:
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
    return f"---\n{body}---\n"
