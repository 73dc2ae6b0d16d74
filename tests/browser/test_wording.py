"""Counts read as the language says them: "1 point", "2 points"; unanswered questions are named."""

from __future__ import annotations

from learner import Q, check, q

E = "#quiz-q-exam"


def test_points_and_unchecked_counts_agree_with_their_number(page, sites):
    page.goto(sites["practice"] + "01-basics/")
    page.wait_for_selector(f"{Q}[data-cf-ready]")
    page.check(f"{q('capital')}-a")
    assert check(page, "capital").startswith("Not quite. 0 of 1 point.\n")
    summary = page.locator(f"{Q} .cf-quiz__summary")
    assert summary.inner_text() == "Score: 0 of 7 points (0%). Pass mark: 60%. 6 questions not checked yet."
    for name, option in (("primes", "two"), ("sky", "true")):
        page.check(f"{q(name)}-{option}")
        check(page, name)
    page.fill(f"{q('blank')}-input", "remittances")
    check(page, "blank")
    page.fill(f"{q('year')}-input", "2004")
    check(page, "year")
    page.click(f"{q('match')} .cf-check")  # no answer: not checked
    page.click(f"{q('order')} .cf-check")
    assert summary.inner_text().endswith(" 1 question not checked yet.")


def test_french_points_use_the_decimal_comma_and_agree(page, french):
    page.goto(french + "01-basics/")
    page.wait_for_selector(f"{Q}[data-cf-ready]")
    page.check(f"{q('primes')}-two")
    assert check(page, "primes").startswith("Réponse partiellement correcte. 0,5 sur 1 point.\n")


def test_assessment_names_the_unanswered_questions(page, sites):
    page.goto(sites["exam"] + "02-exam/")
    page.wait_for_selector(f"{E}[data-cf-ready]")
    page.fill(f"{E} .cf-learner-name", "Amina Diallo")
    page.fill(f"{E} .cf-learner-id", "UN-0042")
    summary = page.locator(f"{E} .cf-quiz__summary")
    page.check("#cf-q-exam-e2-true")
    page.fill("#cf-q-exam-e3-input", "zebraword")
    page.fill("#cf-q-exam-e4-input", "98765")
    page.check("#cf-q-exam-e7-o1")
    page.click(f"{E} .cf-download")
    # e5 (an ordering) always has an order; e1 and e6 are unanswered.
    assert summary.inner_text() == (
        "Questions 1 and 6 have no answer. Select “Download my answers” again to send your answers anyway.")
    page.check("#cf-q-exam-e1-y")
    page.click(f"{E} .cf-download")  # other questions now: asked again, not sent
    assert summary.inner_text() == (
        "Question 6 has no answer. Select “Download my answers” again to send your answers anyway.")
    with page.expect_download():
        page.click(f"{E} .cf-download")
