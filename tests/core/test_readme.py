"""The README's two set-up commands are what CI runs and what the project ships."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = text.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", setup, re.S)


def test_readme_has_exactly_two_setup_commands_of_one_line_each():
    commands = readme_commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    install, tests = commands
    assert "courseforge build" in install
    assert tests.endswith(".venv/bin/pytest")


def test_ci_runs_the_readme_test_command_word_for_word():
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert readme_commands()[1] in ci_lines


def test_npm_step_has_a_lock_file_to_install_from():
    assert "npm ci --prefix tests/js" in readme_commands()[1]
    assert (ROOT / "tests" / "js" / "package-lock.json").is_file()
