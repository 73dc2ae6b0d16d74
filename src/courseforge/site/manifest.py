"""The course manifest every page loads (``course.js``) and the list of quizzes (``course-quizzes.js``).

Neither holds a key: the list carries ids, titles, URLs, pass marks, maximum
points and public versions, from the quizzes' public views.
"""

from __future__ import annotations

import hashlib
from typing import Any, Callable

from ..quiz.types.marking import text_rule
from ..quiz.model import Quiz
from . import i18n
from .course import SiteCourse
from .render import script_json

SITE_ASSETS = "assets/courseforge"  # where courseforge's files go in the built site
MANIFEST = f"{SITE_ASSETS}/course.js"
QUIZ_LIST = f"{SITE_ASSETS}/course-quizzes.js"  # loaded by quiz.js only where it is needed


def quiz_entries(course: SiteCourse, public_view: Callable[[Quiz], dict], module_titles: dict[str, str],
                 module_urls: dict[str, str | None]) -> list[dict[str, Any]]:
    """One entry of course-quizzes.js per quiz of the course."""
    out = []
    for quiz in course.quizzes:
        public = public_view(quiz)
        out.append({
            "id": quiz.id,
            "module": quiz.module,
            "module_title": module_titles.get(quiz.module, quiz.module),
            "title": quiz.title,
            "mode": quiz.mode,
            "pass_mark": quiz.pass_mark,
            "version": public["version"],
            "max": sum(q["points"] for q in public["questions"]),
            "count": len(public["questions"]),
            "url": module_urls.get(quiz.module),
        })
    return out


def manifest_files(course: SiteCourse, quizzes: list[dict[str, Any]], language: str,
                   certificate_url: str | None) -> tuple[str, str]:
    """(course-quizzes.js, course.js)."""
    info = course.info
    script, digest = quizzes_script(quizzes)
    return script, course_manifest(
        {"id": info.id, "title": info.title, "language": language},
        digest,
        i18n.js_strings(language),
        certificate_url,
        total=len(quizzes),
        assessment=any(q["mode"] == "assessment" for q in quizzes),
    )


def quizzes_script(quizzes: list[dict[str, Any]]) -> tuple[str, str]:
    """``assets/courseforge/course-quizzes.js`` and its digest: the list of the course's quizzes.

    Only a learner who has progress loads it, on the pages that show it (home
    page, certificate) or have to work it out (after a check, for the
    navigation's marks); a learner who has not started sees those pages as
    built, so the first view of a page does not grow with the course. A script,
    because pages opened from file:// may load scripts but not fetch files.
    """
    data = script_json(quizzes)
    digest = hashlib.sha256(data.encode("utf-8")).hexdigest()[:12]
    return f"window.courseforgeQuizzes={data};\n", digest


def course_manifest(
    course: dict[str, Any],
    quizzes_digest: str,
    strings: dict[str, str],
    certificate_url: str | None,
    total: int = 0,
    assessment: bool = False,
) -> str:
    """``assets/courseforge/course.js``: what every page needs to know about the course.

    Its size does not grow with the course: the quizzes are in
    course-quizzes.js (see :func:`quizzes_script`), named here with the
    digest of their list, and counted (``total``, and whether one is an
    assessment: what the certificate's lock notice says to a learner who has
    not started, without the list). It carries the grader's fill-in rule as
    data, so that practice marks as grading does.
    """
    data = {
        "course": course, "quizzes_script": "course-quizzes.js", "quizzes_digest": quizzes_digest,
        "quizzes_total": total, "quizzes_assessment": assessment,
        "strings": strings, "certificate": certificate_url, "marking": text_rule(),
    }
    return f"window.courseforgeCourse={script_json(data)};\n"
