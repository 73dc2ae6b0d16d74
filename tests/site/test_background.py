"""PendingCourse: the same course and the same errors, forked or inline."""

from __future__ import annotations

import os
import threading

import pytest

from courseforge.diagnostics import CourseError
from courseforge.project import Project
from courseforge.site.background import PendingCourse, _cores
from courseforge.site.course import load_site_course


@pytest.mark.parametrize("fork", [True, False])
def test_same_course_forked_or_inline(course, fork):
    pending = PendingCourse(Project(course), fork=fork)
    assert (pending._pid is not None) == (fork and hasattr(os, "fork") and threading.active_count() == 1
                                          and _cores() > 1)
    got = pending.result()
    want = load_site_course(Project(course))
    assert got == want
    assert [q.id for q in got.quizzes] == ["q-basics", "q-exam"]
    assert pending.result() is got  # awaited once


@pytest.mark.parametrize("fork", [True, False])
def test_errors_come_back_with_their_diagnostics(course, fork):
    quiz = course / "quizzes" / "q-exam.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("pass_mark: 60", "pass_mark: many"), encoding="utf-8")
    with pytest.raises(CourseError) as want:
        load_site_course(Project(course))
    with pytest.raises(CourseError) as got:
        PendingCourse(Project(course), fork=fork).result()
    assert got.value.diagnostics == want.value.diagnostics
    assert got.value.diagnostics[0].path == "quizzes/q-exam.yml"


def test_public_views_come_with_the_course(course):
    from courseforge.quiz.public import public_quiz

    got = PendingCourse(Project(course), fork=True).result()
    assert sorted(got.public) == [q.id for q in got.quizzes] == ["q-basics", "q-exam"]
    assert got.public == {q.id: public_quiz(q) for q in got.quizzes}
