"""A course generated from documents of other kinds than the seeds.

tests/data/corpora holds a charter (parts, articles, lettered principles,
definitions), a resolution (a preamble and operative clauses, one with lettered
items) and a report (figures, a table, recommendations), on three unrelated
subjects. They are made into a course as a trainer would (``courseforge new``
then ``generate``), and the course is held to the rules of a publishable quiz.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from courseforge.cli import main
from courseforge.generate.questions import check_quiz
from courseforge.generate.questions.checks import OPPOSITES, STRUCTURE_LEADS, key_texts, stem
from courseforge.project import Project
from courseforge.quiz.load import load_quizzes
from courseforge.sources.ingest import load_corpus

CORPORA = Path(__file__).resolve().parents[1] / "data" / "corpora"


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpora") / "course"
    assert main(["new", str(root), *map(str, sorted(CORPORA.glob("*.txt")))]) == 0
    assert main(["generate", "--course", str(root)]) == 0
    project = Project(root)
    quizzes, diags = load_quizzes(project.quizzes_dir, project.root)
    assert diags == []
    corpus, _ = load_corpus(project.seeds_dir, project.root)
    return project, quizzes, corpus


def test_one_module_per_subject(course):
    project, quizzes, corpus = course
    plan = yaml.safe_load((project.root / "course.yml").read_text(encoding="utf-8"))
    # a water charter, a health resolution and a literacy report share no subject
    assert len(plan["modules"]) == 3
    practice = [q for q in quizzes if q.mode == "practice"]
    # each module's quiz asks about its own document only
    assert sorted(tuple(sorted({q.source.doc for q in quiz.questions})) for quiz in practice) == sorted(
        (d.id,) for d in corpus.documents)


def test_every_quiz_passes_every_check_and_has_an_assessment(course):
    _, quizzes, corpus = course
    for quiz in quizzes:
        assert check_quiz(quiz, corpus) == [], quiz.id
    assert [q.mode for q in quizzes].count("assessment") == 1
    final = next(q for q in quizzes if q.mode == "assessment")
    assert len(final.questions) >= 8 and len({q.type for q in final.questions}) >= 3


def test_questions_are_what_an_editor_accepts(course):
    _, quizzes, _ = course
    for quiz in quizzes:
        tf = [q for q in quiz.questions if q.type == "true_false"]
        assert 3 * len(tf) <= max(len(quiz.questions), 6), quiz.id  # a third at most (two in a short quiz)
        keys = [k.casefold() for q in quiz.questions if q.type in ("single", "fill_blank") for k in key_texts(q)[:1]]
        assert len(keys) == len(set(keys)), quiz.id  # no key twice in a quiz
        for q in quiz.questions:
            s = stem(q)
            assert not re.match(r"(?:However|Therefore|For example|It|They|This)\b", s), q.id
            assert not re.search(r"\bcurrently\b|\brecently\b", s), q.id
            if q.type == "true_false" and not q.answer:
                said = re.search(r"“(.*)”", q.explanation).group(1)
                assert " not " not in s.replace(said, ""), q.id
                changed = set(s.split()) - set(said.split())
                assert not any(OPPOSITES.get(w.strip(".,").lower()) for w in changed), q.id


def test_the_documents_structures_are_asked(course):
    project, quizzes, corpus = course
    questions = [q for quiz in quizzes for q in quiz.questions]
    # definitions of the charter and the report: "Which term does the source define this way?",
    # with the other terms the same document defines as options, or written by the learner
    defined = [q for q in questions if q.prompt.startswith(STRUCTURE_LEADS["term"])
               or (q.type == "fill_blank" and re.search(r"___\W{0,2} (?:means|is defined as)\b", q.prompt))]
    assert len(defined) >= 3
    for q in defined:
        for o in getattr(q, "options", []):
            assert any(o.text.casefold() in p.text.casefold() for p in corpus.document(q.source.doc).paragraphs), o.text
    # the resolution's clauses read with their subject, and their source is the clause itself
    resolution = next(d for d in corpus.documents if d.entry.kind == "resolution")
    clauses = [q for q in questions if q.source.doc == resolution.id]
    assert len(clauses) >= 3
    assert any(stem(q).startswith("The Regional Health Assembly ") for q in clauses)
    for q in clauses:
        assert q.source.para.startswith(("op-", "preamble-")), q.source.para
        assert "“" in q.explanation and "The Regional Health Assembly" not in q.explanation.split("“", 1)[1]
    # articles are cited by their own numbering
    charter = next(d for d in corpus.documents if d.entry.kind == "charter")
    assert all(q.source.para.startswith(("article-", "preamble-")) for q in questions if q.source.doc == charter.id)


def test_generate_explains_every_quiz_shorter_than_the_aim(course):
    from courseforge.course import load_course_info
    from courseforge.generate.build import MIN_QUESTIONS
    from courseforge.generate.run import generate

    project, _, _ = course
    result = generate(project, load_course_info(project), dry_run=True)
    said = [str(w) for w in result.warnings]
    for m in result.course.modules:
        if m.assessment or len(m.quiz.questions) >= MIN_QUESTIONS:
            continue
        why = [w for w in said if f"module '{m.plan.title}'" in w]
        assert why and f"aim: {MIN_QUESTIONS}" in why[0] and ("true/false" in why[0] or "checks" in why[0]), m.id
        # and the report says, for that module, what was drafted and why the rest was left out
        assert m.stats and m.stats.tried and "candidate questions drafted" in m.stats.summary()
