"""A quiz as HTML and JSON for its page, from its public view only.

Everything here starts from :func:`courseforge.quiz.public.public_quiz`, never
from the quiz model, so an assessment's key cannot reach a page by mistake:
what the public view does not carry, this module cannot write. The HTML is a
plain form (fieldsets, legends, labels) that a screen reader and a keyboard
can use and that quiz.js brings to life; the JSON beside it carries what the
script needs to give feedback in practice mode (the key, rendered feedback
and explanations) and only ids, types, points and versions in assessment mode.

Display order must never give an answer away: ordering items and matching
answers are shown in an order fixed by a hash of their ids, identical for
every build and independent of which order or answer is the right one. A
practice ordering, whose key the page carries anyway, is then deranged so
that no item starts in its right place; an assessment's is not (its key is
not known here, and a derangement of two items would be the answer).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from typing import Any, Callable

import markdown

from ..quiz.types import TYPES
from ..sources.labels import paragraph_label, structured
from .i18n import plural
from .templates import Templates, default_templates

# A text that is one line of plain words renders, with Python-Markdown and the
# extensions below, to itself, escaped, in a paragraph. Taking that shortcut
# keeps a 2,000-question build fast. "Plain" is strict: nothing Markdown or an
# extension reacts to (emphasis, code, links, HTML, escapes, tables, attribute
# lists, line breaks, tabs), no entity (&amp; stays as written), no surrounding
# space, no control character, and no start that opens a block (heading, quote,
# list, rule, admonition, definition, "2004." as a list number).
# tests/site/test_render.py checks the shortcut against Markdown itself.
_NOT_PLAIN = re.compile(r"[\\`*_\[\]<{}|\x00-\x1f\x7f-\x9f]|&(?:#|\w+;)")
_BLOCK_START = re.compile(r"[#>+=:?!~-]|\d+[.)]")
# Extensions that leave such a text alone, whatever their settings (but toc's
# marker, which replaces a paragraph that reads like it). With any other
# extension, every text goes through Markdown.
PLAIN_SAFE_EXTENSIONS = frozenset((
    "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "legacy_em", "md_in_html", "nl2br",
    "sane_lists", "tables", "toc",
))
_SINGLE_P = re.compile(r"^<p>(.*)</p>$", re.S)


def _plain_safe(extensions: list[Any], configs: dict) -> bool:
    names = []
    for ext in extensions:
        if not isinstance(ext, str):
            return False  # an Extension object: no telling what it does
        names.append(ext.removeprefix("markdown.extensions."))
    toc = configs.get("toc") or configs.get("markdown.extensions.toc") or {}
    return set(names) <= PLAIN_SAFE_EXTENSIONS and toc.get("marker", "[TOC]") in ("[TOC]", "")


def is_plain(text: str) -> bool:
    """True for a text Markdown renders as itself (escaped) in one paragraph."""
    return (text == text.strip() and not _NOT_PLAIN.search(text) and not _BLOCK_START.match(text))


class Markdown:
    """Renders trainers' Markdown (prompts, options, feedback) to HTML."""

    def __init__(self, extensions: list[Any] | None = None, extension_configs: dict | None = None):
        self._md = markdown.Markdown(extensions=extensions or [], extension_configs=extension_configs or {})
        self._plain_ok = _plain_safe(extensions or [], extension_configs or {})
        self._cache: dict[str, str] = {}
        self._inline: dict[str, str] = {}

    def block(self, text: str | None) -> str:
        if not text:
            return ""
        hit = self._cache.get(text)
        if hit is None:
            if self._plain_ok and is_plain(text):
                hit = f"<p>{html.escape(text, quote=False)}</p>"
            else:
                hit = self._md.reset().convert(text)
            self._cache[text] = hit
        return hit

    def inline(self, text: str | None) -> str:
        """Markdown without the wrapping paragraph when it is a single one."""
        if not text:
            return ""
        hit = self._inline.get(text)
        if hit is None:
            if self._plain_ok and is_plain(text):
                hit = html.escape(text, quote=False)
            else:
                out = self.block(text)
                m = _SINGLE_P.match(out)
                hit = m.group(1) if m and "<p>" not in m.group(1) else out
            self._inline[text] = hit
        return hit


def _esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _fmt(template: str, **values: Any) -> str:
    return template.format(**values)


def _number(value: float) -> str:
    """3 -> "3", 2.5 -> "2.5": points and pass marks as people write them."""
    return f"{value:g}"


def display_order(quiz_id: str, question_id: str, ids: list[str]) -> list[str]:
    """A fixed shuffle of ``ids``, seeded by where they are and what they are called."""
    def rank(i: str) -> str:
        return hashlib.sha256(f"{quiz_id}\0{question_id}\0{i}".encode("utf-8")).hexdigest()
    return sorted(ids, key=rank)


def derange(order: list[str], key: list[str]) -> list[str]:
    """``order`` with no item where ``key`` has it (given two items or more), as little moved as can be.

    Each item found in its place swaps with the next one (the last with the
    first): the swap takes it out of its place and cannot put the other in
    its own, so one pass leaves none in place.
    """
    out = list(order)
    if len(out) < 2:
        return out
    for i, want in enumerate(key):
        if out[i] == want:
            j = (i + 1) % len(out)
            out[i], out[j] = out[j], out[i]
    return out


