"""The SCORM package under a real SCORM 1.2 runtime (scorm-again) acting as the LMS, in Chromium.

The test page, served from 127.0.0.1, creates ``window.API = new Scorm12API(...)``
from scorm-again's dist file (installed by ``npm ci --prefix tests/js``) and
frames the package's launch page; the learner reports quiz results inside
the site frame and changes page; the test reads the data model back from
the runtime. Without an API the launch page must leave the learner on the
plain site.
"""

from __future__ import annotations

import functools
import io
import json
import os
import shutil
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from courseforge.course import CourseInfo
from courseforge.export.scorm import package

from .conftest import make_quizzes
from .scorm_site import write_site

SCORM_AGAIN = Path(__file__).resolve().parents[1] / "js" / "node_modules" / "scorm-again" / "dist" / "scorm12.js"


def missing(what: str) -> None:
    """Skip on a developer's machine; fail on CI, whose test command runs `npm ci --prefix tests/js`."""
    (pytest.fail if os.environ.get("CI") else pytest.skip)(what)

LMS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="scorm12.js"></script>
<script>
  window.calls = { LMSInitialize: 0, LMSFinish: 0, LMSCommit: 0 };
  var api = new Scorm12API({ autocommit: false, logLevel: 5 });
  /*PRELOAD*/
  ["LMSInitialize", "LMSFinish", "LMSCommit"].forEach(function (name) {
    var real = api[name].bind(api);
    api[name] = function () { window.calls[name]++; return real.apply(null, arguments); };
  });
  window.sets = [];  // every LMSSetValue, to read back write-only elements such as cmi.core.exit
  var realSet = api.LMSSetValue.bind(api);
  api.LMSSetValue = function (element, value) { window.sets.push([element, value]); return realSet(element, value); };
  window.API = api;
