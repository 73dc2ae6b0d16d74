"""build_site: the site MkDocs builds through the plugin, online and offline."""

from __future__ import annotations

import filecmp
import gzip
import hashlib
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from courseforge.check import check_course
from courseforge.diagnostics import CourseError
from courseforge.project import Project
from courseforge.quiz.dump import dump_quiz
from courseforge.quiz.load import load_quiz_file
from courseforge.quiz.model import Distractor
from courseforge.quiz.public import public_alias
from courseforge.site.build import build_offline_zip, build_site

REPO = Path(__file__).resolve().parents[2]
SECRETS = ("EXPLANATION-SECRET", "FEEDBACK-SECRET", "ZEBRAWORD", "zebraword", "98765")


def all_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file())


def texts(site: Path):
    for p in all_files(site):
        if p.suffix in (".html", ".js", ".json", ".css", ".xml", ".txt"):
            yield p, p.read_text(encoding="utf-8", errors="replace")


def test_practice_quiz_rendered_where_its_marker_is(course, tmp_path):
    site = tmp_path / "site"
    build_site(Project(course), site)
    html = (site / "01-basics" / "index.html").read_text(encoding="utf-8")
    # The quiz sits where the marker was: after the module text, before the next heading.
    assert html.index("zanzibarian") < html.index('id="quiz-q-basics"') < html.index('id="after-the-quiz"')
    assert "<!-- quiz:" not in html
    # A page without a marker gets its quiz at the end of its content.
    exam = (site / "02-exam" / "index.html").read_text(encoding="utf-8")
    assert exam.index("Read this, then answer.") < exam.index('id="quiz-q-exam"')
    # The table of contents names the quiz in its place.
    toc = re.findall(r'href="#([^"]+)" class="md-nav__link"', html)
    assert toc[:2] == ["quiz-q-basics", "after-the-quiz"]
    # Quiz sources never reach the site as files.
    assert not [p for p in all_files(site) if p.suffix in (".yml", ".yaml")]
    # Scripts and styles are ours and local; the manifest names both quizzes and the certificate.
    assert '<script src="../assets/courseforge/quiz.js"></script>' in html
    manifest = (site / "assets" / "courseforge" / "course.js").read_text(encoding="utf-8")
    data = json.loads(manifest.removeprefix("window.courseforgeCourse=").rstrip().rstrip(";"))
    listed = (site / "assets" / "courseforge" / "course-quizzes.js").read_text(encoding="utf-8")
    quizzes = json.loads(listed.removeprefix("window.courseforgeQuizzes=").rstrip().rstrip(";"))
    assert [(q["id"], q["url"], q["module_title"], q["count"], q["max"]) for q in quizzes] == [
        ("q-basics", "01-basics/", "Basics of migration", 7, 7), ("q-exam", "02-exam/", "Exam module", 7, 7)]
    assert "quizzes" not in data and data["quizzes_script"] == "course-quizzes.js"
    assert data["quizzes_digest"] == hashlib.sha256(listed.removeprefix("window.courseforgeQuizzes=").rstrip()
                                                    .rstrip(";").encode("utf-8")).hexdigest()[:12]
    assert data["course"] == {"id": "test-course", "title": "Test Course on Migration", "language": "en"}
    assert data["certificate"] == "certificate/"
    assert (site / "certificate" / "index.html").is_file()


def test_search_finds_module_text_but_no_quiz(exam_course, tmp_path):
    site = tmp_path / "site"
    build_site(Project(exam_course), site)
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "zanzibarian" in index
    for needle in ("Which city is the capital", "Lyon is the third city", "Paris is the", "Option Y", "Certificate of"):
        assert needle not in index


def test_assessment_site_holds_no_key(exam_course, tmp_path):
    site = tmp_path / "site"
    build_site(Project(exam_course), site)
    page = (site / "02-exam" / "index.html").read_text(encoding="utf-8")
    assert "Option Y" in page and "Pick the SECRET-RIGHT option." in page
    data = json.loads(re.search(r'<script type="application/json" class="cf-quiz-data">(.*?)</script>', page).group(1))
    assert data["mode"] == "assessment"
    assert {k for q in data["questions"] for k in q} == {"id", "type", "points", "version"}
    found = [(p.relative_to(site).as_posix(), s) for p, text in texts(site) if "02-exam" in str(p) or "search" in str(p)
             or "courseforge" in str(p) for s in SECRETS if s in text]
    assert found == []


