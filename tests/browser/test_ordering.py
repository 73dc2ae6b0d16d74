"""An ordering question never starts partly solved, and its end buttons say why nothing moved."""

from __future__ import annotations

import pytest

from learner import ORDER, order_items

PAGES = {"q-basics": "01-basics/", "q-exam": "02-exam/"}  # the practice site: both quizzes are practice


def live(page, quiz: str) -> str:
    return page.inner_text(f"#quiz-{quiz} > .cf-sr")


@pytest.mark.parametrize("quiz", PAGES)
def test_no_item_starts_in_its_right_place(page, sites, quiz):
    page.goto(sites["practice"] + PAGES[quiz])
    page.wait_for_selector(f"#quiz-{quiz}[data-cf-ready]")
    shown = order_items(page, "order", base=lambda name: f"#cf-{quiz}-{name}")
    assert sorted(shown) == sorted(ORDER)
    assert [text for text, right in zip(shown, ORDER) if text == right] == []


@pytest.mark.parametrize("quiz", PAGES)
def test_first_and_last_items_announce_they_cannot_move(page, sites, quiz):
    page.goto(sites["practice"] + PAGES[quiz])
    page.wait_for_selector(f"#quiz-{quiz}[data-cf-ready]")
    base = lambda name: f"#cf-{quiz}-{name}"  # noqa: E731
    shown = order_items(page, "order", base=base)
    rows = page.locator(f"{base('order')} [data-cf-item]")

    rows.first.locator('[data-cf-move="-1"]').focus()
    page.keyboard.press("Enter")
    assert live(page, quiz) == f"{shown[0]} is already first."
    assert page.evaluate("document.activeElement.dataset.cfMove") == "-1"
    rows.last.locator('[data-cf-move="1"]').click()
    assert live(page, quiz) == f"{shown[-1]} is already last."
    assert order_items(page, "order", base=base) == shown  # nothing moved
