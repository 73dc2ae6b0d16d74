"""Numbers read as the course's language writes them; a number that could be read two ways is said, not guessed."""

from __future__ import annotations

import json
import math

import pytest

from learner import Q, check, q

E = "#quiz-q-exam"
SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
AMBIGUOUS = "number_ambiguous"

# What a learner types -> the number meant, or the issue the page reports.
ENGLISH = {
    "123,000": 123000, "1,600": 1600, "98 765": 98765, "1\u202f600": 1600, "1,234,567.25": 1234567.25,
    "3.5": 3.5, ".5": 0.5, "-2": -2, "\u22122.5": -2.5, "+7": 7, "1e3": 1000, "2004": 2004,
    "1,5": AMBIGUOUS, "12,34": AMBIGUOUS, "1.234,5": AMBIGUOUS, "1.2.3": AMBIGUOUS, "1,6000": AMBIGUOUS,
    "two": "not_a_number", "1,600 people": "not_a_number", ",": "not_a_number",
}
FRENCH = {
    "1,5": 1.5, "1 600": 1600, "1\u202f600,25": 1600.25, "1\u00a0600": 1600, "2004": 2004, "-0,5": -0.5,
    "1.5": AMBIGUOUS, "1.600": AMBIGUOUS, "1,600,5": AMBIGUOUS, "deux": "not_a_number",
}


def read_numbers(page, table: dict) -> dict:
    got = page.evaluate("""texts => texts.map(t => {
        const r = window.courseforgeMarking.readNumber(t); return r.issue || r.value; })""", list(table))
    return dict(zip(table, got))


def sized(browser, size: str):
    return browser.new_context(viewport=SIZES[size], is_mobile=size == "phone", has_touch=size == "phone",
                               accept_downloads=True)


def test_english_numbers_are_read_with_commas_between_thousands(page, sites):
    page.goto(sites["practice"] + "01-basics/")
    page.wait_for_selector(f"{Q}[data-cf-ready]")
    assert read_numbers(page, ENGLISH) == ENGLISH


def test_french_numbers_are_read_with_spaces_between_thousands(page, french):
    page.goto(french + "01-basics/")
    page.wait_for_selector(f"{Q}[data-cf-ready]")
    assert read_numbers(page, FRENCH) == FRENCH
    page.fill(f"{q('year')}-input", "2\u202f004,0")
    assert check(page, "year").startswith("Bonne réponse.")
    page.fill(f"{q('year')}-input", "2.004")
    assert check(page, "year") == (
        "«\u00a02.004\u00a0» peut se lire de plusieurs façons. Écrivez les nombres ainsi\u00a0: 1 234,5 "
        "(une espace entre les milliers, une virgule avant les décimales).")


@pytest.mark.parametrize("size", SIZES)
def test_practice_reads_thousands_and_asks_about_ambiguous_numbers(browser, sites, size):
    ctx = sized(browser, size)
    try:
        page = ctx.new_page()
        page.goto(sites["practice"] + "01-basics/")
        page.wait_for_selector(f"{Q}[data-cf-ready]")
        page.fill(f"{q('year')}-input", "2,004")
        assert check(page, "year").startswith("Correct.")
        page.fill(f"{q('year')}-input", "20,04")
        assert check(page, "year") == (
            "“20,04” can be read more than one way. Write numbers like this: 1,234.5 "
            "(a comma between thousands, a point before decimals).")
        assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
    finally:
        ctx.close()


@pytest.mark.parametrize("size", SIZES)
def test_assessment_submits_the_number_meant(browser, sites, tmp_path, size):
    ctx = sized(browser, size)
    try:
        page = ctx.new_page()
        downloads = []
        page.on("download", lambda d: downloads.append(d))
        page.goto(sites["exam"] + "02-exam/")
        page.wait_for_selector(f"{E}[data-cf-ready]")
        page.fill(f"{E} .cf-learner-name", "Amina Diallo")
        page.fill(f"{E} .cf-learner-id", "UN-0042")
        box = "#cf-q-exam-e4"
        # Ambiguous: said beside the box as soon as the learner leaves it, and nothing is downloaded.
        page.fill(f"{box}-input", "98,76")
        page.press(f"{box}-input", "Tab")
        said = ("“98,76” can be read more than one way. Write numbers like this: 1,234.5 "
                "(a comma between thousands, a point before decimals).")
        assert page.inner_text(f"{box} .cf-q__note") == said
        page.click(f"{E} .cf-download")
        assert page.inner_text(f"{E} .cf-quiz__summary") == f"Question 4 of 7: {said}"
        assert page.evaluate("document.activeElement.id") == "cf-q-exam-e4-input"
        page.wait_for_timeout(300)
        assert downloads == []
        assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]

        page.fill(f"{box}-input", "98,765")
        page.press(f"{box}-input", "Tab")
        assert page.inner_text(f"{box} .cf-q__note") == ""
        page.click(f"{E} .cf-download")  # unanswered questions: asks once
        with page.expect_download() as info:
            page.click(f"{E} .cf-download")
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        answer = json.loads(target.read_text(encoding="utf-8"))["answers"]["e4"]
        assert answer == 98765 and not math.isclose(answer, 98.765)
    finally:
        ctx.close()
