"""Where a course's files live.

A course is a folder with ``course.yml`` (the plan), ``seeds/`` (documents and
``sources.yml``), ``modules/`` (Markdown pages, MkDocs' docs_dir), ``quizzes/``
(one YAML file per quiz) and ``mkdocs.yml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .diagnostics import CourseError

MARKERS = ("course.yml", "mkdocs.yml")


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    @property
    def sources_file(self) -> Path:
        return self.seeds_dir / "sources.yml"

    @property
    def modules_dir(self) -> Path:
        return self.root / "modules"

    @property
    def quizzes_dir(self) -> Path:
        return self.root / "quizzes"

    @property
    def course_file(self) -> Path:
        return self.root / "course.yml"

    @property
    def mkdocs_file(self) -> Path:
        return self.root / "mkdocs.yml"

    def rel(self, path: str | Path) -> str:
        """A path relative to the course root, for messages."""
        p = Path(path)
        try:
            return p.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return p.as_posix()


def find_project(start: str | Path | None = None) -> Project:
    """The course folder containing ``start`` (default: the current folder)."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if any((folder / m).is_file() for m in MARKERS):
            return Project(folder)
    raise CourseError(
        f"{here}: not inside a course folder (no course.yml or mkdocs.yml here or above); "
        "run courseforge from the course folder or pass --course PATH"
    )
