"""The command line: help, and no traceback whatever goes wrong."""

import pytest

from courseforge import cli


def test_help_lists_every_command(capsys):
    assert cli.main([]) == 2
    out = capsys.readouterr().out
    for name in ("check", "generate", "build", "serve", "grade", "export", "import", "schema"):
        assert name in out


def test_unwritable_output_names_the_path_without_traceback(tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    assert cli.main(["build", "--out", str(blocker / "site")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert str(blocker) in err and ("Not a directory" in err or "File exists" in err)


def test_an_internal_error_is_reported_as_a_bug_in_one_line(monkeypatch, capsys):
    def broken(args):
        raise ValueError("unexpected state")

    monkeypatch.delenv("COURSEFORGE_DEBUG", raising=False)
    monkeypatch.setattr(cli, "_load", lambda name: type("M", (), {
        "HELP": "h", "add_arguments": staticmethod(lambda p: None), "run": staticmethod(broken)}))
    assert cli.main(["check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("courseforge: internal error (ValueError: unexpected state). This is a bug")
    assert "Traceback" not in err
    monkeypatch.setenv("COURSEFORGE_DEBUG", "1")
    with pytest.raises(ValueError):
        cli.main(["check"])


@pytest.mark.parametrize("where", ["before", "after", "equals-before"])
def test_course_is_accepted_before_or_after_the_command(where, tmp_path, monkeypatch, capsys):
    """`courseforge --course PATH check` and `courseforge check --course PATH` check the same course."""
    (tmp_path / "course.yml").write_text("id: reefs\ntitle: Reefs\n", encoding="utf-8")
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "broken.yml").write_text("id: [\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # not inside the course: only --course can find it
    argv = {"before": ["--course", str(tmp_path), "check"],
            "after": ["check", "--course", str(tmp_path)],
            "equals-before": [f"--course={tmp_path}", "check"]}[where]
    assert cli.main(argv) == 1
    captured = capsys.readouterr()
    assert "quizzes/broken.yml:" in captured.out + captured.err
    assert "usage:" not in captured.err


def test_course_before_the_command_is_not_taken_for_the_command(tmp_path, capsys):
    assert cli.command_name(["--course", "check", "build"]) == "build"
    assert cli.command_name(["--course=x", "export", "--format", "gift"]) == "export"
    assert cli.command_name(["--version"]) is None