def flip_keys(course: Path) -> None:
    """Change only which answers are right in the assessment (nothing the learner sees)."""
    path = course / "quizzes" / "q-exam.yml"
    quiz, diags = load_quiz_file(path)
    assert quiz is not None, diags
    by_id = {q.id: q for q in quiz.questions}
    for o in by_id["e1"].options:
        o.correct = o.id == "x"
    by_id["e2"].answer = False
    by_id["e3"].answers = ["quagga"]
    by_id["e4"].answer = 12345
    by_id["e5"].items.reverse()
    # Matching: swap the rights of the two pairs; lefts and rights on screen stay the same.
    m1, m2 = by_id["e6"].pairs
    m1.right, m2.right = m2.right, m1.right
    for o in by_id["e7"].options:
        o.correct = not o.correct
    path.write_text(dump_quiz(quiz), encoding="utf-8")


def test_key_flip_leaves_the_site_byte_identical(exam_course, tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    build_site(Project(exam_course), before)
    old = (exam_course / "quizzes" / "q-exam.yml").read_text(encoding="utf-8")
    flip_keys(exam_course)
    assert (exam_course / "quizzes" / "q-exam.yml").read_text(encoding="utf-8") != old
    build_site(Project(exam_course), after)
    names = [p.relative_to(before) for p in all_files(before)]
    assert names == [p.relative_to(after) for p in all_files(after)]
    differ = [n.as_posix() for n in names if not filecmp.cmp(before / n, after / n, shallow=False)]
    assert differ == []
    # ... while a visible edit does change the site (the test can fail).
    path = exam_course / "quizzes" / "q-exam.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Option X", "Option W"), encoding="utf-8")
    build_site(Project(exam_course), tmp_path / "edited")
    assert not filecmp.cmp(before / "02-exam" / "index.html", tmp_path / "edited" / "02-exam" / "index.html", shallow=False)


def give_distinctive_ids(course: Path):
    """Author ids in the exam's matching and ordering that no other text of the site contains."""
    path = course / "quizzes" / "q-exam.yml"
    quiz, diags = load_quiz_file(path)
    assert quiz is not None, diags
    by_id = {q.id: q for q in quiz.questions}
    for n, pair in enumerate(by_id["e6"].pairs, 1):
        pair.id = f"PAIRSECRET{n}"
    by_id["e6"].distractors = [Distractor("DISTSECRET1", "Right three")]
    for n, item in enumerate(by_id["e5"].items, 1):
        item.id = f"ITEMSECRET{n}"
    path.write_text(dump_quiz(quiz), encoding="utf-8")
    return by_id["e5"], by_id["e6"]


def test_assessment_site_holds_no_author_id_of_rights_or_items(exam_course, tmp_path):
    order, match = give_distinctive_ids(exam_course)
    site = tmp_path / "site"
    build_site(Project(exam_course), site)
    page = (site / "02-exam" / "index.html").read_text(encoding="utf-8")
    e5 = re.search(r'<div class="cf-q" id="cf-q-exam-e5".*?</fieldset>', page).group(0)
    e6 = re.search(r'<div class="cf-q" id="cf-q-exam-e6".*?</fieldset>', page).group(0)
    # Items and rights are named by the alias of their text, never by the author's id.
    items = re.findall(r'data-cf-item="([^"]+)"><span class="cf-order__text" id="[^"]+">([^<]+)</span>', e5)
    assert sorted(text for _, text in items) == ["Alpha step", "Mike step", "Zulu step"]
    assert all(iid == public_alias(order, text) for iid, text in items)
    for left in ("Left one", "Left two"):
        options = re.findall(r'<option value="([^"]*)">([^<]+)</option>',
                             re.search(rf'<label for="[^"]+">{left}</label><select .*?</select>', e6).group(0))
        assert sorted(text for _, text in options) == ["Choose…", "Right one", "Right three", "Right two"]
        assert all(value == ("" if text == "Choose…" else public_alias(match, text)) for value, text in options)
    # Anywhere in the built site (pages, search index, scripts, JSON): no item or distractor id, and a
    # pair id only where it names its left (its row, its select and that select's label).
    leaks = []
    for p, text in texts(site):
        for n in (1, 2):
            text = text.replace(f'data-cf-left="PAIRSECRET{n}"', "").replace(f'"cf-q-exam-e6-PAIRSECRET{n}"', "")
        leaks += [(p.relative_to(site).as_posix(), s) for s in ("ITEMSECRET", "DISTSECRET", "PAIRSECRET") if s in text]
    assert leaks == []
    for n in (1, 2):  # the allowed places are really there: the scan above removed something
        assert page.count(f'data-cf-left="PAIRSECRET{n}"') == 2 and page.count(f'"cf-q-exam-e6-PAIRSECRET{n}"') == 2


