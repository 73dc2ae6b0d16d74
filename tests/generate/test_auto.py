"""`generate --auto` on corpora of 1, 2, 3 and 10 documents, on one topic and on unrelated topics.

It once looped for 71 minutes on three public UN texts (the retry asking for one module fewer never
got below two). Each corpus here is made up (``corpora.py``: documents of one topic share their
vocabulary, documents of different topics share only everyday words) and generated as a trainer
does it, by the command in its own process, so that a run that does not end fails the test instead
of hanging the suite. The proposed plan is read back from course.yml.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from courseforge.generate.propose import module_count
from courseforge.quiz.load import load_quizzes

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpora  # noqa: E402

PARAGRAPHS = 6  # per document
ENDS_WITHIN = 300  # seconds; the largest corpus here takes about 15 s


def generate_auto(root: Path) -> tuple[list[dict], list]:
    """Run `courseforge generate --auto` on the course at ``root``: (plan modules, quizzes)."""
    try:
        run = subprocess.run([sys.executable, "-m", "courseforge.cli", "generate", "--auto", "--course", str(root)],
                             capture_output=True, text=True, timeout=ENDS_WITHIN)
    except subprocess.TimeoutExpired:
        pytest.fail(f"generate --auto did not end within {ENDS_WITHIN} s")
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    plan = yaml.safe_load((root / "course.yml").read_text(encoding="utf-8"))
    quizzes, diags = load_quizzes(root / "quizzes", root)
    assert diags == []
    return plan.get("modules") or [], quizzes


def practice_docs(quizzes) -> list[set[str]]:
    """Per practice quiz (one per module), the documents its questions cite."""
    return [{q.source.doc for q in quiz.questions} for quiz in quizzes if quiz.mode == "practice"]


@pytest.mark.parametrize("n", [1, 2, 3, 10])
def test_one_topic(tmp_path, n):
    root = corpora.write_course(tmp_path / "course", [("bees", seed) for seed in range(n)], PARAGRAPHS)
    modules, quizzes = generate_auto(root)
    # one document gives one module; more give about one module per 20 paragraphs, never more
    # modules than documents, each with its quiz
    most = min(n, module_count(n * PARAGRAPHS))
    assert 1 <= len(modules) <= most, [m["title"] for m in modules]
    if n == 1:
        assert len(modules) == 1
    assert len(practice_docs(quizzes)) == len(modules)
    assert all(practice_docs(quizzes)), "a module without questions"


@pytest.mark.parametrize("n", [2, 3, 10])
def test_unrelated_topics(tmp_path, n):
    topics = list(corpora.TOPICS)[:n]
    root = corpora.write_course(tmp_path / "course", [(topic, 0) for topic in topics], PARAGRAPHS)
    modules, quizzes = generate_auto(root)
    # one module per subject: unrelated documents are never merged (even past the usual 8 modules)
    assert len(modules) == n, [m["title"] for m in modules]
    cited = practice_docs(quizzes)
    assert sorted(tuple(sorted(docs)) for docs in cited) == sorted((f"{topic}-0",) for topic in topics)
    # the titles are the documents' own
    assert sorted(m["title"] for m in modules) == sorted(corpora.TOPICS[t]["title"][0] for t in topics)
