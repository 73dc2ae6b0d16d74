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

from ..quiz.types.marking import text_rule
from ..quiz.model import BLANK
from ..sources.labels import paragraph_label, structured
from .i18n import plural

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
    """Renders public quizzes for pages of one site (one language, one Markdown setup)."""

    def __init__(
        self, t: dict[str, str], md: Markdown | None = None, doc_titles: dict[str, str] | None = None,
        course_id: str = "",
    ):
        self.t = t
        self.et = {k: _esc(v) for k, v in t.items()}  # the interface words, escaped once
        self.course_id = course_id
        self.md = md or Markdown()
        self.doc_titles = doc_titles or {}

    # -- pieces ---------------------------------------------------------------

    def _source_html(self, source: dict[str, str], sources_url: str | None) -> str:
        doc, para = source["doc"], str(source["para"])
        title = self.doc_titles.get(doc, doc)
        where = paragraph_label(para) if structured(para) else _fmt(self.t['paragraph'], para=para)
        label = f"{_esc(title)}, {_esc(where)}"
        if sources_url is not None:
            label = f'<a href="{_esc(sources_url)}#{_esc(doc)}-{_esc(para)}">{label}</a>'
        return f'<p class="cf-source">{self.et["source"]}{self.et["colon"]}{label}</p>'

    def _legend(self, q: dict, n: int, total: int, base: str) -> tuple[str, str]:
        """The legend and, for a prompt longer than one paragraph, the block after it."""
        number = f'<span class="cf-q__num">{_esc(_fmt(self.t["question_n"], n=n, total=total))}</span>'
        prompt = q["prompt"]
        if q["type"] == "fill_blank":
            # "___" is bold-italic to Markdown: show it as a visible gap instead.
            prompt = prompt.replace(BLANK, "\u2009\\_\\_\\_\\_\\_\u2009")
        body = self.md.block(prompt)
        m = _SINGLE_P.match(body)
        if m and "<p>" not in m.group(1):
            return f'<legend>{number} <span class="cf-q__prompt">{m.group(1)}</span></legend>', ""
        return f"<legend>{number}</legend>", f'<div class="cf-q__prompt" id="{base}-prompt">{body}</div>'

    def _choices(self, q: dict, base: str) -> str:
        kind = "radio" if q["type"] == "single" else "checkbox"
        help_text = self.t["choose_one"] if kind == "radio" else self.t["choose_all"]
        rows = []
        for o in q["options"]:
            oid, value = f"{base}-{o['id']}", _esc(o["id"])
            rows.append(
                f'<div class="cf-opt" data-cf-opt="{value}">'
                f'<input type="{kind}" name="{base}" id="{oid}" value="{value}">'
                f'<label for="{oid}">{self.md.inline(o["text"])}</label>'
                f'<div class="cf-opt__fb" hidden></div></div>'
            )
        return f'<p class="cf-help">{_esc(help_text)}</p><div class="cf-opts">{"".join(rows)}</div>'

    def _true_false(self, q: dict, base: str) -> str:
        rows = []
        for value in ("true", "false"):
            oid = f"{base}-{value}"
            rows.append(
                f'<div class="cf-opt" data-cf-opt="{value}">'
                f'<input type="radio" name="{base}" id="{oid}" value="{value}">'
                f'<label for="{oid}">{self.et[value]}</label>'
                f'<div class="cf-opt__fb" hidden></div></div>'
            )
        return f'<div class="cf-opts">{"".join(rows)}</div>'

    def _text_input(self, q: dict, base: str) -> str:
        if q["type"] == "numeric":
            unit = f' <span class="cf-unit">{_esc(q["unit"])}</span>' if q.get("unit") else ""
            return (
                f'<p class="cf-field"><label for="{base}-input">{self.et["numeric_label"]}</label> '
                f'<input type="text" inputmode="decimal" autocomplete="off" id="{base}-input" '
                f'class="cf-input cf-input--num">{unit}</p>'
            )
        return (
            f'<p class="cf-field"><label for="{base}-input">{self.et["fill_blank_label"]}</label> '
            f'<input type="text" autocomplete="off" spellcheck="false" id="{base}-input" class="cf-input"></p>'
        )

    def _matching(self, q: dict, quiz_id: str, base: str) -> str:
        rights = {r["id"]: r for r in q["rights"]}
        order = display_order(quiz_id, q["id"], list(rights))
        options = f'<option value="">{self.et["choose"]}</option>' + "".join(
            f'<option value="{_esc(rid)}">{_esc(rights[rid]["text"])}</option>' for rid in order
        )
        rows = []
        for left in q["lefts"]:
            sid = f"{base}-{left['id']}"
            rows.append(
                f'<div class="cf-match__row" data-cf-left="{_esc(left["id"])}">'
                f'<label for="{sid}">{self.md.inline(left["text"])}</label>'
                f'<select id="{sid}" data-cf-left="{_esc(left["id"])}">{options}</select>'
                f'<div class="cf-opt__fb" hidden></div></div>'
            )
        return f'<p class="cf-help">{self.et["matching_help"]}</p><div class="cf-match">{"".join(rows)}</div>'

    def _ordering(self, q: dict, quiz_id: str, base: str, practice: bool) -> str:
        items = {i["id"]: i for i in q["items"]}
        order = display_order(quiz_id, q["id"], list(items))
        if practice:  # the public view lists a practice's items in the right order
            order = derange(order, list(items))
        rows = []
        for iid in order:
            tid = f"{base}-{iid}"
            rows.append(
                f'<li class="cf-order__item" data-cf-item="{_esc(iid)}">'
                f'<span class="cf-order__text" id="{tid}">{self.md.inline(items[iid]["text"])}</span>'
                f'<span class="cf-order__btns cf-js">'
                f'<button type="button" class="cf-btn cf-move" data-cf-move="-1" aria-describedby="{tid}">'
                f'<span aria-hidden="true">↑</span> {self.et["move_up"]}</button>'
                f'<button type="button" class="cf-btn cf-move" data-cf-move="1" aria-describedby="{tid}">'
                f'<span aria-hidden="true">↓</span> {self.et["move_down"]}</button></span></li>'
            )
        return f'<p class="cf-help">{self.et["ordering_help"]}</p><ol class="cf-order">{"".join(rows)}</ol>'

    def _hints(self, q: dict, base: str) -> str:
        if not q.get("hints"):
            return ""
        items = "".join(f'<li hidden>{self.md.inline(h)}</li>' for h in q["hints"])
        return (
            f'<div class="cf-hints cf-js"><ol class="cf-hints__list" aria-label="{self.et["hints_heading"]}">'
            f"{items}</ol></div>"
        )

    def _question(self, quiz: dict, q: dict, n: int, total: int, practice: bool) -> str:
        base = f"cf-{quiz['id']}-{q['id']}"
        legend, long_prompt = self._legend(q, n, total, base)
        kind = q["type"]
        if kind in ("single", "multiple"):
            body = self._choices(q, base)
        elif kind == "true_false":
            body = self._true_false(q, base)
        elif kind in ("fill_blank", "numeric"):
            body = self._text_input(q, base)
        elif kind == "matching":
            body = self._matching(q, quiz["id"], base)
        elif kind == "ordering":
            body = self._ordering(q, quiz["id"], base, practice)
        else:  # pragma: no cover - the loader admits only the seven types
            raise ValueError(f"unknown question type {kind!r}")
        described = f' aria-describedby="{base}-prompt"' if long_prompt else ""
        buttons = []
        if practice:
            buttons.append(f'<button type="button" class="cf-btn cf-check">{self.et["check"]}</button>')
            buttons.append(f'<button type="button" class="cf-btn cf-retry" hidden>{self.et["retry"]}</button>')
        if q.get("hints"):
            buttons.append(f'<button type="button" class="cf-btn cf-hint">{self.et["hint"]}</button>')
        actions = f'<div class="cf-q__actions cf-js">{"".join(buttons)}</div>' if buttons else ""
        feedback = '<div class="cf-q__feedback" aria-live="polite"></div>' if practice else ""
        return (
            f'<div class="cf-q" id="{base}" data-cf-q="{_esc(q["id"])}" data-cf-type="{kind}">'
            f'<fieldset{described}>{legend}{long_prompt}{body}</fieldset>'
            f"{self._hints(q, base)}{actions}{feedback}</div>"
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
                kind = q["type"]
                if kind in ("single", "multiple"):
                    d["options"] = [
                        {"id": o["id"], "correct": bool(o.get("correct")), "feedback": self.md.inline(o.get("feedback"))}
                        for o in q["options"]
                    ]
                elif kind == "true_false":
                    d["answer"] = q["answer"]
                    d["feedback"] = {
                        "true": self.md.inline(q.get("feedback_true")),
                        "false": self.md.inline(q.get("feedback_false")),
                    }
                elif kind == "fill_blank":
                    d["answers"] = q["answers"]
                elif kind == "numeric":
                    d["answer"] = q["answer"]
                    d["tolerance"] = q["tolerance"]
                elif kind == "ordering":
                    d["key"] = [i["id"] for i in q["items"]]  # practice lists items in the right order
                elif kind == "matching":
                    d["key"] = q["key"]  # left id -> alias of its right (see quiz.public)
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
        """The quiz's section: heading, intro, questions, footer and its JSON."""
        t, et = self.t, self.et
        practice = quiz["mode"] == "practice"
        qid = _esc(quiz["id"])
        intro_key = "practice_intro" if practice else "assessment_intro"
        parts = [
            f'<section class="cf-quiz cf-quiz--{quiz["mode"]}" id="quiz-{qid}" data-cf-quiz="{qid}" '
            f'aria-labelledby="quiz-{qid}-title">',
            f'<h2 id="quiz-{qid}-title">{_esc(quiz["title"])}</h2>',
            f'<p class="cf-quiz__intro">{_esc(_fmt(t[intro_key], pass_mark=_number(quiz["pass_mark"])))}</p>',
        ]
        if quiz.get("description"):
            parts.append(f'<div class="cf-quiz__desc">{self.md.block(quiz["description"])}</div>')
        parts.append(f'<noscript><p class="cf-noscript">{et["noscript"]}</p></noscript>')
        total = len(quiz["questions"])
        parts.extend(self._question(quiz, q, n, total, practice) for n, q in enumerate(quiz["questions"], 1))
        if practice:
            parts.append(
                '<div class="cf-quiz__footer cf-js">'
                '<p class="cf-quiz__summary" role="status"></p>'
                f'<button type="button" class="cf-btn cf-retry-quiz">{et["retry_quiz"]}</button></div>'
            )
        else:
            parts.append(
                '<div class="cf-quiz__footer cf-js"><div class="cf-learner">'
                f'<p class="cf-field"><label for="cf-{qid}-name">{et["learner_name"]}</label> '
                f'<input type="text" id="cf-{qid}-name" class="cf-input cf-learner-name" autocomplete="name"></p>'
                f'<p class="cf-field"><label for="cf-{qid}-learner">{et["learner_id"]}</label> '
                f'<input type="text" id="cf-{qid}-learner" class="cf-input cf-learner-id" autocomplete="off"></p>'
                f'</div><button type="button" class="cf-btn cf-btn--primary cf-download">{et["download"]}</button>'
                '<p class="cf-quiz__summary" role="status"></p></div>'
            )
        data = script_json(self.quiz_data(quiz, sources_url))
        parts.append(f'<script type="application/json" class="cf-quiz-data">{data}</script></section>')
        return "".join(parts)


# ----------------------------------------------------------------------------
# Course-level pieces: home-page progress, certificate page, manifest


def render_progress(
    t: dict[str, str], rows: list[tuple[str, str | None]] = (), certificate_url: str | None = None,
    language: str | None = "en",
) -> str:
    """The home page's progress panel, drawn as quiz.js draws it for a learner who has not started.

    ``rows`` are (module title, URL) per quiz. The panel takes its full height before the script
    runs, so filling it in shifts nothing. An inline script marks the page as scripted at once
    (Material's own no-js class goes later), which shows the panel rather than the note for
    browsers without JavaScript.
    """
    total = len(rows)
    label = _esc(_fmt(plural(t, "progress_text", total, language), done=0, total=total))
    items = []
    for title, url in rows:
        name = f'<a href="{_esc(url)}">{_esc(title)}</a>' if url is not None else _esc(title)
        items.append(f'<li class="">{name}{_esc(t["colon"])}{_esc(t["status_not_started"])}</li>')
    cert = (f'<p class="cf-progress__cert"><a href="{_esc(certificate_url)}">{_esc(t["certificate_link"])}</a></p>'
            if certificate_url is not None else "")
    return (
        '<script>document.documentElement.classList.add("cf-scripted")</script>'
        '<section class="cf-progress" data-cf-progress aria-labelledby="cf-progress-title">'
        f'<h2 id="cf-progress-title">{_esc(t["progress_heading"])}</h2>'
        f'<p class="cf-progress__nojs">{_esc(t["progress_noscript"])}</p>'
        f'<p class="cf-progress__text">{label}</p>'
        f'<div class="cf-bar" role="progressbar" aria-valuemin="0" aria-valuemax="{total}" aria-valuenow="0" '
        f'aria-valuetext="{label}" aria-labelledby="cf-progress-title"><div class="cf-bar__fill" style="width: 0%;">'
        '</div></div>'
        f'<ul class="cf-progress__list">{"".join(items)}</ul>{cert}'
        f'<p class="cf-progress__note">{_esc(t["progress_note"])}</p>'
        f'<button class="cf-btn cf-reset" type="button">{_esc(t["reset"])}</button>'
        '<p class="cf-reset-status" role="status"></p></section>'
    )


def render_certificate(t: dict[str, str], course_title: str) -> str:
    """The certificate page body: a lock notice, a name form and the printable certificate."""
    return (
        '<div class="cf-cert-page" data-cf-certificate>'
        f'<p class="cf-cert__locked" role="status">{_esc(t["progress_noscript"])}</p>'
        '<form class="cf-cert__form" hidden>'
        f'<p class="cf-field"><label for="cf-cert-name">{_esc(t["certificate_name_label"])}</label> '
        '<input type="text" id="cf-cert-name" class="cf-input" autocomplete="name" required></p>'
        f'<button type="submit" class="cf-btn cf-btn--primary">{_esc(t["certificate_make"])}</button></form>'
        '<article class="cf-cert" hidden aria-labelledby="cf-cert-heading">'
        f'<h2 id="cf-cert-heading" class="cf-cert__heading">{_esc(t["certificate_title"])}</h2>'
        f'<p class="cf-cert__course">{_esc(course_title)}</p>'
        f'<p>{_esc(t["certificate_certifies"])}</p>'
        '<p class="cf-cert__name"></p>'
        f'<p>{_esc(t["certificate_completed"])}</p>'
        '<table class="cf-cert__modules"><thead><tr>'
        f'<th scope="col">{_esc(t["certificate_module"])}</th><th scope="col">{_esc(t["certificate_score"])}</th>'
        '</tr></thead><tbody></tbody></table>'
        f'<div class="cf-cert__verify" hidden><ul class="cf-cert__codes"></ul>'
        f'<p class="cf-cert__note">{_esc(t["certificate_code_note"])}</p></div>'
        '<p class="cf-cert__date"></p></article>'
        f'<p class="cf-js"><button type="button" class="cf-btn cf-cert__print" hidden>{_esc(t["certificate_print"])}'
        "</button></p></div>"
    )


def certificate_markdown(t: dict[str, str], marker: str) -> str:
    """The generated certificate page (a Markdown page so it gets nav, search and theme)."""
    return f"---\ntitle: {json.dumps(t['certificate_title'], ensure_ascii=False)}\nsearch:\n  exclude: true\n---\n\n# {t['certificate_title']}\n\n{marker}\n"


def quizzes_script(quizzes: list[dict[str, Any]]) -> tuple[str, str]:
    """``assets/courseforge/course-quizzes.js`` and its digest: the list of the course's quizzes.

    Only the pages that show the course's progress (home page, certificate) or
    have to work it out (after a check, for the navigation's marks) load it,
    so the first view of a page does not grow with the course. Each entry
    holds ids, titles, URLs, pass marks, maximum points and public versions,
    no key. A script, because pages opened from file:// may load scripts but
    not fetch files.
    """
    data = script_json(quizzes)
    digest = hashlib.sha256(data.encode("utf-8")).hexdigest()[:12]
    return f"window.courseforgeQuizzes={data};\n", digest


def course_manifest(
    course: dict[str, Any],
    quizzes_digest: str,
    strings: dict[str, str],
    certificate_url: str | None,
) -> str:
    """``assets/courseforge/course.js``: what every page needs to know about the course.

    Its size does not grow with the course: the quizzes are in
    course-quizzes.js (see :func:`quizzes_script`), named here with the
    digest of their list. It carries the grader's fill-in rule as data, so
    that practice marks as grading does.
    """
    data = {
        "course": course, "quizzes_script": "course-quizzes.js", "quizzes_digest": quizzes_digest,
        "strings": strings, "certificate": certificate_url, "marking": text_rule(),
    }
    return f"window.courseforgeCourse={script_json(data)};\n"


MarkdownFn = Callable[[str], str]
