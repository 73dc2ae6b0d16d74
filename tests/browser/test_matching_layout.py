"""Matching questions fit a 360 px phone (no select wider than its row, no sideways scroll) and show
long answers whole on a desktop."""

from __future__ import annotations

import pytest

from conftest import Server, site_course

SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
LONG = "International Organization for Migration, a related agency"  # as long as the shipped course's answers
M = "#cf-q-basics-match"


@pytest.fixture(scope="module")
def long_answers(tmp_path_factory):
    """The practice course with one long matching answer."""
    from courseforge.project import Project
    from courseforge.site.build import build_site

    root = site_course.make_course(tmp_path_factory.mktemp("long") / "course")
    path = root / "quizzes" / "q-basics.yml"
    text = path.read_text(encoding="utf-8")
    assert "Person who arrives" in text
    path.write_text(text.replace("Person who arrives", LONG), encoding="utf-8")
    build_site(Project(root), root / "site")
    server = Server(root / "site")
    yield server.url
    server.close()


def _open(browser, url, size):
    ctx = browser.new_context(viewport=SIZES[size], is_mobile=size == "phone", has_touch=size == "phone")
    page = ctx.new_page()
    page.goto(url + "01-basics/")
    page.wait_for_selector("#quiz-q-basics[data-cf-ready]")
    return ctx, page


# Each select against its row, and against the width it needs to show its longest answer whole.
MEASURE = """box => [...document.querySelectorAll(box + ' .cf-match__row')].map(row => {
    const s = row.querySelector('select'), r = row.getBoundingClientRect(), b = s.getBoundingClientRect();
    const twin = s.cloneNode(true);
    twin.style.cssText = 'position:absolute;visibility:hidden;width:auto;max-width:none;min-width:0';
    row.appendChild(twin);
    const needed = twin.getBoundingClientRect().width;
    twin.remove();
    return {left: b.left - r.left, right: r.right - b.right, width: b.width, needed: needed};
})"""


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_matching_selects_fit_their_rows(browser, long_answers, size):
    ctx, page = _open(browser, long_answers, size)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
        rows = page.evaluate(MEASURE, M)
        assert len(rows) == 2
        for row in rows:
            assert row["left"] >= 0 and row["right"] >= 0, row  # inside its row
        if size == "desktop":  # room enough: every answer shows whole in the closed select
            for row in rows:
                assert row["width"] >= row["needed"] - 0.5, row
        # Still usable: the long answer can be chosen and reads whole in the list.
        page.locator(M).get_by_label("Immigrant", exact=True).select_option(label=LONG)
        assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
    finally:
        ctx.close()
