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


ORDER = ["Decide to migrate", "Travel", "Settle"]  # the practice ordering's items, in the right order


def order_items(page, name: str, base=None) -> list[str]:
    """The ordering's items as the learner reads them, top to bottom."""
    return page.eval_on_selector_all(f"{(base or q)(name)} [data-cf-item] .cf-order__text",
                                     "els => els.map(e => e.textContent)")


def move_into_order(page, name: str, wanted: list[str], base=None) -> None:
    """Reorder with the keyboard only: focus an item's Move up button (found by the item's text) and press Enter."""
    box = (base or q)(name)
    for pos, text in enumerate(wanted):
        while (at := order_items(page, name, base).index(text)) > pos:
            button = page.locator(f"{box} [data-cf-item]").nth(at).locator('[data-cf-move="-1"]')
            assert button.locator("xpath=ancestor::li[1]").locator(".cf-order__text").inner_text() == text
            button.focus()
            page.keyboard.press("Enter")
            assert page.evaluate("document.activeElement.dataset.cfMove") == "-1"
            assert page.evaluate("document.activeElement.closest('li').querySelector('.cf-order__text').textContent") == text
            assert order_items(page, name, base).index(text) == at - 1


def choose(page, name: str, left: str, right: str, base=None) -> None:
    """Pick, for the left that reads ``left``, the right that reads ``right`` (by their visible labels)."""
    page.locator((base or q)(name)).get_by_label(left, exact=True).select_option(label=right)


def chosen(page, name: str, left: str, base=None) -> str:
    """The visible text of the right chosen for ``left`` ("Choose…" when none)."""
    return page.locator((base or q)(name)).get_by_label(left, exact=True).evaluate("s => s.selectedOptions[0].textContent")


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
    choose(page, "match", "Emigrant", "Person who leaves")
    choose(page, "match", "Immigrant", "Person who arrives")
    check(page, "match")
    move_into_order(page, "order", ORDER)
    check(page, "order")
