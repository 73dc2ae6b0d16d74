"""What one build of the site knows about the course, from the site generator's first event to its last.

The site generator's adapter (``courseforge.mkdocs_plugin``) makes one
:class:`SiteSession` per build and hands it the pages as it reads them; the
session answers with the pages' Markdown, their table-of-contents entries,
their HTML and the manifest. It imports nothing of the site generator.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Callable

from .. import markers
from ..diagnostics import CourseError, Diagnostic
from ..project import Project
from ..quiz.model import Quiz
from ..quiz.public import public_quiz
from . import assets, i18n, manifest, pages, toc
from .background import PendingCourse
from .course import SiteCourse
from .error_page import error_page
from .mkdocs_yml import web_font_warning
from .rebuild import Rebuilds
from .templates import Templates
from .theme import apply_course_settings
from .render import Markdown, QuizRenderer, certificate_markdown, render_certificate, render_progress

CERTIFICATE_PAGE = "certificate.md"
SOURCES_PAGE = "sources.md"


class SiteSession:
    """The course being built: checked and loaded in the background while the pages are read."""

    def __init__(self, project: Project, *, language: str, md: Markdown, check: bool = True, fork: bool = True,
                 certificate: bool = True, progress: bool = True, shim: bool = False, serving: bool = False,
                 template_dirs: list[str] = (), log: logging.Logger | None = None,
                 error: Callable[[list[Diagnostic]], Exception] = CourseError,
                 kept: SiteSession | None = None):
        self.project, self.language, self.md = project, language, md
        self.t = i18n.strings(language)
        self.certificate, self.progress = certificate, progress
        self.shim = shim  # the iframe-worker shim search needs under file://
        self.serving = serving  # a preview shows the course's errors on its pages rather than stop
        self.log = log or logging.getLogger(__name__)
        self.error = error  # what a course with errors raises: the adapter's own CourseError
        self.font_warning: Diagnostic | None = None  # said by the adapter already, not again with the course's
        self._pending = PendingCourse(project, check=check, fork=fork)
        self.templates = Templates(template_dirs)  # the theme's folders (custom_dir first), then ours
        self._course: SiteCourse | None = None
        self.public: dict[str, dict] = {}  # quiz id -> public view, computed once
        self.files: pages.SiteFiles | None = None  # the site's files, once the site generator has them
        # Kept through a serve rebuild that reads only some pages (``kept``): page src_uri -> ...
        self.titles: dict[str, str] = kept.titles if kept else {}  # module id -> page title, for the manifest
        self.markers: dict[str, pages.PageMarkers] = kept.markers if kept else {}

    def apply_settings(self, config, *, offline: bool) -> None:
        """The course's site settings (see site.theme); turning web fonts off is said once, here."""
        if apply_course_settings(config, offline=offline, shim=self.shim):
            mkdocs_yml = Path(config["config_file_path"]).resolve()
            self.font_warning = web_font_warning(mkdocs_yml, self.project.rel(mkdocs_yml))
            self.log.warning(str(self.font_warning))

    def forget_pages(self) -> None:
        """Every page is read again: what the last build saw of them goes."""
        self.titles, self.markers = {}, {}

    @property
    def course(self) -> SiteCourse:
        """The checked course; the first call waits for the background check."""
        if self._course is None:
            try:
                self._course = self._pending.result()
            except CourseError as exc:
                raise self.error(exc.diagnostics) from None
            for warning in self._course.warnings:
                if warning != self.font_warning:
                    self.log.warning(str(warning))
            self.renderer = QuizRenderer(self.t, self.md, self._course.doc_titles, self._course.info.id, self.templates)
        return self._course

    def errors(self) -> list[Diagnostic]:
        """The course's errors when previewing, which shows them (a build stops on them instead)."""
        if not self.serving:
            return []
        try:
            self.course
        except CourseError as exc:
            return exc.diagnostics
        return []

    def public_view(self, quiz: Quiz) -> dict:
        if quiz.id not in self.public:  # usually made with the course, in the background
            self.public[quiz.id] = self.course.public.get(quiz.id) or public_quiz(quiz)
        return self.public[quiz.id]

    # -- the site's files -----------------------------------------------------

    # -- a page ---------------------------------------------------------------

    def page_markdown(self, markdown: str, *, src_uri: str, is_home: bool, meta: dict,
                      title: Callable[[], str | None]) -> str:
        """The page's Markdown with the course's markers; remembers where its quiz markers are.

        ``meta`` is its front matter (an ``id`` there makes it that module's page); ``title`` gives
        the title the site generator finds, asked only for a module page without one in ``meta``.
        """
        self.markers[src_uri] = pages.page_markers(markdown)
        module_id = str(meta["id"]) if meta.get("id") else None
        if module_id:
            self.titles[module_id] = meta.get("title") or title() or module_id
        return pages.with_slots(markdown, progress=is_home and self.progress, module_id=module_id)

    def unknown_markers(self, src_uri: str, path: str | None) -> list[str]:
        """Warnings for the page's markers that name no quiz of the course (``path``: its file, for lines)."""
        unknown = [(qid, line) for qid, line in self.markers.get(src_uri, pages.PageMarkers([])).found
                   if self.course.quiz(qid) is None]
        if not unknown:
            return []
        offset = pages.front_matter_lines(pages.read_source(path))
        rel = self.project.rel(path) if path else src_uri
        return [f"{rel}:{line + offset}: the marker names quiz '{qid}', which is not in quizzes/" for qid, line in unknown]

    def toc_entries(self, src_uri: str, html: str) -> list[toc.TocEntry]:
        """Table-of-contents entries for each quiz the page shows (and the progress panel)."""
        shown = pages.quizzes_in(html, self._marked(src_uri), self.course.quiz, self.course.quizzes_of)
        return toc.page_entries(html, shown, self.t["progress_heading"])

    def page_html(self, html: str, page: pages.PageFile) -> str:
        """The page's HTML with its quizzes (from their public views only) and the course's panels.

        While previewing a course with errors, every page shows them; live reload brings the page back.
        """
        errors = self.errors()
        if errors:
            return error_page(errors)
        sources = self.files.get_file_from_path(SOURCES_PAGE)
        sources_url = sources.url_relative_to(page) if sources else None
        marked = self._marked(page.src_uri)

        def quiz_html(m: re.Match) -> str:
            quiz = self.course.quiz(m.group(1))
            return self.renderer.render(self.public_view(quiz), sources_url) if quiz else m.group(0)

        def slot_html(m: re.Match) -> str:
            quizzes = pages.slot_quizzes(self.course.quizzes_of, m.group(1), marked)
            return "".join(self.renderer.render(self.public_view(q), sources_url) for q in quizzes)

        html = markers.replace_placed(html, marked, quiz_html)
        html = markers.SLOT.sub(slot_html, html)
        if markers.PROGRESS in html:  # drawn in full, as quiz.js redraws it, so the page does not shift
            html = html.replace(markers.PROGRESS, self._progress_panel(page), 1)
        if markers.CERTIFICATE in html:
            html = html.replace(markers.CERTIFICATE, render_certificate(self.t, self.course.info.title, self.templates), 1)
        return html

    def _marked(self, src_uri: str) -> list[str]:
        return self.markers[src_uri].ids if src_uri in self.markers else []

    def _certificate_file(self) -> pages.PageFile | None:
        return self.files.get_file_from_path(CERTIFICATE_PAGE) if self.certificate else None

    def _progress_panel(self, page: pages.PageFile) -> str:
        """The progress panel as quiz.js draws it for a learner who has not started (links relative to ``page``)."""
        module_pages = pages.module_pages(self.files.documentation_pages())
        rows = []
        for quiz in self.course.quizzes:
            f = module_pages.get(quiz.module)
            rows.append((self.titles.get(quiz.module, quiz.module), f.url_relative_to(page) if f else None))
        cert = self._certificate_file()
        return render_progress(self.t, rows, cert.url_relative_to(page) if cert else None, self.language, self.templates)

    # -- the whole site -------------------------------------------------------

    def manifest(self) -> tuple[str, str]:
        """(course-quizzes.js, course.js)."""
        module_pages = pages.module_pages(self.files.documentation_pages())
        urls = {m: f.url for m, f in module_pages.items()}
        quizzes = manifest.quiz_entries(self.course, self.public_view, self.titles, urls)
        cert = self._certificate_file()
        return manifest.manifest_files(self.course, quizzes, self.language, cert.url if cert else None)

    def pages_to_build(self, rebuilds: Rebuilds, site: Path, doc_pages: list[pages.PageFile],
                       config_file: str) -> set[str] | None:
        """The pages (src_uri) a serve rebuild builds again, or None for every page (see site.rebuild)."""
        project, errors = self.project, self.errors()
        others = [config_file, project.course_file, *sorted(project.seeds_dir.rglob("*"))]
        shown = {} if errors else {q.id: (q.module, self.public_view(q)) for q in self.course.quizzes}
        build = rebuilds.pages_to_build(
            site, [(f.src_uri, f.abs_src_path) for f in doc_pages if f.abs_src_path], others, bool(errors), shown,
            {uri: m.ids for uri, m in self.markers.items()})
        if build is None:
            self.forget_pages()
        return build

    def finish(self, site: Path, *, search_script: bool) -> None:
        """Once every page is written: the manifest and the site's last files (see site.assets)."""
        errors = self.errors()
        if errors:  # said in the terminal too, once per rebuild
            self.log.error("the course has errors; the preview shows them until they are fixed:\n"
                           + "\n".join(map(str, errors)))
            return
        assets.finish_site(site, *self.manifest(), search_script=search_script)

    def generated_files(self, has_certificate: bool) -> list[tuple[str, Path | None, str | None]]:
        """(path in the site, file, content) of what the site gets besides its pages: our scripts and
        stylesheet, polyfills, the worker shim for file:// and the certificate page unless the course wrote its own."""
        files = [(dest, src, None) for dest, src in assets.shipped_files(self.shim)]
        if self.certificate and not has_certificate:
            files.append((CERTIFICATE_PAGE, None, certificate_markdown(self.t, markers.CERTIFICATE)))
        return files

    def watched(self) -> list[Path]:
        """The course's files outside the pages, which `serve` watches too."""
        return [self.project.quizzes_dir, self.project.seeds_dir, self.project.course_file]
