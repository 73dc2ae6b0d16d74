"""``courseforge check --accept``: record that cited paragraphs were reviewed.

When a seed paragraph changes, ``courseforge check`` reports every question
citing it. Once the trainer has checked those questions, ``--accept``
records the paragraphs' new fingerprints in each question's
``source: {..., text: ...}``. It rewrites that value alone, in place, and
keeps every other byte of the file; a question written before citations
recorded their text (``source: {doc: x, para: 5}``) gains the field. The
files are written atomically; nothing else is touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .diagnostics import CourseError
from .fsutil import write_atomic
from .project import Project
from .quiz.load import read_quizzes
from .sources.ingest import load_corpus
from .sources.stable import fingerprint, record_paragraphs

_BOM = "\ufeff"


@dataclass
class Accepted:
    changed: dict[str, int] = field(default_factory=dict)  # quiz path -> citations recorded
    skipped: list[str] = field(default_factory=list)  # "path:line: why" for citations left as they were


def rewrite(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with each (start, end) span replaced, spans not overlapping."""
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _tidy(body: str, edit: tuple[int, int, str]) -> tuple[int, int, str] | None:
    """The edit, checked against the file's text: an insertion goes before
    the closing "}" (and before the spaces in front of it)."""
    start, end, new = edit
    if start == end:
        if body[start:start + 1] != "}":
            return None
        while start > 0 and body[start - 1] == " ":
            start -= 1
        return start, start, new
    return edit


def accept(project: Project) -> Accepted:
    corpus, diags = load_corpus(project.seeds_dir, project.root)
    errors = [d for d in diags if d.severity == "error"]
    if errors:
        raise CourseError(errors)
    results, _ = read_quizzes(project.quizzes_dir, project.root)
    out = Accepted()
    for r in results:
        edits: list[tuple[int, int, str]] = []
        for cite in r.sources:
            para = corpus.paragraph(cite.doc, cite.para)
            if para is None:
                continue  # nothing to accept: check says which paragraph to cite instead
            new = fingerprint(para.text)
            if cite.text == new:
                continue
            if cite.text_span is not None:
                edits.append((*cite.text_span, new))
            elif cite.source_flow and cite.source_span is not None:
                # "{doc: x, para: 5}" → "{doc: x, para: 5, text: ...}"
                close = cite.source_span[1] - 1
                edits.append((close, close, f", text: {new}"))
            else:
                out.skipped.append(f"{r.path}:{cite.para_pos[0]}: question '{cite.qid}': its source is not "
                                   f"written on one line; add  text: {new}  under its para")
        if not edits:
            continue
        path = project.root / r.path
        raw = path.read_bytes().decode("utf-8")
        bom = _BOM if raw.startswith(_BOM) else ""
        body = raw[len(bom):]
        edits = [_tidy(body, e) for e in edits]
        if any(e is None for e in edits):  # not what was read: the file changed meanwhile
            out.skipped.append(f"{r.path}: changed while it was read; run the command again")
            continue
        write_atomic(path, bom + rewrite(body, edits))
        out.changed[r.path] = len(edits)
    record_paragraphs(project.root, corpus.documents)
    return out
