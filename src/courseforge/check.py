"""Everything ``courseforge check`` checks, in one pass over the course.

Reads, never writes: seeds/sources.yml and the seed documents (through
``sources.ingest.load_corpus``), every quiz in quizzes/, every page in
modules/ and course.yml. Each problem is a :class:`Diagnostic` at the line
to fix; all of them are collected, so one run shows everything.

Cross-checks made here (the quiz loader checks each file on its own):
a question's ``source`` names a paragraph of seeds/ that still reads as it
did when the question was written (its recorded ``text`` fingerprint); a quiz's ``module`` has
a page; module front matter (required keys, ``id`` == file stem, known
``sources``); ``<!-- quiz: ID -->`` markers name a quiz of the course.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .cache import FileCache
from .course import load_course_info
from .diagnostics import CourseError, Diagnostic
from .markers import quiz_markers
from .project import Project
from .quiz.load import read_quizzes, suggest
from .quiz.yamlsafe import MAX_BYTES, compose_text, decode_utf8, pos, scalar_value
from .site.mkdocs_yml import broken_links, check_mkdocs_yml
from .sources.ingest import load_corpus
from .sources.labels import short_label
from .sources.stable import fingerprint

_Y = "tag:yaml.org,2002:"
MODULE_KEYS = ("id", "title", "order", "study_time", "sources")
# Front-matter keys MkDocs and Material understand on any page.
PAGE_KEYS = ("title", "description", "icon", "status", "subtitle", "template", "hide", "search", "tags",
             "comments")
_FM_END = ("---", "...")


@dataclass
class ModulePage:
    id: str
    path: str  # relative to the course root
    title: str | None = None
    order: int | None = None
    order_pos: tuple[int, int] = (0, 0)
    markers: list[tuple[str, int, int]] = field(default_factory=list)  # (quiz id, line, col)


@dataclass
class CheckReport:
    diagnostics: list[Diagnostic]
    modules: int = 0
    quizzes: int = 0
    questions: int = 0
    # The quizzes read while checking, so the site build need not read them twice.
    loaded_quizzes: list = field(default_factory=list, repr=False)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    def summary(self) -> str:
        """One line: ``2 errors in 2 files`` or ``course OK: 8 modules, 8 quizzes, 96 questions``."""
        errors, warnings = self.errors, self.warnings
        w = f", {_n(len(warnings), 'warning')}" if warnings else ""
        if errors:
            files = len({d.path for d in errors})
            return f"{_n(len(errors), 'error')} in {_n(files, 'file')}{w}"
        return (f"course OK: {_n(self.modules, 'module')}, {_n(self.quizzes, 'quiz', 'quizzes')}, "
                f"{_n(self.questions, 'question')}{w}")


def _n(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def check_course(project: Project) -> list[Diagnostic]:
    """Every problem of the course, sorted by path and line."""
    return check_course_report(project).diagnostics


def check_course_report(project: Project) -> CheckReport:
    diags: list[Diagnostic] = []
    root = project.root

    try:
        load_course_info(project)
    except CourseError as exc:
        diags.extend(exc.diagnostics)

    corpus = _load_corpus(project, diags)

    # What would stop `courseforge build`: mkdocs.yml, and (in the pages) links to missing files.
    site_diags, _ = check_mkdocs_yml(project.mkdocs_file, project.rel(project.mkdocs_file), project.modules_dir,
                                     project.rel(project.modules_dir))
    diags.extend(site_diags)
    diags.extend(_check_schema(project))

    results, qdiags = read_quizzes(project.quizzes_dir, root)
    diags.extend(qdiags)
    if not results:
        diags.append(Diagnostic(project.rel(project.quizzes_dir), 0, 0, "no quiz files (*.yml) found; each module "
                                                                         "needs a quiz"))

    unreadable: set[str] = set()  # stems of pages whose front matter could not be read
    pages = _check_pages(project, corpus, diags, unreadable)

    # Quizzes against the rest of the course.
    para_index: dict[str, dict[str, object]] = {}  # doc id -> paragraph id -> paragraph, built once per document
    quiz_modules = {r.quiz_id: r.module for r in results if r.quiz_id}
    for r in results:
        if r.module is not None and r.module not in pages and r.module not in unreadable:
            line, col = r.positions.get(("module",), (0, 0))
            close = suggest(r.module, pages)
            hint = f" — did you mean '{close}'?" if close else ""
            diags.append(Diagnostic(r.path, line, col, f"module '{r.module}' has no page{hint} (a module page is "
                                                       f"modules/{r.module}.md with id: {r.module} in its front "
                                                       "matter); fix 'module' or create the page"))
        if corpus is not None:
            for cite in r.sources:
                _check_cite(r.path, cite, corpus, diags, para_index)

    # Markers in pages name quizzes that exist: only knowable when every quiz
    # file could be read far enough to give its id.
    all_ids_known = all(r.quiz_id for r in results)
    for page in pages.values() if all_ids_known else ():
        for qid, line, col in page.markers:
            if qid not in quiz_modules:
                close = suggest(qid, quiz_modules)
                hint = f" — did you mean '{close}'?" if close else ""
                diags.append(Diagnostic(page.path, line, col, f"quiz marker names '{qid}', which is not the id of "
                                                              f"any quiz in quizzes/{hint}"))
            elif quiz_modules[qid] not in (None, page.id):
                diags.append(Diagnostic(page.path, line, col, f"quiz '{qid}' belongs to module "
                                                              f"'{quiz_modules[qid]}' (its 'module' field), not to "
                                                              f"this page '{page.id}'", "warning"))
    with_quiz = {m for m in quiz_modules.values() if m}
    for page in pages.values() if all_ids_known else ():
        if page.id not in with_quiz:
            diags.append(Diagnostic(page.path, 1, 1, f"module '{page.id}' has no quiz (no quizzes/*.yml with "
                                                     f"module: {page.id})", "warning"))

    quizzes = [r.quiz for r in results if r.quiz is not None]
    return CheckReport(
        diagnostics=sorted(dict.fromkeys(diags), key=lambda d: (d.path, d.line, d.col)),
        modules=len(pages),
        quizzes=len(quizzes),
        questions=sum(len(q.questions) for q in quizzes),
        loaded_quizzes=quizzes,
    )


def _check_schema(project: Project) -> list[Diagnostic]:
    """Quizzes name schema/quiz-v1.schema.json on their first line, for editors that validate as you type."""
    from .quiz.schema import schema_text
    from .quiz.spec import SCHEMA_ID

    path = project.root / "schema" / SCHEMA_ID
    rel = project.rel(path)
    try:
        current = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return [Diagnostic(rel, 0, 0, "missing: quizzes name it on their first line so editors can check them as "
                                      "you type; run `courseforge schema` to write it", "warning")]
    if current != schema_text():
        return [Diagnostic(rel, 0, 0, "out of date for this version of courseforge; run `courseforge schema` to "
                                      "write it again", "warning")]
    return []


# The seeds read in this process, with the state of their files: a check that finds
# every file under seeds/ (and the paragraph registry) as it was reuses them.
_corpus_cache: dict[tuple[str, str], tuple[tuple, object, list[Diagnostic]]] = {}
READ_SEEDS = FileCache("seeds")


def _seed_files_state(project: Project) -> tuple | None:
    """(path, content hash) of every file under seeds/ and of the paragraph registry; None if unreadable.

    By content, not modification time: two writes within a clock tick keep the same mtime.
    """
    import hashlib

    from .sources.stable import REGISTRY_PATH

    try:
        files = [project.root / REGISTRY_PATH]
        if project.seeds_dir.is_dir():
            files += sorted(p for p in project.seeds_dir.rglob("*") if p.is_file())
        out = []
        for f in files:
            try:
                data = f.read_bytes()
            except FileNotFoundError:
                out.append((str(f), None))
                continue
            out.append((str(f), len(data), hashlib.blake2b(data, digest_size=16).digest()))
        return tuple(out)
    except OSError:
        return None


def clear_corpus_cache() -> None:
    _corpus_cache.clear()


def _load_corpus(project: Project, diags: list[Diagnostic]):
    key = (str(project.seeds_dir), str(project.root))
    state = _seed_files_state(project)
    hit = _corpus_cache.get(key)
    if state is not None and hit is not None and hit[0] == state:
        diags.extend(hit[2])
        return hit[1]
    _corpus_cache.pop(key, None)
    # Between runs, the seeds read before are taken from the user's cache folder (a PDF
    # takes seconds a megabyte to read), checked against the bytes of every seed file.
    name, raw = "|".join(key), repr(state).encode("utf-8")
    stored = READ_SEEDS.get(name, raw) if state is not None else None
    if isinstance(stored, tuple) and len(stored) == 2:
        corpus, cdiags = stored
    else:
        try:
            corpus, cdiags = load_corpus(project.seeds_dir, project.root)
        except CourseError as exc:
            diags.extend(exc.diagnostics)
            return None
        if state is not None:
            READ_SEEDS.put(name, raw, (corpus, cdiags))
    diags.extend(cdiags)
    if state is not None:
        _corpus_cache[key] = (state, corpus, list(cdiags))
    return corpus


def _check_cite(path: str, cite, corpus, diags: list[Diagnostic], index: dict | None = None) -> None:
    if cite.doc in corpus.unavailable:
        return  # the seed itself is broken; that error names the real cause
    doc = corpus.document(cite.doc)
    if doc is None:
        ids = [d.id for d in corpus.documents]
        close = suggest(cite.doc, ids)
        hint = f" — did you mean '{close}'?" if close else f"; the seed ids are: {', '.join(ids)}"
        diags.append(Diagnostic(path, *cite.doc_pos, f"question '{cite.qid}' cites document '{cite.doc}', which is "
                                                     f"not in seeds/sources.yml{hint}"))
        return
    if index is None:
        para = doc.paragraph(cite.para)
    else:
        paras = index.get(doc.id)
        if paras is None:
            paras = index[doc.id] = {}
            for p in doc.paragraphs:
                paras.setdefault(p.id, p)  # the first of an id, as Document.paragraph finds it
        para = paras.get(cite.para)
    where = short_label(cite.para)
    if para is None and cite.text:
        diags.append(Diagnostic(path, *cite.text_pos, f"question '{cite.qid}' was written from {where} of "
                                                      f"'{cite.doc}', which is no longer in the document (removed, "
                                                      "or rewritten beyond recognition): check the question and "
                                                      "cite the paragraph that now says it (see the sources page), "
                                                      "or remove the question"))
        return
    if para is not None and cite.text and cite.text != fingerprint(para.text):
        diags.append(Diagnostic(path, *cite.text_pos, f"the text of {where} of '{cite.doc}' has changed since "
                                                      f"question '{cite.qid}' was written: check the question, "
                                                      "then run `courseforge check --accept`"))
        return
    if para is None:
        ids = [p.id for p in doc.paragraphs]
        close = suggest(cite.para, ids)
        hint = f" — did you mean '{close}'?" if close else ""
        # ids kept through edits are not in reading order: name the lowest and highest
        ends = sorted(ids, key=int) if all(i.isdigit() for i in ids) else ids
        span = f"its paragraphs are {ends[0]} to {ends[-1]}" if ids else "it has no paragraphs"
        diags.append(Diagnostic(path, *cite.para_pos, f"question '{cite.qid}' cites paragraph '{cite.para}' of "
                                                      f"'{cite.doc}', which does not exist{hint} ({span}; see the "
                                                      "sources page for each paragraph's id)"))


# --- module pages -------------------------------------------------------------


def split_front_matter(text: str) -> tuple[str | None, int, int]:
    """(front matter YAML or None, its first line number, line of the closing ---).

    Same rule as MkDocs: a first line ``---`` opens it, the next ``---`` or
    ``...`` line closes it. An unclosed block gives closing line 0.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, 0, 0
    for i in range(1, len(lines)):
        if lines[i].rstrip() in _FM_END:
            return "\n".join(lines[1:i]) + "\n", 2, i + 1
    return "\n".join(lines[1:]), 2, 0


