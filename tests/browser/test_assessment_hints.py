"""An assessment page offers no hints (they often name the very paragraph) unless the quiz asks for them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import Server, site_course

E = "#quiz-q-exam"
HINT = "Read paragraph 3 of the HINT-SECRET report."


@pytest.fixture(scope="module")
def hinted_sites(tmp_path_factory):
    """Two exam courses whose assessment questions have hints: one quiz asks to offer them, one does not."""
    from courseforge.project import Project
    from courseforge.quiz.dump import dump_quiz
    from courseforge.quiz.load import load_quiz_file
    from courseforge.site.build import build_site

    urls, servers = {}, []
    for name, offered in (("default", False), ("asked", True)):
        root = site_course.make_course(tmp_path_factory.mktemp(name) / "course", exam=True)
        path = root / "quizzes" / "q-exam.yml"
        quiz, diags = load_quiz_file(path, root)
        assert quiz is not None, diags
        quiz.questions[0].hints = [HINT]
        path.write_text(dump_quiz(replace(quiz, assessment_hints=offered)), encoding="utf-8")
        build_site(Project(root), root / "site")
        servers.append(Server(root / "site"))
        urls[name] = servers[-1].url
    yield urls
    for s in servers:
        s.close()


def test_assessment_shows_no_hints_by_default(page, hinted_sites):
    page.goto(hinted_sites["default"] + "02-exam/")
    page.wait_for_selector(f"{E}[data-cf-ready]")
    assert page.locator(f"{E} .cf-hint").count() == 0
    assert page.locator(f"{E} .cf-hints").count() == 0
    assert "HINT-SECRET" not in page.content()


def test_assessment_offers_hints_when_the_quiz_asks(page, hinted_sites):
    page.goto(hinted_sites["asked"] + "02-exam/")
    page.wait_for_selector(f"{E}[data-cf-ready]")
    page.click("#cf-q-exam-e1 .cf-hint")
    assert page.inner_text("#cf-q-exam-e1 .cf-hints__list li") == f"Hint 1 of 1: {HINT}"
