"""`courseforge build [--offline] [--out PATH]` as a trainer runs it."""

from __future__ import annotations

import zipfile

from courseforge.cli import main


def test_build_writes_site_folder(course, capsys, monkeypatch):
    monkeypatch.chdir(course)
    assert main(["build"]) == 0
    assert (course / "site" / "01-basics" / "index.html").is_file()
    out = capsys.readouterr().out
    assert out.startswith(f"site built in {course / 'site'} in ") and out.endswith(" s\n")


def test_build_offline_writes_zip(course, tmp_path, capsys):
    out_zip = tmp_path / "learners.zip"
    assert main(["build", "--course", str(course), "--offline", "--out", str(out_zip)]) == 0
    with zipfile.ZipFile(out_zip) as zf:
        assert "test-course/index.html" in zf.namelist()
    out = capsys.readouterr().out
    assert out.startswith(f"offline site written to {out_zip} in ")
    assert out.endswith(": unzip it and open index.html in a browser\n")
    # Default name: dist/<course id>-offline.zip in the course folder (dist/ is git-ignored).
    assert main(["build", "--course", str(course), "--offline"]) == 0
    assert (course / "dist" / "test-course-offline.zip").is_file()


def test_build_errors_are_listed_and_exit_1(course, capsys):
    quiz = course / "quizzes" / "q-basics.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("explanation: In 2004.", "explaination: In 2004."),
                    encoding="utf-8")
    assert main(["build", "--course", str(course)]) == 1
    err = capsys.readouterr().err
    assert "quizzes/q-basics.yml:" in err and "explaination" in err
    assert "Traceback" not in err
    assert not (course / "site" / "index.html").exists()