</script></head>
<body><iframe id="sco" src="pkg/launch.html" style="width:100%;height:600px;border:0"></iframe></body></html>
"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def served(tmp_path):
    if not SCORM_AGAIN.is_file():
        missing("scorm-again is not installed: run `npm ci --prefix tests/js`")
    root = tmp_path / "www"
    root.mkdir()
    data, _ = package(write_site(tmp_path / "site"), CourseInfo("mig", "Migration"), make_quizzes())
    zipfile.ZipFile(io.BytesIO(data)).extractall(root / "pkg")
    shutil.copy(SCORM_AGAIN, root / "scorm12.js")
    (root / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    context.close()


def _cmi(page, element):
    return page.evaluate(f"window.API.cmi.{element}")


def test_quiz_results_reach_the_lms_and_the_session_survives_page_changes(served, page):
    page.goto(served + "lms.html")
    site = page.frame_locator("#sco").frame_locator("#cf-site")
    site.locator("h1").filter(has_text="Home").wait_for()
    assert page.evaluate("window.calls.LMSInitialize") == 1
    assert _cmi(page, "core.lesson_status") == "incomplete"

    site.locator("#half").click()  # 50% of the only practice quiz: below the mastery score of 70
    assert site.locator("#out").text_content() == "reported"
    assert (_cmi(page, "core.score.raw"), _cmi(page, "core.score.min"), _cmi(page, "core.score.max")) == ("50", "0", "100")
    assert _cmi(page, "core.lesson_status") == "failed"  # every practice quiz tried, below mastery

    site.locator("#next").click()  # change page inside the frame
    site.locator("h1").filter(has_text="Page two").wait_for()
    assert _cmi(page, "core.lesson_location") == "site/module/page2.html"
    site.locator("#full").click()
    assert site.locator("#out").text_content() == "reported"
    assert _cmi(page, "core.score.raw") == "100"
    assert _cmi(page, "core.lesson_status") == "passed"
    site.locator("#submit").click()  # an assessment has no score in the browser: raw stays
    assert _cmi(page, "core.score.raw") == "100"
    assert page.evaluate("[window.calls.LMSInitialize, window.calls.LMSFinish]") == [1, 0]
    assert page.evaluate("JSON.parse(window.API.cmi.suspend_data)") == {
        "v": 1, "c": 2, "t": 2, "q": {"nexus-check": {"p": 100, "ok": True}, "costs-quiz": {"p": None, "ok": False}}}

    # Leaving the course ends the session once.
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.calls.LMSFinish === 1")
    assert page.evaluate("[window.calls.LMSInitialize, window.calls.LMSFinish]") == [1, 1]
    sets = dict(page.evaluate("window.sets"))  # the last value set for each element
    assert sets["cmi.core.exit"] == ""  # passed: nothing to resume
    assert sets["cmi.core.session_time"].startswith("0000:00:")
    assert _cmi(page, "core.lesson_status") == "passed"
    assert page.errors == []


def test_a_new_session_resumes_where_the_learner_left(served, page, tmp_path):
    saved = {"v": 1, "c": 0, "t": 2, "q": {"nexus-check": {"p": 75, "ok": True}}}
    preload = ('api.loadFromJSON({core: {lesson_location: "site/module/page2.html", lesson_status: "passed"}, '
               f"suspend_data: {json.dumps(json.dumps(saved))}}}, 'cmi');")
    root = tmp_path / "www"
    (root / "resume.html").write_text(LMS_PAGE.replace("/*PRELOAD*/", preload), encoding="utf-8")
    page.goto(served + "resume.html")
    site = page.frame_locator("#sco").frame_locator("#cf-site")
    site.locator("h1").filter(has_text="Page two").wait_for()  # back on the page left last time
    assert _cmi(page, "core.lesson_status") == "passed"  # not reset to incomplete
    page.frame_locator("#sco").frame_locator("#cf-site").locator("#next").click()
    site.locator("h1").filter(has_text="Home").wait_for()
    site.locator("#half").click()  # a worse result later does not lower the best one
    assert _cmi(page, "core.score.raw") == "75"
    assert _cmi(page, "core.lesson_status") == "passed"
    assert page.evaluate("window.calls.LMSInitialize") == 1
    assert page.errors == []


def test_without_an_lms_the_package_is_the_plain_site(served, page):
    page.goto(served + "pkg/launch.html")
    page.wait_for_url("**/pkg/site/index.html")
    assert page.locator("h1").text_content() == "Home"
    assert page.evaluate("typeof window.courseforgeLMS") == "undefined"
    page.locator("#half").click()
    assert page.locator("#out").text_content() == "not reported"
    page.locator("#next").click()
    page.wait_for_url("**/pkg/site/module/page2.html")
    assert page.errors == []


def _load(name: str, path: Path):
    import importlib.util

    if not path.is_file():
        pytest.skip(f"{path} is not there")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _InFrame:
    """A frame that answers to the learner steps written for a page (they also use the keyboard)."""

    def __init__(self, page, frame):
        self._frame = frame
        self.keyboard = page.keyboard

    def __getattr__(self, name):
        return getattr(self._frame, name)


def test_real_site_quiz_passes_under_the_lms(tmp_path, page):
    """The built course site (offline build, real quiz.js) framed by the launch page under scorm-again."""
    if not SCORM_AGAIN.is_file():
        missing("scorm-again is not installed: run `npm ci --prefix tests/js`")
    learner = _load("learner_for_scorm", Path(__file__).resolve().parents[1] / "browser" / "learner.py")
    root = _real_package(tmp_path)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/lms.html")
        page.frame_locator("#sco").frame_locator("#cf-site").locator("body").wait_for()
        site = page.frame_locator("#sco").frame_locator("#cf-site")
        site.locator("a[href$='01-basics.html']").first.click()  # a page change inside the frame
        site.locator(learner.Q).wait_for()
        frame = next(f for f in page.frames if f.url.endswith("/01-basics.html"))
        learner.answer_all_right(_InFrame(page, frame))
        assert _cmi(page, "core.score.raw") == "100"
        assert _cmi(page, "core.lesson_status") == "passed"
        assert _cmi(page, "core.lesson_location") == "site/01-basics.html"
        site.locator("a[href$='02-exam.html']").first.click()
        page.wait_for_function("window.API.cmi.core.lesson_location === 'site/02-exam.html'")
        assert page.evaluate("[window.calls.LMSInitialize, window.calls.LMSFinish]") == [1, 0]
        assert page.errors == []
    finally:
        httpd.shutdown()
        httpd.server_close()


def _real_package(tmp_path: Path) -> Path:
    """The test course (a practice quiz and an assessment) as a SCORM package, unzipped under www/pkg."""
    tests = Path(__file__).resolve().parents[1]
    site_course = _load("site_course_for_scorm", tests / "site" / "conftest.py")
    from courseforge.course import load_course_info
    from courseforge.export.scorm import export_scorm
    from courseforge.project import Project

    project = Project(site_course.make_course(tmp_path / "course", exam=True))
    data, _ = export_scorm(project, load_course_info(project))
    root = tmp_path / "www"
    zipfile.ZipFile(io.BytesIO(data)).extractall(root / "pkg")
    shutil.copy(SCORM_AGAIN, root / "scorm12.js")
    (root / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    return root


def _frame(page, ending: str):
    page.wait_for_function(f"""() => {{ const f = document.querySelector('#sco').contentDocument.querySelector('#cf-site');
        return f && f.contentWindow.location.href.endsWith({json.dumps(ending)}) && f.contentDocument.readyState === 'complete'; }}""")
    return next(f for f in page.frames if f.url.endswith(ending))


def test_resume_on_another_computer_restores_and_merges(tmp_path, browser):
    """Computer A passes the practice quiz; computer B (empty storage) resumes from suspend_data alone."""
    if not SCORM_AGAIN.is_file():
        missing("scorm-again is not installed: run `npm ci --prefix tests/js`")
    learner = _load("learner_for_scorm", Path(__file__).resolve().parents[1] / "browser" / "learner.py")
    root = _real_package(tmp_path)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    contexts = []

    def computer():
        ctx = browser.new_context(accept_downloads=True)
        contexts.append(ctx)
        pg = ctx.new_page()
        pg.errors = []
        pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
        return pg

    try:
        # Computer A: the practice quiz passed; the LMS keeps what was reported.
        a = computer()
        a.goto(base + "lms.html")
        a.frame_locator("#sco").frame_locator("#cf-site").locator("a[href$='01-basics.html']").first.click()
        frame = _frame(a, "/01-basics.html")
        frame.wait_for_selector(f"{learner.Q}[data-cf-ready]")
        learner.answer_all_right(_InFrame(a, frame))
        saved = a.evaluate("window.API.cmi.suspend_data")
        assert json.loads(saved)["q"]["q-basics"]["ok"] is True
        assert a.errors == []
        contexts.pop().close()

        # Computer B: nothing in this browser; the LMS hands back score, status, last page and suspend_data.
        preload = ('api.loadFromJSON({core: {lesson_location: "site/01-basics.html", lesson_status: "passed", '
                   f"score: {{raw: '100', min: '0', max: '100'}}}}, suspend_data: {json.dumps(saved)}}}, 'cmi');")
        (root / "resume.html").write_text(LMS_PAGE.replace("/*PRELOAD*/", preload), encoding="utf-8")
        b = computer()
        b.goto(base + "resume.html")
        frame = _frame(b, "/01-basics.html")
        assert frame.evaluate("Object.keys(localStorage).filter(k => k.startsWith('courseforge:'))") == []
        assert frame.locator(".md-nav__link .cf-done").count() >= 1  # the module is marked done in the menu
        b.frame_locator("#sco").frame_locator("#cf-site").locator("a[href$='index.html']").first.click()
        home = _frame(b, "/index.html")
        home.wait_for_selector(".cf-progress__text")
        assert home.inner_text(".cf-progress__text") == "1 of 2 module quizzes completed"
        assert home.locator(".cf-progress__list li").all_inner_texts()[0] == "Basics of migration: Passed (100%)"

        # The assessment on computer B: what it reports is merged with computer A's, not put in its place.
        b.frame_locator("#sco").frame_locator("#cf-site").locator("a[href$='02-exam.html']").first.click()
        exam = _frame(b, "/02-exam.html")
        exam.wait_for_selector("#quiz-q-exam[data-cf-ready]")
        exam.check("#cf-q-exam-e1-y")
        exam.check("#cf-q-exam-e2-true")
        exam.fill("#cf-q-exam-e3-input", "zebraword")
        exam.fill("#cf-q-exam-e4-input", "98765")
        for select in exam.locator("#cf-q-exam-e6 select").all():
            select.select_option(index=1)
        exam.check("#cf-q-exam-e7-o1")
        exam.fill("#quiz-q-exam .cf-learner-name", "Amina Diallo")
        exam.fill("#quiz-q-exam .cf-learner-id", "UN-0042")
        with b.expect_download():
            exam.click("#quiz-q-exam .cf-download")
        state = json.loads(b.evaluate("window.API.cmi.suspend_data"))
        assert state["c"] == 2 and state["t"] == 2
        assert state["q"]["q-basics"]["ok"] is True and state["q"]["q-basics"]["p"] == 100
        assert state["q"]["q-exam"]["d"] is True and len(state["q"]["q-exam"]["k"]) == 11
        assert _cmi(b, "core.score.raw") == "100"
        assert _cmi(b, "core.lesson_status") == "passed"

        # Both quizzes count on computer B: the certificate unlocks, with the assessment's code.
        b.frame_locator("#sco").frame_locator("#cf-site").locator("a[href$='certificate.html']").first.click()
        cert = _frame(b, "/certificate.html")
        cert.wait_for_selector(".cf-cert__form:not([hidden])")
        cert.fill("#cf-cert-name", "Amina Diallo")
        cert.click(".cf-cert__form button")
        assert cert.inner_text(".cf-cert__codes") == f"Verification code for Final assessment: {state['q']['q-exam']['k']}"
        assert b.errors == []
    finally:
        for ctx in contexts:
            ctx.close()
        httpd.shutdown()
        httpd.server_close()
