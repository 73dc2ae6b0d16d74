"""What the site needs from the course sources, checked before anything is built.

The site never builds from a course that ``courseforge check`` would refuse:
the checker's own messages stop the build, so a trainer sees the same
``path:line:col: message`` lines from ``mkdocs build`` as from ``check``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..course import CourseInfo, load_course_info
from ..diagnostics import CourseError, Diagnostic
from ..project import Project
from ..quiz.model import Quiz
from ..quiz.public import public_quiz

@dataclass
class SiteCourse:
    info: CourseInfo
    quizzes: list[Quiz]
    doc_titles: dict[str, str] = field(default_factory=dict)  # seed id -> title, for citations
    warnings: list[Diagnostic] = field(default_factory=list)
    # quiz id -> public_quiz(quiz): what pages may show, worked out with the course
    # (in the background while MkDocs reads pages, see site.background).
    public: dict[str, dict] = field(default_factory=dict)

    def quizzes_of(self, module_id: str) -> list[Quiz]:
        return list(self._by_module.get(module_id, ()))

    def quiz(self, quiz_id: str) -> Quiz | None:
        return self._by_id.get(quiz_id)

    # Every page asks for its quizzes: indexes made once, not a scan of the course per page.
    @cached_property
    def _by_module(self) -> dict[str, list[Quiz]]:
        out: dict[str, list[Quiz]] = {}
        for q in self.quizzes:
            out.setdefault(q.module, []).append(q)
        return out

    @cached_property
    def _by_id(self) -> dict[str, Quiz]:
        out: dict[str, Quiz] = {}
        for q in self.quizzes:
            out.setdefault(q.id, q)  # the first, as a search in order finds
        return out


def _check(project: Project) -> tuple[list[Diagnostic], list[Quiz]] | None:
    """Everything ``courseforge check`` reports, and the quizzes it read (None without a checker)."""
    try:
        from ..check import check_course_report  # imported late: the checker pulls in the sources reader
    except ImportError as exc:  # a tree without the checker: quiz loading still checks each file
        if getattr(exc, "name", None) not in ("courseforge.check", None):
            raise
        return None
    report = check_course_report(project)
    return report.diagnostics, list(getattr(report, "loaded_quizzes", None) or [])


def doc_titles(project: Project) -> dict[str, str]:
    """Seed id -> title from seeds/sources.yml, by the one catalogue reader (the checker reports its problems)."""
    from ..sources.catalog import load_catalog

    return {e.id: e.title for e in load_catalog(project.sources_file, project.seeds_dir, project.root).entries}


# Public views already worked out in this process: id(quiz) -> (quiz, view). The quiz
# loader hands back the same Quiz object for a file whose bytes have not changed, so a
# `serve` rebuild after an edit to one quiz works out that quiz's view alone.
_public_cache: dict[int, tuple[Quiz, dict]] = {}


def _public_views(quizzes: list[Quiz]) -> dict[str, dict]:
    global _public_cache
    fresh: dict[int, tuple[Quiz, dict]] = {}
    for q in quizzes:
        hit = _public_cache.get(id(q))
        fresh[id(q)] = hit if hit is not None and hit[0] is q else (q, public_quiz(q))
    _public_cache = fresh  # only the current quizzes are kept
    return {q.id: view for q, view in fresh.values()}


def clear_caches() -> None:
    """Forget every quiz, seed, public view and compiled template held in memory: the next build works as a new process does."""
    from ..quiz.load import clear_read_cache
    from .templates import COMPILED

    clear_read_cache()
    COMPILED.forget()  # compiled templates are read back from the cache folder, as a new process does
    _public_cache.clear()
    try:
        from ..check import clear_corpus_cache
    except ImportError:  # pragma: no cover - a tree without the checker
        return
    clear_corpus_cache()


def load_site_course(project: Project, *, check: bool = True) -> SiteCourse:
    """The course identity, its quizzes and citation titles; CourseError on any error."""
    from ..quiz.load import load_quizzes

    info = load_course_info(project)
    checked = _check(project) if check else None
    diags, quizzes = checked if checked else ([], [])
    if not quizzes:  # no checker, checking turned off, or nothing loaded: read the quizzes here
        quizzes, load_diags = load_quizzes(project.quizzes_dir, project.root)
        diags = diags or load_diags
    errors = [d for d in diags if d.severity != "warning"]
    if errors:
        raise CourseError(sorted(set(errors)))
    return SiteCourse(
        info=info,
        quizzes=sorted(quizzes, key=lambda q: q.id),
        doc_titles=doc_titles(project),
        warnings=[d for d in diags if d.severity == "warning"],
        public=_public_views(quizzes),
    )
