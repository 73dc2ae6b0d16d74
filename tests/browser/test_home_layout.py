"""The home page: the progress panel takes its place before the script fills it (no layout shift), a
learner who has not started loads no list of quizzes, the modules table fits a phone, counts agree with
their number, and French puts no-break spaces before its colons, semicolons, question and exclamation marks."""

from __future__ import annotations

import re
import pytest

from conftest import Server, site_course
from learner import Q, check, q

SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}

# A home page like the shipped one: an introduction, the panel, then sections and the modules table.
HOME = """---
title: Home
---

# Test Course on Migration

A self-paced course on migration and development, with two modules and a practice quiz in each.

## How to study this course

1. Take the modules in order. Each one has an overview, key readings, facts and a practice quiz.
2. Read the quoted passages carefully; each names its document and paragraph.
3. Do the practice quiz at the end of each module, as often as you like.

## Modules

| # | Module | Study time | Quiz |
| --- | --- | --- | --- |
| 1 | [Basics of migration](01-basics.md) | 20 min | 7 questions |
| 2 | Exam module | 20 min | 7 questions |
| 3 | Transnational communities, diasporas and remittances | 15 min | 3 questions |
| 4 | A social perspective: public perceptions and the well-being of migrants | 15 min | 8 questions (graded) |
"""

# Every layout shift from the start of the page, as Chromium reports them (none after input here).
CLS = """window.__cls = 0;
new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
  .observe({type: 'layout-shift', buffered: true});"""


def _build(root, *, one_quiz=False):
    from courseforge.project import Project
    from courseforge.site.build import build_site

    (root / "modules" / "index.md").write_text(HOME, encoding="utf-8")
    if one_quiz:
        (root / "quizzes" / "q-exam.yml").unlink()
        (root / "modules" / "02-exam.md").unlink()
    build_site(Project(root), root / "site")
    return Server(root / "site")


@pytest.fixture(scope="module")
def homes(tmp_path_factory):
    servers = {
        "course": _build(site_course.make_course(tmp_path_factory.mktemp("home") / "course")),
        "one": _build(site_course.make_course(tmp_path_factory.mktemp("one") / "course"), one_quiz=True),
        "fr": _build(site_course.make_course(tmp_path_factory.mktemp("fr") / "course", language="fr")),
    }
    yield {k: s.url for k, s in servers.items()}
    for s in servers.values():
        s.close()


def sized(browser, size):
    return browser.new_context(viewport=SIZES[size], is_mobile=size == "phone", has_touch=size == "phone")


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_progress_panel_does_not_shift_the_page(browser, homes, size):
    ctx = sized(browser, size)
    try:
        page = ctx.new_page()
        page.add_init_script(CLS)
        # A phone on a slow network: the page is drawn before the quiz script arrives. The script is
        # held back, the page drawn and measured, then the script runs.
        page.route("**/assets/courseforge/quiz.js", lambda route: route.abort())
        page.goto(homes["course"])
        page.wait_for_timeout(200)
        below = "document.querySelector('#how-to-study-this-course').getBoundingClientRect().top"
        before = page.evaluate(below)
        page.unroute("**/assets/courseforge/quiz.js")
        page.add_script_tag(url=homes["course"] + "assets/courseforge/quiz.js")
        page.wait_for_function("window.courseforgeMarking")
        page.wait_for_timeout(300)
        assert abs(page.evaluate(below) - before) < 1  # what follows the panel stays where it was drawn
        assert page.evaluate("window.__cls") < 0.1
        assert page.inner_text(".cf-progress__text") == "0 of 2 module quizzes completed"
        assert page.locator(".cf-progress__list li").all_inner_texts() == [
            "Basics of migration: Not started", "Exam module: Not started"]
    finally:
        ctx.close()


LIST = "assets/courseforge/course-quizzes.js"


