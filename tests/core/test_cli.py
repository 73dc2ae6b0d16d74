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