def _check_pages(project: Project, corpus, diags: list[Diagnostic], unreadable: set[str]) -> dict[str, ModulePage]:
    pages: dict[str, ModulePage] = {}
    mdir = project.modules_dir
    if not mdir.is_dir():
        diags.append(Diagnostic(project.rel(mdir), 0, 0, "the modules/ folder is missing"))
        return pages
    # A seed whose entry or file is broken still counts as known here: its own
    # error is reported once, not again on every page that lists it.
    seed_ids = [d.id for d in corpus.documents] + list(corpus.unavailable) if corpus is not None else None
    orders: dict[int, ModulePage] = {}
    for path in sorted(mdir.rglob("*.md")):
        before = len(diags)
        page = _check_page(project, path, seed_ids, diags)
        if page is None:
            if len(diags) > before:
                unreadable.add(path.stem)  # may be a module page: do not also report its quiz as orphan
            continue
        pages[page.id] = page
        if page.order is not None:
            if page.order in orders:
                diags.append(Diagnostic(page.path, *page.order_pos, f"order {page.order} is also used by "
                                                         f"{orders[page.order].path}: give each module its own "
                                                         "place", "warning"))
            else:
                orders[page.order] = page
    return pages


def _check_page(project: Project, path: Path, seed_ids, diags: list[Diagnostic]) -> ModulePage | None:
    rel = project.rel(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            diags.append(Diagnostic(rel, 0, 0, f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit for a "
                                               "course file; split the page"))
            return None
        text, bad = decode_utf8(path.read_bytes(), rel)
    except OSError as exc:
        diags.append(Diagnostic(rel, 0, 0, f"cannot read the file: {exc.strerror or exc}"))
        return None
    if bad:
        diags.append(bad)
        return None
    if "](" in text or "]:" in text:
        diags.extend(broken_links(path, rel, project.modules_dir, text))
    markers = quiz_markers(text)
    fm, first, end = split_front_matter(text)
    if fm is None:
        return _markers_only(rel, markers, diags)
    if end == 0:
        diags.append(Diagnostic(rel, 1, 1, "the front matter opened by --- on line 1 is never closed: add a line "
                                           "--- after its last field"))
        return None
    node, ydiags = compose_text(fm, rel, line_offset=first - 1)
    diags.extend(ydiags)
    if node is None:
        return _markers_only(rel, markers, diags) if not ydiags else None
    if not isinstance(node, MappingNode):
        diags.append(Diagnostic(rel, first, 1, "front matter must be fields (name: value), e.g. title: ..."))
        return None
    fields = {k.value: (k, v) for k, v in node.value if isinstance(k, ScalarNode)}
    stem = path.stem
    off = first - 1

    def at(n: Node) -> tuple[int, int]:
        line, col = pos(n)
        return line + off, col

    if "id" not in fields:
        stray = [k for k in MODULE_KEYS if k in fields and k != "title"]
        if stray:
            k = fields[stray[0]][0]
            diags.append(Diagnostic(rel, *at(k), f"{', '.join(stray)} belong to module pages, which need "
                                                 f"'id: {stem}' too: add it, or remove {', '.join(stray)}"))
        for name, (k, _) in fields.items():
            if name not in PAGE_KEYS and name not in MODULE_KEYS:
                _unknown_key(rel, at(k), name, PAGE_KEYS, diags)
        return _markers_only(rel, markers, diags)

    page = ModulePage(id=stem, path=rel, markers=markers)
    for name, (k, v) in fields.items():
        if name not in MODULE_KEYS and name not in PAGE_KEYS:
            _unknown_key(rel, at(k), name, MODULE_KEYS + PAGE_KEYS, diags)
            continue
        value = scalar_value(v) if isinstance(v, ScalarNode) else None
        if name == "id":
            if value != stem:
                diags.append(Diagnostic(rel, *at(v), f"id is '{v.value if isinstance(v, ScalarNode) else '…'}' but "
                                                     f"the file is {stem}.md: a module's id must be its file name "
                                                     f"without .md; write id: {stem}"))
        elif name == "title":
            if not isinstance(v, ScalarNode) or value is None or not str(v.value).strip():
                diags.append(Diagnostic(rel, *at(v), "title is empty: write the module's title"))
            else:
                page.title = v.value
        elif name in ("order", "study_time"):
            if isinstance(value, bool) or not isinstance(value, int):
                what = "its place in the course: 1, 2, 3…" if name == "order" else "minutes, e.g. 45"
                diags.append(Diagnostic(rel, *at(v), f"{name} must be a whole number ({what}), found "
                                                     f"'{v.value if isinstance(v, ScalarNode) else '…'}'"))
            elif name == "study_time" and value <= 0:
                diags.append(Diagnostic(rel, *at(v), f"study_time is {value}: write the minutes a learner needs, "
                                                     "more than 0"))
            elif name == "order":
                page.order, page.order_pos = value, at(v)
        elif name == "sources":
            _check_page_sources(rel, v, at, seed_ids, diags)
    for name in MODULE_KEYS:
        if name not in fields:
            example = {"id": f"id: {stem}", "title": "title: ...", "order": "order: 1",
                       "study_time": "study_time: 45", "sources": "sources: [<seed id>]"}[name]
            diags.append(Diagnostic(rel, first, 1, f"module page front matter has no '{name}': add {example}"))
    return page


def _check_page_sources(rel: str, v: Node, at, seed_ids, diags: list[Diagnostic]) -> None:
    if not isinstance(v, SequenceNode) or not v.value:
        diags.append(Diagnostic(rel, *at(v), "sources must list the seed ids this module draws on, e.g. "
                                             "sources: [desa-2004-social-perspective]"))
        return
    for item in v.value:
        if not isinstance(item, ScalarNode) or item.tag != _Y + "str":
            diags.append(Diagnostic(rel, *at(item), "each entry of sources must be a seed id from seeds/sources.yml"))
        elif seed_ids is not None and item.value not in seed_ids:
            close = suggest(item.value, seed_ids)
            hint = f" — did you mean '{close}'?" if close else f"; the seed ids are: {', '.join(seed_ids)}"
            diags.append(Diagnostic(rel, *at(item), f"unknown source '{item.value}': not an id in "
                                                    f"seeds/sources.yml{hint}"))


def _unknown_key(rel: str, where: tuple[int, int], name: str, allowed, diags: list[Diagnostic]) -> None:
    close = suggest(name, allowed)
    if close:
        diags.append(Diagnostic(rel, *where, f"unknown front matter key '{name}' — did you mean '{close}'?"))
    else:
        diags.append(Diagnostic(rel, *where, f"unknown front matter key '{name}'; allowed: {', '.join(allowed)}"))


def _markers_only(rel: str, markers, diags: list[Diagnostic]) -> None:
    for qid, line, col in markers:
        diags.append(Diagnostic(rel, line, col, f"quiz marker '{qid}' is in a page that is not a module page "
                                                "(no id in its front matter); quizzes belong in module pages"))
    return None
