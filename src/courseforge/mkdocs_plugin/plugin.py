"""The ``courseforge`` MkDocs plugin: quizzes, progress and certificate in a Material site.

Each event handler is a few commented steps that call the core
(``courseforge.site``); nothing here decides what a quiz looks like or what
the browser may see. Quiz sources stay in ``quizzes/``, outside docs_dir, so
MkDocs never copies them into the site: only their public view reaches pages.
"""

from __future__ import annotations

import gzip
import logging
import re
import shutil
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import AnchorLink

from .. import markers
from ..diagnostics import CourseError, Diagnostic
from ..fsutil import write_atomic
from ..project import Project
from ..quiz.public import public_quiz
from ..site import i18n
from ..site.background import PendingCourse
from ..site.course import SiteCourse
from ..site.error_page import error_page
from ..site.mkdocs_yml import web_font_warning
from ..site.render import (
    Markdown,
    QuizRenderer,
    certificate_markdown,
    course_manifest,
    quizzes_script,
    render_certificate,
    render_progress,
)
from .config import CourseforgeConfig

log = logging.getLogger("mkdocs.plugins.courseforge")

ASSETS = Path(__file__).resolve().parent.parent / "assets"
SITE_ASSETS = "assets/courseforge"  # where our files go in the built site
SHIM = f"{SITE_ASSETS}/iframe-worker-shim.js"
POLYFILLS = f"{SITE_ASSETS}/polyfills.js"  # loads resize-observer.js only where it is missing
MANIFEST = f"{SITE_ASSETS}/course.js"
QUIZ_LIST = f"{SITE_ASSETS}/course-quizzes.js"  # loaded by quiz.js only where it is needed
CERTIFICATE_PAGE = "certificate.md"
COURSE_POLLING = 0.1  # seconds between two looks at quizzes/, seeds/ and course.yml under `serve`



