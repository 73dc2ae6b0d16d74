"""The README's set-up commands are what CI runs and what the project ships, and its
new-course commands work word for word."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = text.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", setup, re.S)


def test_readme_setup_is_install_then_new_course_then_tests():
    commands = readme_commands()
    assert len(commands) == 3
    install, new_course, tests = commands
    assert "\n" not in install and "\n" not in tests
    assert "courseforge build" in install
    assert new_course.startswith(".venv/bin/courseforge new ")
    assert tests.endswith(".venv/bin/pytest")


def test_ci_runs_the_readme_test_command_word_for_word():
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert readme_commands()[-1] in ci_lines


def test_npm_step_has_a_lock_file_to_install_from():
    assert "npm ci --prefix tests/js" in readme_commands()[-1]


def test_the_readme_new_course_commands_run_word_for_word(tmp_path):
    """The trainer's documents are written where the README says; .venv is this test run's environment."""
    sys.path.insert(0, str(ROOT / "tests" / "sources"))
    try:
        import documents
    finally:
        sys.path.pop(0)
    block = readme_commands()[1]
    home = tmp_path / "home"
    for path in re.findall(r"~/(\S+)", block):
        target = home / path
        target.parent.mkdir(parents=True, exist_ok=True)
        documents.WRITERS[target.suffix](target)
    work = tmp_path / "work"
    work.mkdir()
    (work / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    env = {**os.environ, "HOME": str(home)}
    run = subprocess.run(["bash", "-e", "-c", block], cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    course = work / "my-course"
    assert (course / "site" / "index.html").is_file()
    assert (course / "site" / "sources" / "index.html").is_file()
    assert sorted(p.name for p in (course / "seeds").iterdir()) == ["handbook.pdf", "rules.docx", "sources.yml"]
    assert (ROOT / "tests" / "js" / "package-lock.json").is_file()


def usage_commands() -> list[str]:
    """The Command column of the table under "Using courseforge"."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    usage = text.split("## Using courseforge", 1)[1].split("\n### ", 1)[0]
    rows = [re.split(r"(?<!\\)\|", line) for line in usage.splitlines() if line.startswith("| ") and "`" in line]
    return [re.fullmatch(r"\s*`(.+)`\s*", row[2]).group(1).replace("\\|", "|") for row in rows]


def test_every_command_in_the_usage_table_runs_as_installed_by_the_setup_command():
    """The set-up command installs into .venv/ without activating it: a bare `courseforge` would not be
    found, so each command is spelled as the set-up leaves it, and courseforge's parser accepts it."""
    import tomllib

    from courseforge.cli import COMMANDS, build_parser

    install = readme_commands()[0]
    assert install.startswith("python3 -m venv .venv && .venv/bin/pip install ")
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert "courseforge" in scripts  # what puts .venv/bin/courseforge there
    commands = usage_commands()
    assert len(commands) >= 8
    seen = set()
    for command in commands:
        program, *words = command.split()
        assert program == ".venv/bin/courseforge", command
        assert words[0] in COMMANDS, command
        seen.add(words[0])
        if "--format" in words:  # gift|moodle-xml|qti|scorm: each must be a valid choice
            i = words.index("--format") + 1
            variants = [words[:i] + [f] + words[i + 1:] for f in words[i].split("|")]
        else:
            variants = [words]
        for argv in variants:
            argv = [w.replace("SUBMISSIONS…", "submissions.json") for w in argv]
            build_parser(argv[0]).parse_args(argv)  # exits on an unknown option or choice
    assert {"generate", "check", "serve", "build", "grade", "export", "import"} <= seen
