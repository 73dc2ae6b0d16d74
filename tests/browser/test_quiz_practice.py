"""A learner's walk through a practice quiz: every type right and wrong, hints, reload, progress."""

from __future__ import annotations

import re

from courseforge.quiz.load import load_quiz_file
from courseforge.quiz.public import public_alias
from learner import ORDER, Q, answer_all_right, check, choose, chosen, feedback, move_into_order, order_items, q, retry


def practice_questions(sites) -> dict:
    quiz, diags = load_quiz_file(sites["practice_dir"] / "quizzes" / "q-basics.yml")
    assert quiz is not None, diags
    return {x.id: x for x in quiz.questions}


def test_each_type_wrong_then_right_with_feedback(page, sites):
    page.goto(sites["practice"] + "01-basics/")
    page.wait_for_selector(f"{Q}[data-cf-ready]")

    # single, by keyboard alone: Space picks the focused option, Tab reaches "Check answer".
    page.focus(f"{q('capital')}-a")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check answer"
    page.keyboard.press("Enter")
    text = feedback(page, "capital")
    assert text.startswith("Not quite. 0 of 1 point.")
    assert "Explanation" in text and "Paris is the capital." in text
    assert page.inner_text(f'{q("capital")} [data-cf-opt="a"] .cf-opt__fb') == "Your choice is wrong. Lyon is the third city."
    link = page.get_attribute(f"{q('capital')} .cf-source a", "href")
    assert re.fullmatch(r"\.\./sources/#[a-z0-9-]+-[a-z0-9-]+", link), link
    retry(page, "capital")
    assert feedback(page, "capital") == ""
    assert not page.is_checked(f"{q('capital')}-a")
    page.check(f"{q('capital')}-b")
    assert check(page, "capital").startswith("Correct. 1 of 1 point.")
    assert page.inner_text(f'{q("capital")} [data-cf-opt="b"] .cf-opt__fb') == "Your choice is right. Yes, Paris."

    # multiple: partial marking (right minus wrong over the right ones)
    page.check(f"{q('primes')}-two")
    page.check(f"{q('primes')}-four")
    assert check(page, "primes").startswith("Not quite. 0 of 1 point.")
    assert page.inner_text(f'{q("primes")} [data-cf-opt="four"] .cf-opt__fb') == "Your choice is wrong. 4 = 2 × 2."
    page.uncheck(f"{q('primes')}-four")
    assert check(page, "primes").startswith("Partly correct. 0.5 of 1 point.")
    page.check(f"{q('primes')}-three")
    assert check(page, "primes").startswith("Correct. 1 of 1 point.")

    # true/false, with the author's feedback for "false"
    page.check(f"{q('sky')}-false")
    assert check(page, "sky").startswith("Not quite.")
    assert page.inner_text(f'{q("sky")} [data-cf-opt="false"] .cf-opt__fb') == "Your choice is wrong. They are exactly that."
    page.check(f"{q('sky')}-true")
    assert check(page, "sky").startswith("Correct.")

    # fill in the blank: compared as the grader compares
    page.fill(f"{q('blank')}-input", "money")
    assert check(page, "blank").startswith("Not quite.")
    page.fill(f"{q('blank')}-input", "  Remittances. ")  # case, spaces and a final full stop do not count
    page.press(f"{q('blank')}-input", "Enter")  # Enter checks
    assert feedback(page, "blank").startswith("Correct.")

    # numeric: not a number, wrong, right (unit shown beside the box)
    assert page.inner_text(f"{q('year')} .cf-unit") == "year"
    page.fill(f"{q('year')}-input", "two thousand")
    assert check(page, "year") == "Please type a number, for example 3.5."
    page.fill(f"{q('year')}-input", "2005")
    assert check(page, "year").startswith("Not quite.")
    page.fill(f"{q('year')}-input", "2004")
    assert check(page, "year").startswith("Correct.")

    # matching with selects, chosen by their visible text: one of two right is half the points
    row = f'{q("match")} .cf-match__row:has(> label:text-is("%s")) .cf-opt__fb'
    choose(page, "match", "Emigrant", "Person who stays")  # the distractor
    choose(page, "match", "Immigrant", "Person who arrives")
    assert check(page, "match").startswith("Partly correct. 0.5 of 1 point.")
    assert page.inner_text(row % "Emigrant") == "Your choice is wrong."
    assert page.inner_text(row % "Immigrant") == "Your choice is right."
    choose(page, "match", "Emigrant", "Person who arrives")  # a right that belongs to the other left
    assert check(page, "match").startswith("Partly correct. 0.5 of 1 point.")
    assert page.inner_text(row % "Emigrant") == "Your choice is wrong."
    choose(page, "match", "Emigrant", "Person who leaves")
    assert check(page, "match").startswith("Correct.")
    assert page.inner_text(row % "Emigrant") == "Your choice is right."

    # ordering: never starts in the right order; move buttons announce the new position
    shown = order_items(page, "order")
    assert sorted(shown) == sorted(ORDER) and shown != ORDER
    # Each item in its right place earns a third of the point, as the grader counts it.
    placed = sum(1 for want, got in zip(ORDER, shown) if want == got)
    verdict = "Partly correct." if placed else "Not quite."
    assert check(page, "order").startswith(f"{verdict} {round(placed / 3, 2):g} of 1 point.")
    move_into_order(page, "order", ORDER)
    assert re.fullmatch(r".+: now at position \d of 3\.", page.inner_text(f"{Q} > .cf-sr"))
    assert check(page, "order").startswith("Correct.")

    summary = page.inner_text(f"{Q} .cf-quiz__summary")
    assert summary == "Score: 7 of 7 points (100%). Pass mark: 60%. You passed this quiz."


