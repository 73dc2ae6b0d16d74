"""The committed course is exactly what `courseforge generate` writes for the shipped seeds and plan."""

import shutil
from pathlib import Path

from courseforge.check import check_course
from courseforge.course import load_course_info
from courseforge.generate.questions import check_no_overlap, check_quiz
from courseforge.generate.run import generate
from courseforge.generate.write import LOCK_PATH
from courseforge.project import Project
from courseforge.quiz.load import load_quizzes
from courseforge.sources.ingest import load_corpus

REPO = Path(__file__).resolve().parents[2]


def shipped_copy(root: Path) -> Project:
    for name in ("course.yml", "mkdocs.yml"):
        shutil.copy(REPO / name, root / name)
    for name in ("seeds", "schema", "modules", "quizzes", ".courseforge"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("drafts", "backup"))
    return Project(root)


def committed_files(folder: str) -> list[str]:
    return sorted(p.relative_to(REPO).as_posix() for p in (REPO / folder).rglob("*") if p.is_file())


def test_regenerating_the_shipped_course_changes_no_byte(tmp_path):
    project = shipped_copy(tmp_path)
    lock = (tmp_path / LOCK_PATH).read_bytes()
    result = generate(project, load_course_info(project))
    w = result.writes
    assert (w.created, w.updated, w.kept, w.replaced, w.removed, w.kept_stale) == ([], [], [], [], [], [])
    assert result.report()[-1].endswith("already up to date.")
    for rel, text in result.course.files.items():
        assert (REPO / rel).read_bytes() == text.encode("utf-8"), rel
    assert (tmp_path / LOCK_PATH).read_bytes() == lock
    # nothing in modules/ or quizzes/ that generate did not write
    assert committed_files("modules") + committed_files("quizzes") == sorted(result.course.files)


def test_shipped_course_passes_check_and_every_quiz_check():
    project = Project(REPO)
    assert [str(d) for d in check_course(project) if d.severity == "error"] == []
    corpus, _ = load_corpus(project.seeds_dir, project.root)
    quizzes, diags = load_quizzes(project.quizzes_dir, project.root)
    assert diags == []
    for quiz in quizzes:
        assert check_quiz(quiz, corpus) == [], quiz.id
        assert len(quiz.questions) >= 2, quiz.id
        assert len({q.type for q in quiz.questions}) >= (2 if len(quiz.questions) >= 3 else 1), quiz.id
    cited = {q.source.doc for quiz in quizzes for q in quiz.questions}
    assert cited == {d.id for d in corpus.documents}  # every document is cited


def test_shipped_course_pages_hold_the_series_landmarks():
    timeline = (REPO / "modules/timeline.md").read_text(encoding="utf-8")
    assert "## 1949\n\n- **Convention No 97** — " in timeline
    last = timeline.split("## 2013\n")[1]
    assert "second high-level dialogue" in last
    glossary = (REPO / "modules/glossary.md").read_text(encoding="utf-8")
    for acronym in ("IOM", "UNFPA", "GFMD", "HLD", "GMG", "CPD", "ECOSOC", "ILO", "OECD", "UNHCR", "UNITAR", "GATS"):
        assert f"| **{acronym}** | " in glossary, acronym
    home = (REPO / "modules/index.md").read_text(encoding="utf-8")
    assert home.count("](0") == 9  # the eight modules and the final assessment, with study times


def test_final_assessment_asks_nothing_a_practice_quiz_asks():
    """Practice quizzes carry their keys into the browser: an assessment question
    on the same sentence, events or near-duplicate prompt would leak its answer."""
    from rapidfuzz import fuzz

    from courseforge.generate.questions.checks import quoted, strip_insertions

    quizzes, _ = load_quizzes(REPO / "quizzes", REPO)
    final = [q for q in quizzes if q.mode == "assessment"]
    assert [q.id for q in final] == ["final-assessment"]
    (final,) = final
    practice = [q for quiz in quizzes if quiz.mode == "practice" for q in quiz.questions]
    assert len(final.questions) >= 8 and len({q.type for q in final.questions}) >= 3
    assert check_no_overlap(final.questions, practice) == []
    # the same rules, spelt out independently of check_no_overlap
    practice_sentences = {(p.source, strip_insertions(quoted(p))) for p in practice if quoted(p)}
    for q in final.questions:
        assert q.id not in {p.id for p in practice}
        if quoted(q) and q.type not in ("matching", "ordering"):
            assert (q.source, strip_insertions(quoted(q))) not in practice_sentences, q.id
        for p in practice:
            assert fuzz.token_set_ratio(q.prompt, p.prompt) < 90 or q.type in ("matching", "ordering"), (q.id, p.id)


def test_shipped_course_has_ordering_and_select_all_questions():
    import re

    from courseforge.generate.extract import dated_items, derived_from

    corpus, _ = load_corpus(REPO / "seeds", REPO)
    quizzes, _ = load_quizzes(REPO / "quizzes", REPO)
    questions = [q for quiz in quizzes for q in quiz.questions]
    orderings = [q for q in questions if q.type == "ordering"]
    assert orderings
    for q in orderings:
        text = corpus.paragraph(q.source.doc, q.source.para).text
        years = {e.text: e.year for e in dated_items(text)}
        got = [years[i.text] for i in q.items]
        assert len(got) >= 3 and got == sorted(set(got)), q.id  # distinct years, earliest first
        for i in q.items:
            assert not re.search(r"\b1[89]\d\d\b|\b20\d\d\b", i.text), i.text
            assert derived_from(i.text, text), i.text
    multiples = [q for q in questions if q.type == "multiple"]
    assert multiples
    for q in multiples:
        text = corpus.paragraph(q.source.doc, q.source.para).text
        right = [o.text for o in q.options if o.correct]
        assert len(right) >= 2 and all(k in text for k in right), q.id
        assert not [o.text for o in q.options if not o.correct and o.text in text], q.id
