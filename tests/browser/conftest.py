"""Browser tests of the learning site, in the session's Chromium (the ``browser`` fixture of tests/conftest.py).

Sites are built once per session from the small course of tests/site/conftest.py
and served from a local http.server thread on 127.0.0.1; the offline zip is
unzipped and opened from file://. Each test gets a fresh browser context (so
a fresh localStorage) that records every request the pages make.
"""

from __future__ import annotations

import functools
import importlib.util
import sys
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # learner.py: shared learner steps

_spec = importlib.util.spec_from_file_location("site_course", Path(__file__).resolve().parents[1] / "site" / "conftest.py")
site_course = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(site_course)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass

    def send_head(self):
        # Last-Modified has whole seconds: a page rebuilt within the second the browser loaded it
        # would be answered "304 Not Modified". Tests that rebuild a site must see the new page.
        del self.headers["If-Modified-Since"]
        return super().send_head()


class Server:
    def __init__(self, root: Path):
        handler = functools.partial(_Quiet, directory=str(root))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def sites(tmp_path_factory):
    """Built sites: practice course (http), exam course (http), offline zip of the exam course (file://)."""
    from courseforge.project import Project
    from courseforge.site.build import build_offline_zip, build_site

    base = tmp_path_factory.mktemp("sites")
    practice = site_course.make_course(base / "practice")
    exam = site_course.make_course(base / "exam", exam=True)
    build_site(Project(practice), practice / "site")
    build_site(Project(exam), exam / "site")
    zip_path = base / "offline.zip"
    build_offline_zip(Project(exam), zip_path)
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(base / "unzipped")
    servers = {"practice": Server(practice / "site"), "exam": Server(exam / "site")}
    yield {
        "practice": servers["practice"].url,
        "exam": servers["exam"].url,
        "offline": (base / "unzipped" / site_course.COURSE_ID).as_uri() + "/",
        "zip": zip_path,
        "practice_dir": practice,
        "exam_dir": exam,
        "offline_dir": base / "unzipped" / site_course.COURSE_ID,
    }
    for s in servers.values():
        s.close()


@pytest.fixture(scope="session")
def french(tmp_path_factory):
    """The practice course in French (theme.language: fr), served over http: its URL."""
    from courseforge.project import Project
    from courseforge.site.build import build_site

    root = site_course.make_course(tmp_path_factory.mktemp("fr") / "course", language="fr")
    build_site(Project(root), root / "site")
    server = Server(root / "site")
    yield server.url
    server.close()


class Recorder:
    """Every URL a page asked for."""

    def __init__(self):
        self.urls: list[str] = []

    def __call__(self, request):
        self.urls.append(request.url)


@pytest.fixture
def context(browser, tmp_path):
    ctx = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    ctx.requests = Recorder()
    ctx.on("request", ctx.requests)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    p = context.new_page()
    p.errors = []
    p.on("pageerror", lambda exc: p.errors.append(str(exc)))
    yield p
    assert p.errors == [], f"JavaScript errors: {p.errors}"
