"""axe-core, run inside Chromium: no serious or critical violation on the learner's pages.

axe.min.js comes from the PyPI package axe-playwright-python (it bundles
axe-core), so no browser or npm download is needed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from learner import Q, check, choose, q

if os.environ.get("CI"):  # on CI a missing package is a missing install step: fail, do not skip
    import axe_playwright_python as axe
else:
    axe = pytest.importorskip("axe_playwright_python")
AXE_JS = (Path(axe.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def violations(page, scheme: str = "default") -> list[str]:
    """Serious and critical violations, as "rule: target" lines."""
    # Colours are audited at rest: Material animates colour changes, and axe would sample mid-way.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    if page.evaluate("typeof window.axe") == "undefined":
        page.add_script_tag(content=AXE_JS)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {n['target']} {n.get('failureSummary', '')[:200]}"
        for v in result["violations"] if v["impact"] in ("serious", "critical")
        for n in v["nodes"]
    ]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_home_and_module_pages(page, sites, scheme):
    page.goto(sites["practice"])
    page.wait_for_selector("[data-cf-progress] .cf-progress__text")
    assert violations(page, scheme) == []
    page.goto(sites["practice"] + "01-basics/")
    page.wait_for_selector(f"{Q}[data-cf-ready]")
    assert violations(page, scheme) == []  # quiz unanswered


def test_quiz_answered_and_with_feedback(page, sites):
    page.goto(sites["practice"] + "01-basics/")
    page.wait_for_selector(f"{Q}[data-cf-ready]")
    page.check(f"{q('capital')}-a")
    page.check(f"{q('primes')}-two")
    page.fill(f"{q('blank')}-input", "remittances")
    choose(page, "match", "Emigrant", "Person who stays")
    assert violations(page) == []  # answered, not yet checked
    for name in ("capital", "primes", "blank", "match", "order"):
        check(page, name)
    page.click(f"{q('capital')} .cf-hint")
    assert violations(page) == []  # feedback, hints and the score shown
    assert violations(page, "slate") == []


def test_assessment_and_certificate_pages(page, sites):
    page.goto(sites["exam"] + "02-exam/")
    page.wait_for_selector("#quiz-q-exam[data-cf-ready]")
    page.click("#quiz-q-exam .cf-download")
    assert violations(page) == []
    page.goto(sites["exam"] + "certificate/")
    page.wait_for_selector(".cf-cert__locked")
    assert violations(page) == []