def test_hints_one_at_a_time(page, sites):
    page.goto(sites["practice"] + "01-basics/")
    page.wait_for_selector(f"{Q}[data-cf-ready]")
    hints = page.locator(f"{q('capital')} .cf-hints__list li")
    assert hints.nth(0).is_hidden() and hints.nth(1).is_hidden()
    page.click(f"{q('capital')} .cf-hint")
    assert hints.nth(0).inner_text() == "Hint 1 of 2: It is on the Seine."
    assert hints.nth(1).is_hidden()
    page.click(f"{q('capital')} .cf-hint")
    assert hints.nth(1).inner_text() == "Hint 2 of 2: It has the Eiffel Tower."
    assert page.locator(f"{q('capital')} .cf-hint").is_hidden()
    assert page.evaluate("document.activeElement.textContent") == "Hint 2 of 2: It has the Eiffel Tower."


def test_reload_keeps_progress_and_marks_navigation(page, sites):
    page.goto(sites["practice"] + "01-basics/")
    page.wait_for_selector(f"{Q}[data-cf-ready]")
    answer_all_right(page)
    page.check(f"{q('capital')}-a")  # an unchecked change is kept too
    page.reload()
    page.wait_for_selector(f"{Q}[data-cf-ready]")
    assert page.is_checked(f"{q('capital')}-a")
    assert page.input_value(f"{q('blank')}-input") == "remittances"
    assert chosen(page, "match", "Emigrant") == "Person who leaves"
    assert chosen(page, "match", "Immigrant") == "Person who arrives"
    # What was kept is the alias of the chosen text, not an author id.
    practice = practice_questions(sites)
    assert page.input_value(f"{q('match')}-p1") == public_alias(practice["match"], "Person who leaves")
    assert order_items(page, "order") == ORDER
    assert page.eval_on_selector_all(f"{q('order')} [data-cf-item]", "els => els.map(e => e.dataset.cfItem)") == [
        public_alias(practice["order"], text) for text in ORDER]
    assert feedback(page, "year").startswith("Correct.")
    assert page.inner_text(f"{Q} .cf-quiz__summary").endswith("You passed this quiz.")
    # The navigation marks the module completed, with words for screen readers.
    mark = page.locator('a.md-nav__link:has-text("Basics of migration") .cf-done')
    assert mark.count() >= 1
    assert page.locator('a.md-nav__link:has-text("Exam module") .cf-done').count() == 0
    assert page.locator('a.md-nav__link:has-text("After the quiz") .cf-done').count() == 0
    assert mark.first.text_content() == "✓ (completed)"

    # Home page: progress bar and per-module status; reset erases everything.
    page.goto(sites["practice"])
    box = page.locator("[data-cf-progress]")
    assert box.locator(".cf-progress__text").inner_text() == "1 of 2 module quizzes completed"
    assert page.get_attribute(".cf-bar", "aria-valuenow") == "1"
    items = box.locator("li").all_inner_texts()
    assert items == ["Basics of migration: Passed (100%)", "Exam module: Not started"]
    page.once("dialog", lambda d: d.accept())
    page.click(".cf-reset")
    assert box.locator(".cf-progress__text").inner_text() == "0 of 2 module quizzes completed"
    assert page.inner_text(".cf-reset-status") == "Your progress was erased."
    page.goto(sites["practice"] + "01-basics/")
    page.wait_for_selector(f"{Q}[data-cf-ready]")
    assert not page.is_checked(f"{q('capital')}-a")
    assert feedback(page, "year") == ""


def test_instant_navigation_initialises_each_page(page, sites):
    page.goto(sites["practice"])
    page.wait_for_selector("[data-cf-progress] .cf-progress__text")
    assert page.evaluate("typeof window.document$") == "object"
    page.click('[data-cf-progress] a:text("Basics of migration")')
    page.wait_for_selector(f"{Q}[data-cf-ready]")
    page.check(f"{q('capital')}-b")
    assert check(page, "capital").startswith("Correct.")
    # Back to the home page without a reload: the progress panel is drawn again.
    page.go_back()
    page.wait_for_selector("[data-cf-progress] .cf-progress__text")
    assert page.inner_text("[data-cf-progress] li >> nth=0") == "Basics of migration: Started"


def test_phone_layout_has_no_horizontal_scroll(browser, sites):
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = ctx.new_page()
        page.goto(sites["practice"] + "01-basics/")
        page.wait_for_selector(f"{Q}[data-cf-ready]")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.tap(f"{q('capital')}-b")
        page.tap(f"{q('capital')} .cf-check")
        assert feedback(page, "capital").startswith("Correct.")
    finally:
        ctx.close()