def script_json(data: Any) -> str:
    """JSON safe inside a <script> element (no "</script>" or "<!--" can appear)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# ----------------------------------------------------------------------------
# The quiz


class QuizRenderer:
    """Renders public quizzes for pages of one site (one language, one Markdown setup, one set of templates)."""

    def __init__(
        self, t: dict[str, str], md: Markdown | None = None, doc_titles: dict[str, str] | None = None,
        course_id: str = "", templates: Templates | None = None,
    ):
        self.t = t
        self.et = {k: _esc(v) for k, v in t.items()}  # the interface words, escaped once
        self.course_id = course_id
        self.md = md or Markdown()
        self.doc_titles = doc_titles or {}
        self.templates = templates or default_templates()

    # -- pieces ---------------------------------------------------------------

    def _source_html(self, source: dict[str, str], sources_url: str | None) -> str:
        doc, para = source["doc"], str(source["para"])
        title = self.doc_titles.get(doc, doc)
        where = paragraph_label(para) if structured(para) else _fmt(self.t['paragraph'], para=para)
        label = f"{_esc(title)}, {_esc(where)}"
        if sources_url is not None:
            label = f'<a href="{_esc(sources_url)}#{_esc(doc)}-{_esc(para)}">{label}</a>'
        return f'<p class="cf-source">{self.et["source"]}{self.et["colon"]}{label}</p>'

    def _question(self, quiz: dict, q: dict, n: int, total: int, practice: bool) -> str:
        """A question, from question.html around its type's template."""
        kind = TYPES[q["type"]]
        base = f"cf-{quiz['id']}-{q['id']}"
        context = {"q": q, "base": base, "t": self.t, "et": self.et, "md": self.md, "practice": practice}

        def shuffle(ids: list[str]) -> list[str]:
            return display_order(quiz["id"], q["id"], ids)

        context.update(kind.page_view(q, practice=practice, shuffle=shuffle, derange=derange))
        body = self.templates.render(kind.template, **context)
        prompt = self.md.block(kind.page_prompt(q["prompt"]))
        m = _SINGLE_P.match(prompt)
        one = m is not None and "<p>" not in m.group(1)
        return self.templates.render(
            "courseforge/question.html", **context, body=body,
            number=_esc(_fmt(self.t["question_n"], n=n, total=total)),
            prompt_inline=m.group(1) if one else None, prompt_block=None if one else prompt,
            hints=[self.md.inline(h) for h in q.get("hints") or ()],
        )

    # -- data for quiz.js -----------------------------------------------------

    def quiz_data(self, quiz: dict, sources_url: str | None) -> dict[str, Any]:
        """What quiz.js needs; in assessment mode, ids, types, points and versions only."""
        practice = quiz["mode"] == "practice"
        questions = []
        for q in quiz["questions"]:
            d: dict[str, Any] = {"id": q["id"], "type": q["type"], "points": q["points"], "version": q["version"]}
            if practice:
                d["explanation"] = self.md.block(q.get("explanation"))
                d["source"] = self._source_html(q["source"], sources_url)
                d.update(TYPES[q["type"]].page_data(q, self.md.inline))
            questions.append(d)
        return {
            "course": self.course_id,
            "id": quiz["id"],
            "module": quiz["module"],
            "mode": quiz["mode"],
            "version": quiz["version"],
            "pass_mark": quiz["pass_mark"],
            "multiple_scoring": quiz["multiple_scoring"],
            "max": sum(q["points"] for q in quiz["questions"]),
            "questions": questions,
        }

    # -- the whole quiz -------------------------------------------------------

    def render(self, quiz: dict, sources_url: str | None = None) -> str:
        """The quiz's section (quiz.html): heading, intro, questions, footer and its JSON."""
        practice = quiz["mode"] == "practice"
        intro_key = "practice_intro" if practice else "assessment_intro"
        total = len(quiz["questions"])
        return self.templates.render(
            "courseforge/quiz.html", quiz=quiz, qid=_esc(quiz["id"]), practice=practice,
            t=self.t, et=self.et, md=self.md,
            intro=_esc(_fmt(self.t[intro_key], pass_mark=_number(quiz["pass_mark"]))),
            questions="".join(self._question(quiz, q, n, total, practice) for n, q in enumerate(quiz["questions"], 1)),
            data=script_json(self.quiz_data(quiz, sources_url)),
        )


# ----------------------------------------------------------------------------
# Course-level pieces: home-page progress, certificate page


def render_progress(
    t: dict[str, str], rows: list[tuple[str, str | None]] = (), certificate_url: str | None = None,
    language: str | None = "en", templates: Templates | None = None,
) -> str:
    """The home page's progress panel (progress.html), drawn as quiz.js draws it for a learner who has not started.

    ``rows`` are (module title, URL) per quiz.
    """
    total = len(rows)
    label = _esc(_fmt(plural(t, "progress_text", total, language), done=0, total=total))
    return (templates or default_templates()).render(
        "courseforge/progress.html", t=t, et=_escaped(t), rows=list(rows), total=total, label=label,
        certificate_url=certificate_url)


def render_certificate(t: dict[str, str], course_title: str, templates: Templates | None = None) -> str:
    """The certificate page body (certificate.html): a lock notice, a name form and the printable certificate."""
    return (templates or default_templates()).render(
        "courseforge/certificate.html", t=t, et=_escaped(t), course_title=course_title)


def _escaped(t: dict[str, str]) -> dict[str, str]:
    return {k: _esc(v) for k, v in t.items()}


def certificate_markdown(t: dict[str, str], marker: str) -> str:
    """The generated certificate page (a Markdown page so it gets nav, search and theme)."""
    return f"---\ntitle: {json.dumps(t['certificate_title'], ensure_ascii=False)}\nsearch:\n  exclude: true\n---\n\n# {t['certificate_title']}\n\n{marker}\n"


MarkdownFn = Callable[[str], str]
