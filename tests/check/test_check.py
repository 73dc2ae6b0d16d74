"""``courseforge check`` on broken copies of the shipped course.

Each test copies the shipped course, adds a small module page and quiz whose
lines are known (so the tests do not depend on the generated content), breaks
them in one of the ways issue 2 lists, and asserts the exact
``path:line:col: message`` of every error — and that nothing was written.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from courseforge.check import check_course, check_course_report
from courseforge.project import Project

ROOT = Path(__file__).resolve().parents[2]
COURSE_PARTS = ("course.yml", "mkdocs.yml", "seeds", "modules", "quizzes", "schema")

PAGE = """\
---
id: 90-test-module
title: A test module
order: 90
study_time: 20
sources: [desa-2004-social-perspective]
---

# A test module

Remittances were estimated at some 80 billion US dollars a year.

<!-- quiz: 90-test-quiz -->
"""

QUIZ = """\
# yaml-language-server: $schema=../schema/quiz-v1.schema.json
id: 90-test-quiz
module: 90-test-module
title: Test quiz
mode: practice
pass_mark: 50
questions:
  - id: q1
    type: single
    prompt: Which estimate of remittances does the note give?
    options:
      - id: a
        text: Some 80 billion US dollars a year
        correct: true
      - id: b
        text: Some 8 billion US dollars a year
        correct: false
    explanation: Paragraph 18 gives it.
    source: {doc: desa-2004-social-perspective, para: 18}

  - id: q2
    type: fill_blank
    prompt: Money that migrants send home is called ___.
    answers: [remittances]
    explanation: Paragraph 18 names them.
    source: {doc: desa-2004-social-perspective, para: 18}
