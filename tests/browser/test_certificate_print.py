"""The certificate prints whole on one page: A4 portrait and Letter landscape, at phone and desktop sizes."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
NAME = "Aïcha Ndiaye-Fernández de la Torre"

# Every module quiz of the course passed, as quiz.js records it in this browser.
PASS_ALL = """() => {
    const C = window.courseforgeCourse;
    for (const m of window.courseforgeQuizzes) {  // the list of the course's quizzes
        const results = {};
        for (let i = 0; i < m.count; i++) results['q' + i] = i ? 0 : m.max;
        localStorage.setItem(`courseforge:${C.course.id}:quiz:${m.id}:${m.version}`, JSON.stringify({answers: {}, results}));
    }
}"""


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_certificate_prints_on_one_page(browser, sites, size):
    ctx = browser.new_context(viewport=SIZES[size], is_mobile=size == "phone", has_touch=size == "phone")
    try:
        page = ctx.new_page()
        page.goto(sites["practice"] + "certificate/")
        page.wait_for_selector("[data-cf-certificate][data-cf-ready]")
        # A learner who has not started loads no list of quizzes: fetch it to mark them all passed.
        page.add_script_tag(url=sites["practice"] + "assets/courseforge/course-quizzes.js")
        page.wait_for_function("Array.isArray(window.courseforgeQuizzes)")
        page.evaluate(PASS_ALL)
        page.reload()
        page.wait_for_selector(".cf-cert__form:not([hidden])")
        page.fill("#cf-cert-name", NAME)
        page.click(".cf-cert__form button")
        page.wait_for_selector(".cf-cert:not([hidden])")
        page.emulate_media(media="print")
        check(page)
        # A course as long as the shipped one (eight modules and a final assessment) fits too.
        page.evaluate("""() => { const body = document.querySelector('.cf-cert__modules tbody');
            for (let i = 3; i <= 9; i++) { const tr = body.rows[0].cloneNode(true);
                tr.cells[0].textContent = 'Module ' + i + ': migration, development and the rights of migrants';
                body.appendChild(tr); } }""")
        check(page)
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).display") == "none"
    finally:
        ctx.close()


def check(page) -> None:
    """One page on A4 portrait and on Letter landscape, with the whole certificate on it."""
    for options in ({"format": "A4"}, {"format": "Letter", "landscape": True}):
        pdf = page.pdf(**options)
        assert pages(pdf) == 1, options
        text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
        assert NAME in text and "Certificate of completion" in text
        assert "Basics of migration" in text and "Exam module" in text
        assert "Date:" in text
