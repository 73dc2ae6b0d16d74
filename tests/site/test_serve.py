"""`courseforge serve` rebuilds the site when a quiz YAML changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float = 40) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        page = fetch(url)
        if page and text in page:
            return True
        time.sleep(0.3)
    return False


@contextmanager
def serving(course):
    """`courseforge serve` on a free port, stopped afterwards; yields the module page's URL."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "courseforge", "serve", "--addr", f"127.0.0.1:{port}"],
                            cwd=course, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        yield f"http://127.0.0.1:{port}/01-basics/"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_rebuilds_on_quiz_change(course):
    with serving(course) as url:
        assert wait_for(url, '<h2 id="quiz-q-basics-title">Check your understanding</h2>')
        quiz = course / "quizzes" / "q-basics.yml"
        quiz.write_text(quiz.read_text(encoding="utf-8").replace("title: Check your understanding",
                                                                  "title: Check what you learnt"), encoding="utf-8")
        assert wait_for(url, '<h2 id="quiz-q-basics-title">Check what you learnt</h2>')


def test_serve_shows_the_courses_errors_in_the_page_and_recovers(course):
    quiz = course / "quizzes" / "q-basics.yml"
    good = quiz.read_text(encoding="utf-8")
    quiz.write_text(good.replace("explanation: In 2004.", "explaination: In 2004."), encoding="utf-8")
    with serving(course) as url:
        # The page answers at once with the problem, file and line, and the live-reload script.
        assert wait_for(url, "The course has errors")
        page = fetch(url)
        assert "quizzes/q-basics.yml:" in page and "explaination" in page and "livereload" in page
        quiz.write_text(good, encoding="utf-8")
        assert wait_for(url, '<h2 id="quiz-q-basics-title">Check your understanding</h2>')


def test_serve_on_a_busy_port_says_so_before_serving(course):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        run = subprocess.run([sys.executable, "-m", "courseforge", "serve", "--addr", f"127.0.0.1:{port}"],
                             cwd=course, capture_output=True, text=True, timeout=60)
    assert run.returncode != 0
    assert f"port {port} is already in use" in run.stderr and f"--addr 127.0.0.1:{port + 1}" in run.stderr
    assert "serving the course" not in run.stdout and "Traceback" not in run.stderr


def test_serve_rebuilds_only_the_quizs_page_and_everything_after_a_page_edit(course):
    quiz = course / "quizzes" / "q-exam.yml"
    with serving(course) as url:
        exam = url.replace("01-basics", "02-exam")
        listed = url.replace("01-basics/", "assets/courseforge/course-quizzes.js")
        assert wait_for(exam, '<h2 id="quiz-q-exam-title">Check your understanding</h2>')
        quiz.write_text(quiz.read_text(encoding="utf-8").replace("title: Check your understanding",
                                                                  "title: Check the exam"), encoding="utf-8")
        assert wait_for(exam, '<h2 id="quiz-q-exam-title">Check the exam</h2>')
        # The pages not rebuilt still count in what the site lists of the course.
        assert wait_for(listed, '"title":"Check the exam"')
        assert '"module_title":"Basics of migration"' in fetch(listed)
        assert "Check the exam" not in fetch(url)
        # A page edit rebuilds every page: the other page's navigation shows the new title.
        page = course / "modules" / "02-exam.md"
        page.write_text(page.read_text(encoding="utf-8").replace("title: Exam module", "title: Final exam module"),
                        encoding="utf-8")
        assert wait_for(url, "Final exam module")
        assert '"module_title":"Final exam module"' in fetch(listed)