class QuizCheckError(PluginError, CourseError):
    """The course has errors: MkDocs stops on it as a PluginError; the core, which imports nothing from
    this adapter, takes it as the CourseError it also is, with the checker's diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]):
        PluginError.__init__(self, "the course has errors; fix them and build again:\n"
                             + "\n".join(map(str, diagnostics)))
        self.diagnostics = list(diagnostics)  # after: PluginError's chain of __init__ reaches CourseError's


class CourseforgePlugin(BasePlugin[CourseforgeConfig]):
    supports_multiple_instances = False

    def on_startup(self, *, command, dirty):
        # `mkdocs serve` runs a web server thread: check inline there rather than fork.
        self.serving = command == "serve"
        # `courseforge serve` asks for dirty rebuilds: after an edit to quizzes alone, only the
        # pages showing them are built again (see _only_changed_pages); any other edit rebuilds all.
        self.dirty = bool(dirty)
        self._last_build: tuple | None = None

    def on_config(self, config):
        if not self.config.enabled:
            return
        # The course is the folder of mkdocs.yml. Check it and load its quizzes in the
        # background while MkDocs reads the pages; the first page that needs a quiz waits.
        self.project = Project(Path(config.config_file_path).resolve().parent)
        fork = self.config.background and not getattr(self, "serving", False)
        self._pending = PendingCourse(self.project, check=self.config.check, fork=fork)
        self._course: SiteCourse | None = None

        # The site's language and Markdown, for the quizzes' words and texts.
        self.language = i18n.language_of(config.theme.get("language"))
        self.t = i18n.strings(self.language)
        self.md = Markdown(list(config.markdown_extensions), dict(config.mdx_configs))

        # Our stylesheet and scripts; course.js (the manifest) must come before quiz.js.
        config.extra_css.append(f"{SITE_ASSETS}/quiz.css")
        config.extra_javascript.append(MANIFEST)
        config.extra_javascript.append(f"{SITE_ASSETS}/quiz.js")

        # No web fonts: Material loads Google Fonts unless theme.font is false. Turn them off and say so
        # (check reports the same warning; it is logged once, here, not again with the course's warnings).
        self.font_warning = None
        if config.theme.get("font") is not False:
            config.theme["font"] = False
            mkdocs_yml = Path(config.config_file_path).resolve()
            self.font_warning = web_font_warning(mkdocs_yml, self.project.rel(mkdocs_yml))
            log.warning(str(self.font_warning))

        # Never let a CDN shim in: Material's offline plugin adds one unless a local one is listed.
        polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
        polyfills.insert(0, POLYFILLS)
        if self.config.offline or self._material_offline(config):
            polyfills.append(SHIM)
        config.extra["polyfills"] = polyfills

        # Offline: file:// has no directory index pages and no instant navigation (it needs fetch).
        if self.config.offline:
            config.use_directory_urls = False
            features = config.theme.get("features") or []
            config.theme["features"] = [f for f in features if not str(f).startswith("navigation.instant")]

        # Kept through a serve rebuild that reads only some pages; a full build starts them afresh.
        self.pages_seen: dict[str, str] = getattr(self, "pages_seen", {})  # module id -> page title, for the manifest
        self.markers: dict[str, list[tuple[str, int]]] = getattr(self, "markers", {})  # page -> (quiz id, line)
        if not self._partial_rebuilds():
            self.pages_seen, self.markers = {}, {}
        self.public: dict[str, dict] = {}  # quiz id -> public view, computed once
        return config

    @property
    def course(self) -> SiteCourse:
        """The checked course; the first call waits for the background check."""
        if self._course is None:
            try:
                self._course = self._pending.result()
            except CourseError as exc:
                raise QuizCheckError(exc.diagnostics) from None
            for warning in self._course.warnings:
                if warning != getattr(self, "font_warning", None):  # said when the fonts were turned off
                    log.warning(str(warning))
            self.renderer = QuizRenderer(self.t, self.md, self._course.doc_titles, self._course.info.id)
        return self._course

    def public_view(self, quiz) -> dict:
        if quiz.id not in self.public:  # usually made with the course, in the background
            self.public[quiz.id] = self.course.public.get(quiz.id) or public_quiz(quiz)
        return self.public[quiz.id]

    def on_files(self, files: Files, *, config):
        if not self.config.enabled:
            return
        # Ship the learner's script and stylesheet, polyfills for old browsers and (for file://) the worker shim.
        for name in ("quiz.js", "quiz.css", "polyfills.js"):
            files.append(File.generated(config, f"{SITE_ASSETS}/{name}", abs_src_path=str(ASSETS / name)))
        observer = ASSETS / "vendor" / "resize-observer-polyfill" / "ResizeObserver.js"
        files.append(File.generated(config, f"{SITE_ASSETS}/resize-observer.js", abs_src_path=str(observer)))
        if SHIM in config.extra["polyfills"]:
            shim = ASSETS / "vendor" / "iframe-worker" / "shim.js"
            files.append(File.generated(config, SHIM, abs_src_path=str(shim)))

        # The certificate page, unless the course wrote its own.
        if self.config.certificate and files.get_file_from_path(CERTIFICATE_PAGE) is None:
            text = certificate_markdown(self.t, markers.CERTIFICATE)
            files.append(File.generated(config, CERTIFICATE_PAGE, content=text))
        self.files = files
        if self._partial_rebuilds():
            self._only_changed_pages(files, config)
        return files

    def on_page_markdown(self, markdown: str, *, page, config, files):
        if not self.config.enabled:
            return markdown
        # Home page: the progress panel where the author put its marker, else after the introduction.
        if page.is_homepage and self.config.progress and markers.PROGRESS not in markdown:
            markdown = _insert_before_sections(markdown, markers.PROGRESS)

        # Remember the markers and where they are, for messages once the quizzes are known.
        found = markers.quiz_markers(markdown)
        offset = _front_matter_lines(page) if found else 0
        self.markers[page.file.src_uri] = [(quiz_id, line + offset) for quiz_id, line, _ in found]
        # A module page gets a slot at its end for the module's quizzes that no marker placed.
        module = page.meta.get("id")
        if module:
            self.pages_seen[str(module)] = page.meta.get("title") or page.title or str(module)
            markdown = markdown.rstrip("\n") + f"\n\n{markers.slot_marker(module)}\n"
        return markdown

    def on_page_context(self, context, *, page, config, nav):
        if not self.config.enabled or self._serve_errors():
            return context
        # Markers must name quizzes of this course (strict mode turns this into an error).
        for quiz_id, line in self.markers.get(page.file.src_uri, []):
            if self.course.quiz(quiz_id) is None:
                log.warning(f"{self._rel(page)}:{line}: the marker names quiz '{quiz_id}', which is not in quizzes/")

        # Each quiz (and the progress panel) gets a table-of-contents entry where it sits among the headings.
        html = page.content or ""
        entries = [(at, quiz.title, f"quiz-{quiz.id}") for at, quiz in self._quizzes_in(html, page)]
        if markers.PROGRESS in html:
            entries.append((html.index(markers.PROGRESS), self.t["progress_heading"], "cf-progress-title"))
        items = page.toc.items
        parent = items[0].children if len(items) == 1 and items[0].level == 1 else items
        for at, title, anchor in sorted(entries, key=lambda e: e[0], reverse=True):
            before = sum(1 for link in parent if 0 <= html.find(f'id="{link.id}"') < at)
            parent.insert(before, AnchorLink(title, anchor, 2))
        return context

    def on_post_page(self, output: str, *, page, config):
        if not self.config.enabled:
            return output
        # While serving a broken course every page shows the problems; live reload brings the page back.
        errors = self._serve_errors()
        if errors:
            return error_page(errors)
        # Replace quiz markers by the quiz, rendered from its public view only.
        sources = self.files.get_file_from_path("sources.md")
        sources_url = sources.url_relative_to(page.file) if sources else None

        ids = self._marked(page)

        def quiz_html(m: re.Match) -> str:
            quiz = self.course.quiz(m.group(1))
            return self.renderer.render(self.public_view(quiz), sources_url) if quiz else m.group(0)

        def slot_html(m: re.Match) -> str:
            quizzes = self._slot_quizzes(m.group(1), ids)
            return "".join(self.renderer.render(self.public_view(q), sources_url) for q in quizzes)

        output = markers.replace_placed(output, ids, quiz_html)
        output = markers.SLOT.sub(slot_html, output)
        # The home page's progress panel and the certificate's form.
        if markers.PROGRESS in output:  # drawn in full, as quiz.js redraws it, so the page does not shift
            output = output.replace(markers.PROGRESS, self._progress_panel(page), 1)
        output = output.replace(markers.CERTIFICATE, render_certificate(self.t, self.course.info.title), 1)
        return output

    def on_env(self, env, *, config, files):
        # A serve rebuild makes a new template environment: reuse the templates compiled before
        # (Jinja checks each template's source against the compiled copy it keeps).
        if self.config.enabled and self._partial_rebuilds() and env.bytecode_cache is None:
            env.bytecode_cache = _TEMPLATES
        return env

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config):
        if not self.config.enabled:
            return
        errors = self._serve_errors()
        if errors:  # say it in the terminal too, once per rebuild
            log.error("the course has errors; the preview shows them until they are fixed:\n"
                      + "\n".join(map(str, errors)))
            return
        site = Path(config.site_dir)
        # The course manifest every page loads (course, UI strings) and the list of its quizzes,
        # which only the pages showing progress load: no key in either.
        quizzes, manifest = self._manifest()
        write_atomic(site / QUIZ_LIST, quizzes)
        write_atomic(site / MANIFEST, manifest)

        # Offline: the search index as a script, since file:// pages cannot fetch JSON.
        index = site / "search" / "search_index.json"
        if self.config.offline and index.is_file() and not self._material_offline(config):
            write_atomic(site / "search" / "search_index.js", "var __index = " + index.read_text(encoding="utf-8"))

        # Rebuilding an unchanged course gives the same bytes: gzip without a timestamp.
        sitemap = site / "sitemap.xml"
        if sitemap.is_file():
            write_atomic(site / "sitemap.xml.gz", gzip.compress(sitemap.read_bytes(), mtime=0))

    def on_serve(self, server, *, config, builder):
        if not self.config.enabled:
            return server
        # `mkdocs serve` rebuilds when a quiz, a seed or the course plan changes. MkDocs polls the
        # files every 0.5 s; these few are polled every 0.1 s, so an edit shows sooner.
        observer = getattr(server, "observer", None)
        polling = getattr(observer, "_timeout", None)
        fast = isinstance(polling, (int, float)) and not isinstance(polling, bool) and polling > COURSE_POLLING
        if fast:
            observer._timeout = COURSE_POLLING
        try:
            for path in (self.project.quizzes_dir, self.project.seeds_dir, self.project.course_file):
                if path.exists():
                    server.watch(str(path))
        finally:
            if fast:
                observer._timeout = polling
        return server

    # -- helpers ------------------------------------------------------------------

    def _partial_rebuilds(self) -> bool:
        return getattr(self, "serving", False) and getattr(self, "dirty", False)

    def _only_changed_pages(self, files: Files, config) -> None:
        """A serve rebuild after an edit to quizzes alone builds only the pages that show them.

        MkDocs' dirty build skips a page whose file is older than its built page. When
        anything but quizzes changed (a page, mkdocs.yml, the seeds, course.yml), or the
        course has errors or had them, the site folder is emptied first: every page is
        built again, as in a clean build. Otherwise the pages that show a quiz whose file
        changed (its module's page, a page with its marker) are marked to be built.
        """
        def state(path) -> tuple:
            try:
                st = Path(path).stat()
                return st.st_size, st.st_mtime_ns
            except (OSError, TypeError):
                return (None,)

        pages = [f for f in files.documentation_pages() if f.abs_src_path]
        others = [config.config_file_path, self.project.course_file, *sorted(self.project.seeds_dir.rglob("*"))] \
            if self.project.seeds_dir.is_dir() else [config.config_file_path, self.project.course_file]
        docs = tuple((f.src_uri, state(f.abs_src_path)) for f in pages) + tuple((str(p), state(p)) for p in others)
        errors = self._serve_errors()
        shown = {} if errors else {q.id: (q.module, self.public_view(q)) for q in self.course.quizzes}
        last, self._last_build = self._last_build, (docs, bool(errors), shown)
        if last is None or last[0] != docs or last[1] or errors:
            site = Path(config.site_dir)
            if last is not None and site.is_dir():
                for child in site.iterdir():  # what a clean build does first
                    shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
            self.pages_seen, self.markers = {}, {}
            return
        before = last[2]
        changed = {qid for qid in set(before) | set(shown) if before.get(qid, (None, None))[1] is not shown.get(qid, (None, None))[1]}
        modules = {entry[0] for qid in changed for entry in (before.get(qid), shown.get(qid)) if entry}
        for f in pages:
            marked = {qid for qid, _ in self.markers.get(f.src_uri, [])}
            if Path(f.src_uri).stem in modules or marked & changed:
                f.is_modified = lambda: True  # type: ignore[method-assign]

    def _serve_errors(self) -> list[Diagnostic]:
        """The course's errors when previewing with `serve` (a build stops on them instead)."""
        if not getattr(self, "serving", False):
            return []
        try:
            self.course
        except QuizCheckError as exc:
            return exc.diagnostics
        return []

    def _marked(self, page) -> list[str]:
        """The quiz ids the page's markers name, in page order (as the checker finds them)."""
        return [quiz_id for quiz_id, _ in self.markers.get(page.file.src_uri, [])]

    def _slot_quizzes(self, module: str, marked: list[str]) -> list:
        """The module's quizzes that no marker on its page placed."""
        return [q for q in self.course.quizzes_of(module) if q.id not in set(marked)]

    def _quizzes_in(self, html: str, page) -> list[tuple[int, object]]:
        """(position, quiz) for every quiz a page shows, in page order."""
        ids = self._marked(page)
        found = [(m.start(), self.course.quiz(m.group(1))) for m in markers.placed(html, ids)]
        for m in markers.SLOT.finditer(html):
            found += [(m.start(), q) for q in self._slot_quizzes(m.group(1), ids)]
        return sorted(((at, q) for at, q in found if q is not None), key=lambda x: x[0])

    def _module_pages(self) -> dict[str, File]:
        pages: dict[str, File] = {}
        for f in self.files.documentation_pages():
            pages.setdefault(Path(f.src_uri).stem, f)  # the first page of that name, as a search in order would find
        return pages

    def _progress_panel(self, page) -> str:
        """The progress panel as quiz.js draws it for a learner who has not started (links relative to ``page``)."""
        pages = self._module_pages()
        rows = []
        for quiz in self.course.quizzes:
            f = pages.get(quiz.module)
            rows.append((self.pages_seen.get(quiz.module, quiz.module), f.url_relative_to(page.file) if f else None))
        cert = self.files.get_file_from_path(CERTIFICATE_PAGE) if self.config.certificate else None
        return render_progress(self.t, rows, cert.url_relative_to(page.file) if cert else None, self.language)

    def _manifest(self) -> tuple[str, str]:
        """(course-quizzes.js, course.js)."""
        quizzes = []
        pages = self._module_pages()
        for quiz in self.course.quizzes:
            page = pages.get(quiz.module)
            public = self.public_view(quiz)
            quizzes.append({
                "id": quiz.id,
                "module": quiz.module,
                "module_title": self.pages_seen.get(quiz.module, quiz.module),
                "title": quiz.title,
                "mode": quiz.mode,
                "pass_mark": quiz.pass_mark,
                "version": public["version"],
                "max": sum(q["points"] for q in public["questions"]),
                "count": len(public["questions"]),
                "url": page.url if page else None,
            })
        cert = self.files.get_file_from_path(CERTIFICATE_PAGE) if self.config.certificate else None
        info = self.course.info
        script, digest = quizzes_script(quizzes)
        return script, course_manifest(
            {"id": info.id, "title": info.title, "language": self.language},
            digest,
            i18n.js_strings(self.language),
            cert.url if cert else None,
        )

    def _rel(self, page) -> str:
        return self.project.rel(page.file.abs_src_path) if page.file.abs_src_path else page.file.src_uri

    @staticmethod
    def _material_offline(config) -> bool:
        plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
        return bool(plugin and getattr(plugin, "config", {}).get("enabled", False))


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled theme templates, kept in memory between `serve` rebuilds."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _CompiledTemplates()


def _insert_before_sections(markdown: str, marker: str) -> str:
    """Put a block marker after the page's introduction: before its first "## " heading, or at the end."""
    m = re.search(r"^##[ \t]", markdown, re.M)
    if m is None:
        return f"{markdown.rstrip()}\n\n{marker}\n"
    return f"{markdown[:m.start()]}{marker}\n\n{markdown[m.start():]}"


def _front_matter_lines(page) -> int:
    """Lines the front matter took, so marker line numbers match the file."""
    try:
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    except (OSError, TypeError):
        return 0
    m = re.match(r"^---\s*\n.*?\n(?:---|\.\.\.)\s*\n", source, re.S)
    return source.count("\n", 0, m.end()) if m else 0
