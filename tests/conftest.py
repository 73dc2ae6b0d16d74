"""Fixtures shared by every test folder.

One real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright
for Python; never a browser download) serves the whole run: Playwright's sync
API allows one running instance per thread, so the site's browser tests and
the SCORM tests share it. On CI (``CI`` set) a missing browser, Playwright or
SCORM runtime is a missing install step and fails the run instead of skipping.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# What builds keep between runs (compiled templates, quiz files and seeds as read) goes to a folder
# of this run, not the user's cache (set before courseforge is imported; commands the tests start inherit it).
_CACHE = tempfile.mkdtemp(prefix="courseforge-test-cache-")
os.environ.setdefault("COURSEFORGE_CACHE_DIR", _CACHE)
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SCORM_AGAIN = Path(__file__).resolve().parent / "js" / "node_modules" / "scorm-again" / "dist" / "scorm12.js"


def missing(what: str) -> None:
    """Skip on a developer's machine; fail on CI, where the README's test command installs everything."""
    (pytest.fail if os.environ.get("CI") else pytest.skip)(what)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright for Python is not installed: pip install -e '.[test]'")
    if not Path(CHROMIUM).exists():
        missing("Debian's chromium is not installed: apt-get install -y chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()
