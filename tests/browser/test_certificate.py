"""Passing every module quiz unlocks a printable certificate; the name is text, never HTML."""

from __future__ import annotations

import re

from learner import answer_all_right

NAME = '<img src=x onerror="window.hacked=1">Aïcha Ndiaye'


def pass_quiz(page, base: str, module: str, quiz: str) -> None:
    page.goto(base + module + "/")
    page.wait_for_selector(f"#quiz-{quiz}[data-cf-ready]")
    answer_all_right(page) if quiz == "q-basics" else answer_all_right_as(page, quiz)
    assert page.inner_text(f"#quiz-{quiz} .cf-quiz__summary").endswith("You passed this quiz.")


def answer_all_right_as(page, quiz: str) -> None:
    """The second practice quiz has the same questions under another quiz id."""
    page.evaluate("""quiz => {
        // Re-point the helper's selectors: the question ids are the same, only the quiz id differs.
        document.querySelectorAll(`#quiz-${quiz} [id^="cf-${quiz}-"]`).forEach(e => e.id = e.id.replace(`cf-${quiz}-`, 'cf-q-basics-'));
        // ... and the labels with them, since matching's selects are found by their label.
        document.querySelectorAll(`#quiz-${quiz} label[for^="cf-${quiz}-"]`).forEach(l => l.htmlFor = l.htmlFor.replace(`cf-${quiz}-`, 'cf-q-basics-'));
    }""", quiz)
    answer_all_right(page)


def test_certificate_locked_then_printed(page, sites):
    base = sites["practice"]
    page.goto(base + "certificate/")
    page.wait_for_selector(".cf-cert__locked")
    assert page.inner_text(".cf-cert__locked") == (
        "The certificate unlocks when every module quiz is completed: 0 of 2 so far.")
    assert page.locator(".cf-cert__form").is_hidden()

    pass_quiz(page, base, "01-basics", "q-basics")
    pass_quiz(page, base, "02-exam", "q-exam")

    page.goto(base)
    assert page.inner_text(".cf-progress__text") == "2 of 2 module quizzes completed"
    page.click("text=Get your certificate")
    page.wait_for_selector(".cf-cert__form:not([hidden])")
    assert page.locator(".cf-cert__locked").is_hidden()
    page.fill("#cf-cert-name", NAME)
    page.click(".cf-cert__form button")
    cert = page.locator(".cf-cert")
    assert cert.is_visible()
    assert page.text_content(".cf-cert__name") == NAME
    assert page.locator(".cf-cert img").count() == 0
    assert page.evaluate("window.hacked") is None
    assert page.inner_text(".cf-cert__course") == "Test Course on Migration"
    rows = page.locator(".cf-cert__modules tbody tr").all_inner_texts()
    assert [r.replace("\t", " | ") for r in rows] == ["Basics of migration | Passed (100%)", "Exam module | Passed (100%)"]
    assert re.fullmatch(r"Date: [A-Z][a-z]+ \d{1,2}, \d{4}", page.inner_text(".cf-cert__date"))
    assert page.evaluate("document.activeElement.className") == "cf-btn cf-cert__print"

    # Print: only the certificate shows; Material's header, sidebars and the form do not.
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('.cf-cert__form')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('.cf-cert')).visibility") == "visible"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-content h1')).visibility") == "hidden"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-") and len(pdf) > 1000
    page.emulate_media(media="screen")

    # The name is remembered: coming back shows the certificate again.
    page.reload()
    page.wait_for_selector(".cf-cert:not([hidden])")
    assert page.text_content(".cf-cert__name") == NAME