def test_sitemap_gzip_has_no_timestamp(course, tmp_path):
    build_site(Project(course), tmp_path / "site")
    raw = (tmp_path / "site" / "sitemap.xml.gz").read_bytes()
    assert raw[4:8] == b"\0\0\0\0"  # gzip MTIME field
    assert gzip.decompress(raw) == (tmp_path / "site" / "sitemap.xml").read_bytes()


def test_invalid_quiz_stops_the_build_with_the_checkers_messages(course, tmp_path):
    path = course / "quizzes" / "q-basics.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("explanation: In 2004.", "explaination: In 2004."), encoding="utf-8")
    expected = [d for d in check_course(Project(course)) if d.severity == "error"]
    assert expected and all(d.path == "quizzes/q-basics.yml" for d in expected)
    with pytest.raises(CourseError) as exc:
        build_site(Project(course), tmp_path / "site")
    assert exc.value.diagnostics == sorted(set(expected))
    assert not (tmp_path / "site" / "index.html").exists()

    # `mkdocs build --strict` fails too, printing the same lines.
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "m")],
                         cwd=course, capture_output=True, text=True)
    assert run.returncode == 1
    for d in expected:
        assert str(d) in run.stderr


def test_marker_naming_an_unknown_quiz_fails_strict(course, tmp_path):
    page = course / "modules" / "01-basics.md"
    page.write_text(page.read_text(encoding="utf-8").replace("## After the quiz", "<!-- quiz: nope -->\n\n## After the quiz"),
                    encoding="utf-8")
    line = page.read_text(encoding="utf-8").splitlines().index("<!-- quiz: nope -->") + 1
    # The checker reports it, and its message stops the build.
    with pytest.raises(CourseError) as exc:
        build_site(Project(course), tmp_path / "site")
    assert exc.value.diagnostics == [d for d in check_course(Project(course)) if d.severity == "error"]
    assert any(d.path == "modules/01-basics.md" and d.line == line and "'nope'" in d.message for d in exc.value.diagnostics)
    # With the checker turned off, the plugin still names it, as a warning that --strict refuses.
    yml = course / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("  - courseforge\n", "  - courseforge:\n      check: false\n"),
                   encoding="utf-8")
    with pytest.raises(CourseError) as exc:
        build_site(Project(course), tmp_path / "site")
    messages = [str(d) for d in exc.value.diagnostics]
    assert messages == [f"modules/01-basics.md:{line}: the marker names quiz 'nope', which is not in quizzes/",
                        "mkdocs.yml: the site was not built: strict mode stops on the warnings above; fix them (or build with --no-strict)"]
    build_site(Project(course), tmp_path / "site", strict=False)  # a warning only, without --strict


# Resources a browser would fetch: script src, link href (not <a>), url(), @import, fetch().
FETCHED = [
    re.compile(r"<script[^>]+src=\"(https?:)?//[^\"]+"),
    re.compile(r"<link[^>]+href=\"(https?:)?//[^\"]+"),
    re.compile(r"<(?:img|iframe|source|video|audio|embed)[^>]+src=\"(https?:)?//[^\"]+"),
    re.compile(r"url\(\s*['\"]?(https?:)?//[^)]+\)"),
    re.compile(r"@import\s+(url\()?['\"]?(https?:)?//"),
    re.compile(r"fetch\(\s*['\"`](https?:)?//"),
    re.compile(r"(importScripts|new Worker)\(\s*['\"`](https?:)?//"),
]


def external_requests(site: Path) -> list[str]:
    found = []
    for p, text in texts(site):
        if p.suffix not in (".html", ".css") and "courseforge" not in p.parts:
            continue  # Material's own bundle is checked at run time by the browser tests
        for rx in FETCHED:
            found += [f"{p.relative_to(site)}: {m.group(0)[:120]}" for m in rx.finditer(text)]
    return found


