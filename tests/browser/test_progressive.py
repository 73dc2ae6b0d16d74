"""Without JavaScript the page still reads; an edited quiz never shows stale answers."""

from __future__ import annotations

from conftest import Server, site_course

from courseforge.project import Project
from courseforge.site.build import build_site


def test_module_readable_without_javascript(browser, sites):
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(sites["practice"] + "01-basics/")
        assert "the word zanzibarian appears only here" in page.inner_text("article")
        assert "This quiz needs JavaScript. The module text above can be read without it." in page.inner_text("#quiz-q-basics")
        # Questions are readable; buttons that need the script are not shown.
        assert page.is_visible("text=Which city is the capital of France?")
        assert page.locator(".cf-check").first.is_hidden()
        assert page.locator(".cf-move").first.is_hidden()
        page.goto(sites["practice"])
        assert page.is_visible("text=Your progress is shown here when JavaScript is on.")
    finally:
        ctx.close()


def test_edited_quiz_starts_fresh(page, tmp_path):
    course = site_course.make_course(tmp_path / "course")
    site = tmp_path / "site"
    build_site(Project(course), site)
    server = Server(site)
    try:
        page.goto(server.url + "01-basics/")
        page.wait_for_selector("#quiz-q-basics[data-cf-ready]")
        page.check("#cf-q-basics-capital-b")
        page.click("#cf-q-basics-capital .cf-check")
        page.reload()
        page.wait_for_selector("#quiz-q-basics[data-cf-ready]")
        assert page.is_checked("#cf-q-basics-capital-b")

        # A visible edit gives the quiz a new version: the old answers are not shown against it.
        quiz = course / "quizzes" / "q-basics.yml"
        quiz.write_text(quiz.read_text(encoding="utf-8").replace("Which city is the capital of France?",
                                                                  "Which city is the capital of the French Republic?"),
                        encoding="utf-8")
        build_site(Project(course), site)
        page.reload()
        page.wait_for_selector("#quiz-q-basics[data-cf-ready]")
        assert page.is_visible("text=Which city is the capital of the French Republic?")
        assert not page.is_checked("#cf-q-basics-capital-b")
        assert page.inner_text("#cf-q-basics-capital .cf-q__feedback") == ""
    finally:
        server.close()


def test_french_learner_sees_french_feedback(page, tmp_path):
    course = site_course.make_course(tmp_path / "fr", language="fr")
    build_site(Project(course), tmp_path / "site")
    server = Server(tmp_path / "site")
    try:
        page.goto(server.url + "01-basics/")
        page.wait_for_selector("#quiz-q-basics[data-cf-ready]")
        page.check("#cf-q-basics-capital-b")
        page.click("#cf-q-basics-capital .cf-check")
        assert page.inner_text("#cf-q-basics-capital .cf-q__feedback").startswith("Bonne réponse. 1 sur 1 point.")
        assert page.inner_text("#cf-q-basics-capital [data-cf-opt='b'] .cf-opt__fb") == "Votre choix est juste. Yes, Paris."
        page.goto(server.url)
        assert page.inner_text(".cf-progress__text") == "0 sur 2 quiz de module terminés"
    finally:
        server.close()
