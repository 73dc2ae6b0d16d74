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
