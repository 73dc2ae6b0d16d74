"""What a build reads is read again only when its file changed (`serve` rebuilds reuse the rest)."""

from __future__ import annotations

import pytest

from courseforge.diagnostics import CourseError
from courseforge.project import Project
from courseforge.site.course import clear_caches, load_site_course


@pytest.fixture(autouse=True)
def _fresh():
    clear_caches()
    yield
    clear_caches()


def test_an_unchanged_quiz_is_reused_and_an_edited_one_read_again(course):
    first = load_site_course(Project(course))
    quiz = course / "quizzes" / "q-basics.yml"
    # Same size, written at once: only the content tells the edit apart.
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("Check your understanding", "Check your understandinG"),
                    encoding="utf-8")
    second = load_site_course(Project(course))
    assert second.quiz("q-exam") is first.quiz("q-exam")
    assert second.public["q-exam"] is first.public["q-exam"]
    assert second.quiz("q-basics").title == "Check your understandinG"
    assert second.public["q-basics"]["version"] != first.public["q-basics"]["version"]
    clear_caches()
    assert load_site_course(Project(course)) == second


def test_an_edit_that_breaks_a_quiz_stops_the_next_load(course):
    load_site_course(Project(course))
    quiz = course / "quizzes" / "q-exam.yml"
    good = quiz.read_text(encoding="utf-8")
    quiz.write_text(good.replace("pass_mark: 60", "pass_mark: many"), encoding="utf-8")
    with pytest.raises(CourseError) as exc:
        load_site_course(Project(course))
    assert exc.value.diagnostics[0].path == "quizzes/q-exam.yml"
    quiz.write_text(good, encoding="utf-8")
    assert [q.id for q in load_site_course(Project(course)).quizzes] == ["q-basics", "q-exam"]


def test_a_changed_seed_is_read_again(course):
    from courseforge.check import _load_corpus

    project = Project(course)
    first = _load_corpus(project, [])
    assert _load_corpus(project, []) is first
    seed = course / "seeds" / first.documents[0].entry.file
    text = first.documents[0].paragraphs[0].text
    seed.write_text(seed.read_text(encoding="utf-8").replace("a", "o"), encoding="utf-8")
    again = _load_corpus(project, [])
    assert again is not first
    assert again.documents[0].paragraphs[0].text == text.replace("a", "o")