def test_no_resource_from_another_host(course, tmp_path):
    build_site(Project(course), tmp_path / "site")
    assert external_requests(tmp_path / "site") == []
    # The scan does catch one:
    bad = tmp_path / "site" / "bad.html"
    bad.write_text('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">', encoding="utf-8")
    assert external_requests(tmp_path / "site") == ["bad.html: <link rel=\"stylesheet\" href=\"https://fonts.googleapis.com/css?family=Roboto"]


def test_offline_zip_works_without_a_server(exam_course, tmp_path):
    zip_path = tmp_path / "offline.zip"
    build_offline_zip(Project(exam_course), zip_path)
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        assert names == sorted(names) and all(n.startswith("test-course/") for n in names)
        assert not [n for n in names if n.endswith(".map") or n.endswith("search_index.json")]
        assert {"test-course/index.html", "test-course/01-basics.html", "test-course/certificate.html",
                "test-course/search/search_index.js", "test-course/assets/courseforge/iframe-worker-shim.js"} <= set(names)
        page = zf.read("test-course/01-basics.html").decode("utf-8")
        assert '<script src="assets/courseforge/iframe-worker-shim.js"></script>' in page
        assert "unpkg.com" not in page and "navigation.instant" not in page
        index = zf.read("test-course/search/search_index.js").decode("utf-8")
        assert index.startswith("var __index = {") and "zanzibarian" in index
        zf.extractall(tmp_path / "unzipped")
    assert external_requests(tmp_path / "unzipped" / "test-course") == []
    # The same course gives the same zip, byte for byte.
    again = tmp_path / "again.zip"
    build_offline_zip(Project(exam_course), again)
    assert again.read_bytes() == zip_path.read_bytes()


def test_material_offline_plugin_gets_the_local_shim(course, tmp_path):
    yml = course / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("  - search\n", "  - search\n  - offline\n"), encoding="utf-8")
    build_site(Project(course), tmp_path / "site")
    page = (tmp_path / "site" / "01-basics.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in page
    assert '<script src="assets/courseforge/iframe-worker-shim.js"></script>' in page


def test_french_interface(fr_course, tmp_path):
    course = fr_course
    build_site(Project(course), tmp_path / "site")
    page = (tmp_path / "site" / "01-basics" / "index.html").read_text(encoding="utf-8")
    assert "Vérifier la réponse" in page and "Question 1 sur 7" in page and ">Vrai<" in page
    assert '<html lang="fr"' in page
    manifest = (tmp_path / "site" / "assets" / "courseforge" / "course.js").read_text(encoding="utf-8")
    assert '"correct":"Bonne réponse."' in manifest


def test_missing_plugin_is_named(course, tmp_path):
    yml = course / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("  - courseforge\n", ""), encoding="utf-8")
    with pytest.raises(CourseError) as exc:
        build_site(Project(course), tmp_path / "site")
    assert [str(d) for d in exc.value.diagnostics] == [
        "mkdocs.yml: the courseforge plugin is missing: add '- courseforge' under plugins"]


def test_shipped_course_builds_strict(tmp_path):
    project = Project(REPO)
    if not any(project.modules_dir.glob("*.md")):
        pytest.skip("no shipped modules yet")
    build_site(project, tmp_path / "site", strict=True)
    assert (tmp_path / "site" / "index.html").is_file()
    assert external_requests(tmp_path / "site") == []


