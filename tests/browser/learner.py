"""What a learner does on a practice quiz page, shared by the browser tests."""

from __future__ import annotations

Q = "#quiz-q-basics"


def q(name: str) -> str:
    return f"#cf-q-basics-{name}"


def feedback(page, name: str) -> str:
    return page.inner_text(f"{q(name)} .cf-q__feedback").strip()


def check(page, name: str) -> str:
    page.click(f"{q(name)} .cf-check")
    return feedback(page, name)


def retry(page, name: str) -> None:
    page.click(f"{q(name)} .cf-retry")


def order_items(page, name: str) -> list[str]:
    return page.eval_on_selector_all(f"{q(name)} [data-cf-item]", "els => els.map(e => e.dataset.cfItem)")


def move_into_order(page, name: str, wanted: list[str]) -> None:
    """Reorder with the keyboard only: focus a Move up button and press Enter."""
    for pos, item in enumerate(wanted):
        while order_items(page, name).index(item) > pos:
            button = page.locator(f'{q(name)} [data-cf-item="{item}"] [data-cf-move="-1"]')
            button.focus()
            page.keyboard.press("Enter")
            assert page.evaluate("document.activeElement.dataset.cfMove") == "-1"
            assert page.evaluate("document.activeElement.closest('li').dataset.cfItem") == item


def answer_all_right(page) -> None:
    page.check(f"{q('capital')}-b")
    check(page, "capital")
    page.check(f"{q('primes')}-two")
    page.check(f"{q('primes')}-three")
    check(page, "primes")
    page.check(f"{q('sky')}-true")
    check(page, "sky")
    page.fill(f"{q('blank')}-input", "remittances")
    check(page, "blank")
    page.fill(f"{q('year')}-input", "2004")
    check(page, "year")
    page.select_option(f"{q('match')}-p1", "p1")
    page.select_option(f"{q('match')}-p2", "p2")
    check(page, "match")
    move_into_order(page, "order", ["i1", "i2", "i3"])
    check(page, "order")