"""

QP = "quizzes/90-test-quiz.yml"
MP = "modules/90-test-module.md"


@pytest.fixture
def course(tmp_path) -> Path:
    root = tmp_path / "course"
    root.mkdir()
    for part in COURSE_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, root / part)
        elif src.is_file():
            shutil.copy2(src, root / part)
    (root / MP).write_text(PAGE, encoding="utf-8")
    (root / QP).write_text(QUIZ, encoding="utf-8")
    return root


def edit(root: Path, rel: str, old: str, new: str) -> None:
    p = root / rel
    text = p.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {rel}"
    p.write_text(text.replace(old, new), encoding="utf-8")


def errors(root: Path) -> list[str]:
    """The errors of a check, asserting that checking wrote nothing."""
    before = snapshot(root)
    found = [str(d) for d in check_course(Project(root)) if d.severity == "error"]
    assert snapshot(root) == before
    return found


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    return {p.relative_to(root).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_shipped_course_passes():
    report = check_course_report(Project(ROOT))
    assert report.errors == [], "\n".join(map(str, report.errors))
    assert report.summary().startswith(f"course OK: {report.modules} modules, {report.quizzes} quizzes, ")
    assert report.quizzes >= 2 and report.questions > 0


def test_copy_with_test_files_passes(course):
    assert errors(course) == []


def test_schema_errors(course):
    edit(course, QP, "pass_mark: 50", "pass_mark: fifty")
    edit(course, QP, "mode: practice", "mode: exam")
    assert errors(course) == [
        f"{QP}:5:7: 'mode' of the quiz is 'exam'; write one of: practice, assessment",
        f"{QP}:6:12: 'pass_mark' of the quiz must be a number (digits only, no quotes or units), found 'fifty'",
    ]


def test_duplicate_key(course):
    edit(course, QP, "    explanation: Paragraph 18 gives it.\n",
         "    explanation: Paragraph 18 gives it.\n    explanation: Paragraph 18.\n")
    assert errors(course) == [
        f"{QP}:19:5: duplicate key 'explanation' (first on line 18): YAML would silently keep only this last one; "
        "keep one of the two",
    ]


def test_unknown_field_with_suggestion(course):
    edit(course, QP, "    explanation: Paragraph 18 names them.", "    explaination: Paragraph 18 names them.")
    assert errors(course) == [
        f"{QP}:21:5: question 'q2' has no 'explanation': add it (for example explanation: why the right answer is right)",
        f"{QP}:25:5: unknown field 'explaination' — did you mean 'explanation'?",
    ]


def test_duplicate_quiz_id(course):
    (course / "quizzes/91-copy.yml").write_text(QUIZ, encoding="utf-8")
    assert errors(course) == [
        f"quizzes/91-copy.yml:2:5: quiz id '90-test-quiz' is already used by {QP}:2: quiz ids must be unique in "
        "the course; rename one",
    ]


def test_duplicate_question_id(course):
    edit(course, QP, "  - id: q2", "  - id: q1")
    assert errors(course) == [
        f"{QP}:21:9: question id 'q1' is used twice in this quiz (first on line 8): give each question its own id",
    ]


def test_single_without_exactly_one_correct(course):
    edit(course, QP, "        correct: false", "        correct: true")
    assert errors(course) == [
        f"{QP}:12:7: question 'q1' (single) has 2 correct options (a, b): mark exactly one with correct: true, "
        "or use type: multiple for several right answers",
    ]


def test_empty_options(course):
    edit(course, QP, "        text: Some 8 billion US dollars a year", "        text: ''")
    edit(course, QP, "    options:\n      - id: a\n        text: Some 80 billion US dollars a year\n"
                     "        correct: true\n", "    options:\n")
    assert errors(course) == [
        f"{QP}:12:7: 'options' of question 'q1' has 1 entry: it needs at least 2",
        f"{QP}:12:7: question 'q1' (single) has no correct option: mark exactly one option with correct: true",
        f"{QP}:13:15: 'text' of option 'b' of question 'q1' is empty: write the text",
    ]


def test_fill_blank_without_exactly_one_blank(course):
    edit(course, QP, "called ___.", "called ___ or ___.")
    assert errors(course) == [
        f"{QP}:23:13: the prompt of question 'q2' (fill_blank) has 2 blanks: write ___ (three underscores) exactly "
        "once, where the answer goes",
    ]


def test_unresolved_sources_with_suggestions(course):
    edit(course, QP, "    source: {doc: desa-2004-social-perspective, para: 18}\n\n",
         "    source: {doc: desa-2004-social-perspectiv, para: 18}\n\n")
    edit(course, QP, "names them.\n    source: {doc: desa-2004-social-perspective, para: 18}\n",
         "names them.\n    source: {doc: desa-2004-social-perspective, para: 181}\n")
    assert errors(course) == [
        f"{QP}:19:19: question 'q1' cites document 'desa-2004-social-perspectiv', which is not in "
        "seeds/sources.yml — did you mean 'desa-2004-social-perspective'?",
        f"{QP}:26:55: question 'q2' cites paragraph '181' of 'desa-2004-social-perspective', which does not exist "
        "— did you mean '18'? (its paragraphs are front-1 to annex-12; see the sources page for each "
        "paragraph's id)",
    ]


def test_quiz_module_without_page(course):
    edit(course, QP, "module: 90-test-module", "module: 90-test-modul")
    assert errors(course) == [
        f"{QP}:3:9: module '90-test-modul' has no page — did you mean '90-test-module'? (a module page is "
        "modules/90-test-modul.md with id: 90-test-modul in its front matter); fix 'module' or create the page",
    ]


def test_bad_module_front_matter(course):
    edit(course, MP, "id: 90-test-module", "id: 90-test")
    edit(course, MP, "order: 90", "order: first")
    edit(course, MP, "study_time: 20", "studytime: 20")
    edit(course, MP, "sources: [desa-2004-social-perspective]", "sources: [desa-2004, unitar]")
    assert errors(course) == [
        f"{MP}:2:1: module page front matter has no 'study_time': add study_time: 45",
        f"{MP}:2:5: id is '90-test' but the file is 90-test-module.md: a module's id must be its file name without "
        ".md; write id: 90-test-module",
        f"{MP}:4:8: order must be a whole number (its place in the course: 1, 2, 3…), found 'first'",
        f"{MP}:5:1: unknown front matter key 'studytime' — did you mean 'study_time'?",
        f"{MP}:6:11: unknown source 'desa-2004': not an id in seeds/sources.yml — did you mean "
        "'desa-2004-social-perspective'?",
        f"{MP}:6:22: unknown source 'unitar': not an id in seeds/sources.yml; the seed ids are: "
        "unesco-2006-contribution, unitar-2008-seminar-series, desa-2004-social-perspective, "
        "unitar-2012-coordination-input, france-2013-migration-development",
    ]


def test_front_matter_yaml_error_has_the_line_in_the_page(course):
    edit(course, MP, "title: A test module", "title: Module: a test")
    assert errors(course) == [
        f"{MP}:3:14: YAML syntax error: mapping values are not allowed in this context; a text containing ': ' "
        "must be put in quotes",
    ]


def test_marker_naming_an_unknown_quiz(course):
    edit(course, MP, "<!-- quiz: 90-test-quiz -->", "<!-- quiz: 90-test-quizz -->")
    assert errors(course) == [
        f"{MP}:13:1: quiz marker names '90-test-quizz', which is not the id of any quiz in quizzes/ — did you "
        "mean '90-test-quiz'?",
    ]


def test_python_object_tag_is_refused_and_not_run(course, tmp_path):
    marker = tmp_path / "pwned"
    edit(course, QP, "    prompt: Money that migrants send home is called ___.",
         f"    prompt: !!python/object/apply:os.system ['touch {marker}']")
    assert errors(course) == [
        f"{QP}:23:13: tag '!!python/object/apply:os.system' refused: course files hold plain text, numbers, "
        "lists and fields only; remove the tag",
    ]
    assert not marker.exists()


def test_alias_bomb_is_refused(course):
    bomb = ['lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    bomb += [f"lol{i}: &l{i} [" + ", ".join([f"*l{i-1}"] * 9) + "]" for i in range(1, 9)]
    (course / "quizzes/92-bomb.yml").write_text(QUIZ.replace("90-test-quiz", "92-bomb") + "\n".join(bomb) + "\n")
    start = time.perf_counter()
    errs = errors(course)
    assert time.perf_counter() - start < 5
    msg = "anchors and aliases are not allowed in course files; write the value out in full"
    assert errs[0] == f"quizzes/92-bomb.yml:27:7: anchor '&l0' refused: {msg}"
    assert errs[1] == f"quizzes/92-bomb.yml:28:7: anchor '&l1' refused: {msg}"
    assert errs[2] == f"quizzes/92-bomb.yml:28:12: alias '*l0' refused: {msg}"
    assert len(errs) == 9 + 8 * 9


def test_oversize_file_is_refused(course):
    big = course / "quizzes/93-big.yml"
    big.write_text(QUIZ.replace("90-test-quiz", "93-big") + "#" * 1_100_000 + "\n")
    assert errors(course) == [
        f"quizzes/93-big.yml: file is {big.stat().st_size:,} bytes, over the 1,000,000-byte limit for a course file; split it "
        "into smaller files",
    ]


def test_invalid_utf8_is_refused(course):
    raw = QUIZ.encode("utf-8").replace(b"title: Test quiz", b"title: Test caf\xe9 quiz")
    (course / QP).write_bytes(raw)
    assert errors(course) == [
        f"{QP}:4:16: not valid UTF-8 (byte 0xe9): save the file with UTF-8 encoding (in most editors: Save As… → "
        "Encoding: UTF-8)",
    ]


def test_everything_at_once_through_the_cli(course):
    """Many errors in several files: all reported in one run, sorted, exit 1, no traceback, nothing written."""
    edit(course, QP, "    explanation: Paragraph 18 names them.", "    explaination: Paragraph 18 names them.")
    edit(course, QP, "        correct: false", "        correct: true")
    edit(course, QP, "called ___.", "called.")
    edit(course, MP, "study_time: 20", "study_time: twenty")
    (course / "quizzes/94-tag.yml").write_text("id: !!python/name:os.system x\n")
    (course / "quizzes/95-bad.yml").write_bytes(b"# yaml-language-server: $schema=../schema/quiz-v1.schema.json\n"
                                                b"id: x\n\xff\n")
    before = snapshot(course)
    proc = subprocess.run([sys.executable, "-m", "courseforge", "check", "--course", str(course), "--no-warnings"],
                          capture_output=True, text=True, cwd=course, timeout=60,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.stdout.splitlines() == [
        f"{MP}:5:13: study_time must be a whole number (minutes, e.g. 45), found 'twenty'",
        f"{QP}:12:7: question 'q1' (single) has 2 correct options (a, b): mark exactly one with correct: true, "
        "or use type: multiple for several right answers",
        f"{QP}:21:5: question 'q2' has no 'explanation': add it (for example explanation: why the right answer is right)",
        f"{QP}:23:13: the prompt of question 'q2' (fill_blank) has 0 blanks: write ___ (three underscores) exactly "
        "once, where the answer goes",
        f"{QP}:25:5: unknown field 'explaination' — did you mean 'explanation'?",
        "quizzes/94-tag.yml:1:5: tag '!!python/name:os.system' refused: course files hold plain text, numbers, "
        "lists and fields only; remove the tag",
        "quizzes/95-bad.yml:3:1: not valid UTF-8 (byte 0xff): save the file with UTF-8 encoding (in most editors: "
        "Save As… → Encoding: UTF-8)",
        "7 errors in 4 files",
    ]
    assert snapshot(course) == before


def test_cli_ok_summary_and_warnings_keep_exit_zero(course):
    (course / "modules/96-no-quiz.md").write_text(PAGE.replace("90-test-module", "96-no-quiz")
                                                  .replace("order: 90", "order: 96")
                                                  .replace("<!-- quiz: 90-test-quiz -->", ""), encoding="utf-8")
    before = snapshot(course)
    proc = subprocess.run([sys.executable, "-m", "courseforge", "check"], capture_output=True, text=True,
                          cwd=course, timeout=60, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert "modules/96-no-quiz.md:1:1: warning: module '96-no-quiz' has no quiz (no quizzes/*.yml with module: " \
           "96-no-quiz)" in lines
    report = check_course_report(Project(course))
    assert lines[-1] == (f"course OK: {report.modules} modules, {report.quizzes} quizzes, {report.questions} "
                         f"questions, {len(report.warnings)} warning{'s' if len(report.warnings) != 1 else ''}")
    assert snapshot(course) == before


def test_sources_yml_problems_are_reported(course):
    from courseforge.sources.ingest import load_corpus

    p = course / "seeds/sources.yml"
    p.write_text(p.read_text(encoding="utf-8") + "- id: extra-doc\n  file: missing.txt\n", encoding="utf-8")
    _, expected = load_corpus(course / "seeds", course)
    assert [d for d in expected if d.severity == "error"], "the broken sources.yml must give an error"
    got = check_course(Project(course))
    for d in expected:
        assert d in got
    assert all(d.path == "seeds/sources.yml" for d in expected)


def test_course_without_quizzes_or_modules(tmp_path):
    (tmp_path / "course.yml").write_text("id: c\ntitle: C\n")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    assert errors(tmp_path) == [
        "mkdocs.yml: mkdocs.yml is missing: it describes the site and `courseforge build` needs it; copy one from "
        "a course made by `courseforge new`",
        "modules: the modules/ folder is missing",
        "quizzes: no quiz files (*.yml) found; each module needs a quiz",
    ]


def test_duplicate_order_is_a_warning_at_its_line(course):
    (course / "modules/91-other.md").write_text(PAGE.replace("90-test-module", "91-other")
                                                .replace("<!-- quiz: 90-test-quiz -->", ""), encoding="utf-8")
    report = check_course_report(Project(course))
    assert report.errors == []
    assert "modules/91-other.md:4:8: warning: order 90 is also used by modules/90-test-module.md: give each " \
           "module its own place" in [str(d) for d in report.warnings]


def test_a_broken_seed_is_reported_once_not_at_every_citation(course):
    # The DESA file goes missing: every quiz and page citing it must not add an error of its own.
    desa = next(course.glob("seeds/002_*.txt"))
    desa.rename(desa.with_suffix(".bak"))  # renamed, not deleted: the check must still name it
    found = errors(course)
    assert len(found) == 1, found
    assert found[0].startswith("seeds/sources.yml:")
    assert "002_3bbc0a1064af9942.txt" in found[0]


def test_seeds_read_by_an_earlier_run_are_taken_from_the_cache_until_a_seed_changes(course, tmp_path, monkeypatch):
    from courseforge import check
    from courseforge.cache import FileCache
    from courseforge.sources import ingest

    monkeypatch.setattr(check, "READ_SEEDS", FileCache("seeds", tmp_path / "cache"))
    reads = []
    monkeypatch.setattr(check, "load_corpus", lambda *a: reads.append(1) or ingest.load_corpus(*a))
    check.clear_corpus_cache()
    assert errors(course) == []
    check.clear_corpus_cache()  # as a new process
    assert errors(course) == [] and len(reads) == 1  # the seeds as the first run read them
    # A citation is checked against the seeds each run, cached or not.
    edit(course, QP, "names them.\n    source: {doc: desa-2004-social-perspective, para: 18}\n",
         "names them.\n    source: {doc: desa-2004-social-perspective, para: 181}\n")
    check.clear_corpus_cache()
    assert [e.split(": ")[1][:40] for e in errors(course)] == ["question 'q2' cites paragraph '181' of '"]
    assert len(reads) == 1
    # Any change under seeds/ (here a line added to the catalogue) reads the seeds again.
    catalogue = course / "seeds" / "sources.yml"
    catalogue.write_bytes(catalogue.read_bytes() + b"\n# edited\n")
    check.clear_corpus_cache()
    assert [e.split(": ")[1][:40] for e in errors(course)] == ["question 'q2' cites paragraph '181' of '"]
    assert len(reads) == 2