def test_background_check_or_inline_builds_the_same_site(course, tmp_path, monkeypatch):
    import os

    build_site(Project(course), tmp_path / "forked")
    yml = course / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("  - courseforge\n", "  - courseforge:\n      background: false\n"),
                   encoding="utf-8")

    def no_fork():
        raise AssertionError("background: false must not fork")

    monkeypatch.setattr(os, "fork", no_fork)
    build_site(Project(course), tmp_path / "inline")

    def tree(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    forked, inline = tree(tmp_path / "forked"), tree(tmp_path / "inline")
    assert len(forked) > 50 and forked.keys() == inline.keys()
    assert [name for name in forked if forked[name] != inline[name]] == []


@pytest.mark.parametrize("theme_font", ["", "  font:\n    text: Roboto\n"])  # left out (Material's default), or set
def test_web_fonts_are_turned_off_and_the_trainer_told(course, tmp_path, caplog, capsys, theme_font):
    from courseforge.cli import main

    yml = course / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    assert "  font: false\n" in text
    yml.write_text(text.replace("  font: false\n", theme_font), encoding="utf-8")
    lines = yml.read_text(encoding="utf-8").splitlines()
    line = lines.index("  font:") + 1 if theme_font else lines.index("theme:") + 1
    col = 3 if theme_font else 1  # the line that says font:, or theme: when there is no font
    # check names it first, at its line, as a warning (the plugin turns the fonts off)...
    warning = next(d for d in check_course(Project(course)) if "theme.font is not false" in d.message)
    assert (warning.path, warning.line, warning.col, warning.severity) == ("mkdocs.yml", line, col, "warning")
    assert "courseforge builds the site with font: false instead" in warning.message
    assert "write 'font: false' under theme: in mkdocs.yml" in warning.message
    assert main(["check", "--course", str(course)]) == 0
    assert str(warning) in capsys.readouterr().out
    # ...the plugin builds with font: false and says so, once, in the same words
    caplog.set_level("WARNING", logger="mkdocs")
    build_site(Project(course), tmp_path / "site", strict=False)
    said = [r.getMessage() for r in caplog.records if "theme.font" in r.getMessage()]
    assert said == [str(warning)]
    assert str(warning).startswith(f"mkdocs.yml:{line}:")
    for p in all_files(tmp_path / "site"):
        if p.suffix in (".html", ".css"):
            body = p.read_text(encoding="utf-8", errors="replace")
            assert "fonts.googleapis.com" not in body and "fonts.gstatic.com" not in body, p
    assert external_requests(tmp_path / "site") == []
    # strict mode (courseforge build's default) stops on the warning, as on any other, naming mkdocs.yml
    with pytest.raises(CourseError) as exc:
        build_site(Project(course), tmp_path / "strict")
    assert any(d.path == "mkdocs.yml" and d.line == line and "theme.font is not false" in d.message
               for d in exc.value.diagnostics)


def test_check_and_build_agree_on_which_markers_exist(course, tmp_path):
    # A marker shown as an example in code is no marker: check does not report it, the build
    # shows it as text; odd spacing is still a marker, which the build replaces by its quiz.
    page = course / "modules" / "01-basics.md"
    text = page.read_text(encoding="utf-8").replace("<!-- quiz: q-basics -->", (
        "Write `<!-- quiz: nope -->` to place a quiz, for example:\n\n    <!-- quiz: nope-either -->\n\n"
        "<!--quiz:q-basics-->"))
    page.write_text(text, encoding="utf-8")
    assert not [d for d in check_course(Project(course)) if "nope" in d.message]
    build_site(Project(course), tmp_path / "site")
    html = (tmp_path / "site" / "01-basics" / "index.html").read_text(encoding="utf-8")
    assert html.count('id="quiz-q-basics"') == 1 and "<!--quiz:" not in html
    assert "&lt;!-- quiz: nope --&gt;" in html and "&lt;!-- quiz: nope-either --&gt;" in html


def test_a_theme_custom_dir_overrides_one_question_types_html(course, tmp_path):
    # The default build first; then courseforge/questions/true_false.html in custom_dir replaces
    # that type's part of the form, and only that.
    build_site(Project(course), tmp_path / "default")
    overrides = course / "overrides" / "courseforge" / "questions"
    overrides.mkdir(parents=True)
    (overrides / "true_false.html").write_text(
        '<p class="my-tf">\n  {{ et.true }} / {{ et.false }} for {{ q.id|e }}\n</p>\n', encoding="utf-8")
    yml = course / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"),
                   encoding="utf-8")
    build_site(Project(course), tmp_path / "custom")
    page = "01-basics/index.html"
    before = (tmp_path / "default" / page).read_text(encoding="utf-8")
    after = (tmp_path / "custom" / page).read_text(encoding="utf-8")
    assert '<p class="my-tf">True / False for sky</p>' in after and "my-tf" not in before
    tf = re.compile(r'(<div class="cf-q" id="cf-q-basics-sky".*?<legend>.*?</legend>)(.*?)(</fieldset>)', re.S)
    assert tf.sub(r"\1\3", before) == tf.sub(r"\1\3", after)  # everything else is as by default
    assert tf.search(before).group(2).startswith('<div class="cf-opts">')
