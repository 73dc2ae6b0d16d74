"""The offline zip, unzipped and opened from file://: pages, quizzes, progress, search, submission.

Every request any page makes is recorded: none may leave file://.
"""

from __future__ import annotations

from learner import check, q
from test_quiz_assessment import walk_assessment


def only_local(urls: list[str]) -> list[str]:
    return [u for u in urls if not u.startswith(("file://", "data:", "blob:", "about:"))]


def test_offline_walk_from_file_url(page, context, sites, tmp_path):
    base = sites["offline"]
    page.goto(base + "index.html")
    page.wait_for_selector("[data-cf-progress] .cf-progress__text")
    assert page.inner_text(".cf-progress__text") == "0 of 2 module quizzes completed"

    # A link from the home page to a module, a practice question checked, kept after a reload.
    page.click('[data-cf-progress] a:text("Basics of migration")')
    page.wait_for_selector("#quiz-q-basics[data-cf-ready]")
    assert page.url == base + "01-basics.html"
    page.check(f"{q('capital')}-b")
    assert check(page, "capital").startswith("Correct. 1 of 1 point.")
    assert page.get_attribute(f"{q('capital')} .cf-source a", "href").startswith("sources.html#")
    page.reload()
    page.wait_for_selector("#quiz-q-basics[data-cf-ready]")
    assert page.is_checked(f"{q('capital')}-b")
    assert page.inner_text(f"{q('capital')} .cf-q__feedback").startswith("Correct.")

    # Search works from file:// (the local iframe-worker shim runs the search worker).
    page.click(".md-search__input")
    page.keyboard.type("zanzibarian")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert "Basics of migration" in page.inner_text(".md-search-result__list")

    # The assessment ends in a downloaded submission here too.
    walk_assessment(page, base, tmp_path, sites["exam_dir"])

    assert only_local(context.requests.urls) == []
    assert any(u.endswith("iframe-worker-shim.js") for u in context.requests.urls)
    assert any(u.endswith("search/search_index.js") for u in context.requests.urls)


def test_online_pages_request_only_their_own_host(page, context, sites):
    base = sites["practice"]
    for path in ("", "01-basics/", "certificate/", "sources/"):
        page.goto(base + path)
        page.wait_for_load_state("load")
    page.click(".md-search__input")
    page.keyboard.type("remittances")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert [u for u in context.requests.urls if not u.startswith(base)] == []


def test_old_browser_without_resize_observer_stays_local(browser, sites):
    """Material fetches a ResizeObserver polyfill from a CDN when the browser lacks one; ours is local."""
    ctx = browser.new_context()
    ctx.add_init_script("delete window.ResizeObserver")
    urls: list[str] = []
    ctx.on("request", lambda r: urls.append(r.url))
    try:
        page = ctx.new_page()
        page.goto(sites["practice"] + "01-basics/")
        page.wait_for_selector("#quiz-q-basics[data-cf-ready]")
        assert page.evaluate("typeof ResizeObserver") == "function"
        assert any(u.endswith("/assets/courseforge/resize-observer.js") for u in urls)
        assert [u for u in urls if not u.startswith(sites["practice"])] == []
    finally:
        ctx.close()


def test_modern_browser_loads_no_polyfill(page, context, sites):
    page.goto(sites["practice"] + "01-basics/")
    page.wait_for_selector("#quiz-q-basics[data-cf-ready]")
    assert not any(u.endswith("resize-observer.js") for u in context.requests.urls)