def test_only_a_learner_with_progress_loads_the_list_of_quizzes(page, homes):
    base = homes["course"]
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(base)
    page.wait_for_function("window.courseforgeMarking")
    page.goto(base + "certificate/")
    page.wait_for_selector("[data-cf-certificate][data-cf-ready]")
    assert page.inner_text(".cf-cert__locked") == "The certificate unlocks when every module quiz is passed: 0 of 2 so far."
    assert not [u for u in asked if u.endswith(LIST)]  # the pages as built say all a new learner needs
    # The panel's reset button works before any list is loaded.
    page.goto(base)
    page.once("dialog", lambda d: d.accept())
    page.click(".cf-reset")
    assert page.inner_text(".cf-reset-status") == "Your progress was erased."
    assert page.inner_text(".cf-progress__text") == "0 of 2 module quizzes completed"
    # Progress in this browser: the home page loads the list and shows it.
    page.goto(base + "01-basics/")
    page.wait_for_selector(f"{Q}[data-cf-ready]")
    page.check(f"{q('capital')}-b")
    check(page, "capital")
    page.goto(base)
    page.wait_for_function("Array.isArray(window.courseforgeQuizzes)")
    assert [u for u in asked if u.endswith(LIST)]
    assert page.locator(".cf-progress__list li").all_inner_texts()[0] == "Basics of migration: Started"


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_modules_table_fits_the_screen(browser, homes, size):
    ctx = sized(browser, size)
    try:
        page = ctx.new_page()
        page.goto(homes["course"])
        page.wait_for_selector("[data-cf-progress] .cf-progress__text")
        width = SIZES[size]["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        table = page.evaluate("""() => { const t = document.querySelector('.md-content table');
            const wrap = t.closest('.md-typeset__scrollwrap') || t.parentElement;
            return {right: t.getBoundingClientRect().right, scroll: wrap.scrollWidth, client: wrap.clientWidth,
                    own: t.scrollWidth - t.clientWidth}; }""")
        assert table["right"] <= width and table["scroll"] <= table["client"] and table["own"] <= 0, table
    finally:
        ctx.close()


def test_one_module_quiz_is_counted_in_the_singular(page, homes):
    page.goto(homes["one"])
    page.wait_for_selector("[data-cf-progress] .cf-progress__text")
    assert page.inner_text(".cf-progress__text") == "0 of 1 module quiz completed"
    assert page.get_attribute(".cf-bar", "aria-valuetext") == "0 of 1 module quiz completed"


NBSP = "\u00a0\u202f"
BAD = re.compile(rf"[^{NBSP}][:;?!](?:\s|$)|[ \t\n][:;?!]")  # a mark after anything but a no-break space


def test_french_interface_puts_no_break_spaces_before_its_marks(page, homes):
    base = homes["fr"]
    page.goto(base)
    page.wait_for_selector("[data-cf-progress] .cf-progress__text")
    assert page.inner_text(".cf-progress__text") == "0 sur 2 quiz de module terminés"
    rows = page.locator(".cf-progress__list li").all_inner_texts()
    assert rows[0] == "Basics of migration\u00a0: Pas commencé"
    page.goto(base + "01-basics/")
    page.wait_for_selector(f"{Q}[data-cf-ready]")
    intro = page.inner_text(f"{Q} .cf-quiz__intro")
    assert intro.startswith("Quiz d’entraînement\u00a0: ") and intro.endswith("Seuil de réussite\u00a0: 60\u00a0%.")
    page.click(f"{q('capital')} .cf-hint")
    assert page.inner_text(f"{q('capital')} .cf-hints__list li").startswith("Indice 1 sur 2\u00a0: ")
    page.check(f"{q('capital')}-b")
    text = check(page, "capital")
    assert "Source\u00a0: " in text
    page.fill(f"{q('year')}-input", "1.600")
    assert "«\u00a01.600\u00a0»" in check(page, "year")
    # Only the interface's own words: the test course's prompts and options are in English.
    words = page.evaluate("""() => [...document.querySelectorAll(
        '.cf-quiz__intro, .cf-help, .cf-q__num, .cf-q__feedback > p, .cf-hints__list strong, .cf-source, .cf-quiz__summary')]
        .map(e => e.firstChild && e.firstChild.nodeType === 3 ? e.firstChild.textContent : e.textContent)""")
    for w in words:
        assert not BAD.search(w.replace("Which city is the capital of France?", "")), w
    page.goto(base + "certificate/")
    locked = page.inner_text(".cf-cert__locked")
    assert "\u00a0: 0 sur 2" in locked and not BAD.search(locked)
