"""The course's identity, from the top of ``course.yml``.

Only ``id``, ``title``, ``description`` and ``language`` are read here; the
module plan in the same file belongs to the generator (``generate.plan``).
The id keys learners' progress in the browser and names the course in
submissions, so it must stay stable once the course is published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .diagnostics import CourseError, Diagnostic
from .project import Project

try:  # libyaml's C loader is ~7x faster; fall back when PyYAML was built without it
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader  # type: ignore[assignment]

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class CourseInfo:
    id: str
    title: str
    description: str = ""
    language: str = "en"


def load_course_info(project: Project) -> CourseInfo:
    path = project.course_file
    rel = project.rel(path)
    if not path.is_file():
        raise CourseError(Diagnostic(rel, 0, 0, "course.yml is missing: it names the course (id, title)"))
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise CourseError(Diagnostic(rel, line, 0, f"not readable as YAML: {getattr(exc, 'problem', exc)}")) from None
    if not isinstance(data, dict):
        raise CourseError(Diagnostic(rel, 1, 1, "course.yml must be a mapping with id and title"))
    cid, title = data.get("id"), data.get("title")
    if not isinstance(cid, str) or not ID_RE.match(cid):
        raise CourseError(Diagnostic(rel, 0, 0, "course.yml needs an 'id' of lowercase letters, digits and hyphens"))
    if not isinstance(title, str) or not title.strip():
        raise CourseError(Diagnostic(rel, 0, 0, "course.yml needs a 'title'"))
    return CourseInfo(
        id=cid,
        title=title.strip(),
        description=str(data.get("description") or "").strip(),
        language=str(data.get("language") or "en"),
    )
