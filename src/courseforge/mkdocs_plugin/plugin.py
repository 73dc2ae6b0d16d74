"""The ``courseforge`` MkDocs plugin: each event handler is a few steps that call the core (``courseforge.site``)."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from ..diagnostics import CourseError, Diagnostic
from ..project import Project
from ..site import i18n, toc
from ..site.rebuild import Rebuilds, watch_course
from ..site.render import Markdown
from ..site.session import CERTIFICATE_PAGE, SiteSession
from ..site.templates import COMPILED
from ..site.theme import material_offline
from .config import CourseforgeConfig

log = logging.getLogger("mkdocs.plugins.courseforge")


class QuizCheckError(PluginError, CourseError):
    """The course has errors: MkDocs stops on it as a PluginError, the core takes it as a CourseError."""

    def __init__(self, diagnostics: list[Diagnostic]):
        PluginError.__init__(self, "the course has errors; fix them and build again:\n" + "\n".join(map(str, diagnostics)))
        self.diagnostics = list(diagnostics)  # after: PluginError's chain of __init__ reaches CourseError's


class CourseforgePlugin(BasePlugin[CourseforgeConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        super().__init__()
        self.serving = self.dirty = False  # `courseforge serve` asks for dirty rebuilds of changed quizzes' pages
        self.session: SiteSession | None = None  # the course being built; None while the plugin is off
        self.rebuilds = Rebuilds()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving, self.dirty = command == "serve", bool(dirty)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # Check and load the course (the folder of mkdocs.yml) in the background while MkDocs reads the pages
        # (inline under `mkdocs serve`, whose web server thread forbids a fork).
        project = Project(Path(config.config_file_path).resolve().parent)
        self.session = SiteSession(
            project, language=i18n.language_of(config.theme.get("language")), check=self.config.check,
            md=Markdown(list(config.markdown_extensions), dict(config.mdx_configs)),
            fork=self.config.background and not self.serving, certificate=self.config.certificate,
            progress=self.config.progress, shim=self.config.offline or material_offline(config.plugins),
            serving=self.serving, template_dirs=config.theme.dirs, log=log, error=QuizCheckError, kept=self.session if self._partial() else None)
        # Our assets and polyfills, offline settings, and no web fonts.
        self.session.apply_settings(config, offline=self.config.offline)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.session:
            return None
        # Our scripts and stylesheet, and the certificate page unless the course wrote its own.
        for dest, src, content in self.session.generated_files(files.get_file_from_path(CERTIFICATE_PAGE) is not None):
            files.append(File.generated(config, dest, abs_src_path=str(src) if src else None, content=content))
        self.session.files = files
        if self._partial():  # a serve rebuild after an edit to quizzes alone builds only the pages showing them
            pages = files.documentation_pages()
            build = self.session.pages_to_build(self.rebuilds, Path(config.site_dir), pages, config.config_file_path)
            for f in (f for f in pages if f.src_uri in (build or ())):
                f.is_modified = lambda: True  # type: ignore[method-assign]
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.session:
            return None
        # The progress panel's marker on the home page, a slot for unplaced quizzes on a module page.
        return self.session.page_markdown(markdown, src_uri=page.file.src_uri, is_home=page.is_homepage,
                                          meta=page.meta, title=lambda: page.title)

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        if not self.session or self.session.errors():
            return None
        # Markers must name quizzes of this course (strict mode turns the warning into an error).
        for warning in self.session.unknown_markers(page.file.src_uri, page.file.abs_src_path):
            log.warning(warning)
        # Each quiz and the progress panel get a table-of-contents entry among the headings.
        entries = self.session.toc_entries(page.file.src_uri, page.content or "")
        toc.add_entries(page.toc.items, page.content or "", entries, AnchorLink)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        # The quizzes and panels go in (a preview of a broken course shows its problems instead).
        return self.session.page_html(output, page.file) if self.session else None

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # The theme's templates as compiled by an earlier build or rebuild (Jinja checks them against their source).
        if self.session and env.bytecode_cache is None:
            env.bytecode_cache = COMPILED
        return env

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.session:  # the manifest; offline, the search index as a script; a reproducible sitemap.xml.gz
            self.session.finish(Path(config.site_dir), search_script=self.config.offline and not material_offline(config.plugins))

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        if self.session:  # `mkdocs serve` rebuilds when a quiz, a seed or the course plan changes too
            watch_course(server, self.session.watched())
        return server

    def _partial(self) -> bool:
        return self.serving and self.dirty
