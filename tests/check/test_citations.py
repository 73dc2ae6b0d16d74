"""Citations that survive edits: a seed edited by a trainer keeps its ids, and a
question whose cited paragraph changed or vanished is reported at its line
until the trainer accepts it (``courseforge check --accept``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from courseforge.check import check_course
from courseforge.cli import main
from courseforge.course import load_course_info
from courseforge.generate.run import generate
from courseforge.project import Project
from courseforge.quiz.load import load_quizzes
from courseforge.sources.ingest import load_corpus
from courseforge.sources.stable import REGISTRY_PATH, fingerprint, record_paragraphs

PARAS = [
    "Bees need a dry hive that faces the morning sun and is sheltered from the north wind.",
    "A strong colony holds some forty thousand workers at the height of the summer.",
    "Honey is taken in late summer, leaving the bees enough stores for the winter months.",
    "Varroa mites are the main threat to colonies and must be counted every month.",
    "Swarming happens in spring when the colony outgrows its hive and the old queen leaves.",
]


def seed(paras: list[str]) -> str:
    return "Keeping bees in the valley\n\n" + "\n\n".join(paras) + "\n"


def quiz(fp2: str, fp3: str, fp5: str) -> str:
    return f"""\
# yaml-language-server: $schema=../schema/quiz-v1.schema.json
id: 01-bees
module: 01-bees
title: "Practice: bees"
mode: practice
pass_mark: 50
questions:
  - id: colony
    type: true_false
    prompt: A strong colony holds some forty thousand workers.
    answer: true
    explanation: The guide says so.
    source: {{doc: bees, para: 2, text: {fp2}}}

  - id: honey
    type: fill_blank
    prompt: Honey is taken in late ___.
    answers: [summer]
    explanation: Late summer leaves stores for the winter.
    source: {{doc: bees, para: 3, text: {fp3}}}

  - id: swarm
    type: true_false
    prompt: Swarming happens in spring.
    answer: true
    explanation: The old queen leaves with a swarm.
    source: {{doc: bees, para: 5, text: {fp5}}}

  - id: older
    type: true_false
    prompt: Varroa mites are counted every month.
    answer: true
    explanation: Written before citations recorded their text.
    source: {{doc: bees, para: 4}}
"""


@pytest.fixture
def course(tmp_path) -> Path:
    root = tmp_path / "bees-course"
    for d in ("seeds", "modules", "quizzes"):
        (root / d).mkdir(parents=True)
    (root / "course.yml").write_text("id: bees\ntitle: Keeping bees\nlanguage: en\n", encoding="utf-8")
    # a complete course folder, so that check reports only the citations
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "schema", root / "schema")
    (root / "seeds" / "sources.yml").write_text(
        "- id: bees\n  file: bees.txt\n  title: Keeping bees\n  issuer: Valley Beekeepers\n  date: '2020'\n"
        "  kind: guide\n", encoding="utf-8")
    (root / "seeds" / "bees.txt").write_text(seed(PARAS), encoding="utf-8")
    (root / "modules" / "01-bees.md").write_text(
        "---\nid: 01-bees\ntitle: Bees\norder: 1\nstudy_time: 20\nsources: [bees]\n---\n\n# Bees\n\n"
        "<!-- quiz: 01-bees -->\n", encoding="utf-8")
    fps = [fingerprint(p) for p in PARAS]
    (root / "quizzes" / "01-bees.yml").write_text(quiz(fps[1], fps[2], fps[4]), encoding="utf-8")
    corpus, _ = load_corpus(root / "seeds", root)
    record_paragraphs(root, corpus.documents)  # what generate records
    return root


def errors(root: Path) -> list[str]:
    return [f"{d.path}:{d.line}:{d.col}: {d.message}" for d in check_course(Project(root)) if d.severity == "error"]


def edit_seed(root: Path, paras: list[str]) -> None:
    (root / "seeds" / "bees.txt").write_text(seed(paras), encoding="utf-8")


def test_the_course_checks_and_older_questions_still_load(course):
    assert errors(course) == []
    q = {x.id: x for x in load_quizzes(course / "quizzes")[0][0].questions}
    assert q["older"].source.text is None and q["honey"].source.text == fingerprint(PARAS[2])


def test_inserting_and_removing_paragraphs_leaves_the_cited_ids_in_place(course):
    new = "Smoke calms the bees before the hive is opened, so every visit starts with the smoker lit."
    edit_seed(course, [new] + PARAS[:3] + PARAS[4:])  # one inserted at the top, "4" removed
    corpus, _ = load_corpus(course / "seeds", course)
    assert {p.id: p.text for p in corpus.document("bees").paragraphs} == {
        "6": new, "1": PARAS[0], "2": PARAS[1], "3": PARAS[2], "5": PARAS[4]}
    # the questions citing 2, 3 and 5 still cite the same text; the one on the removed paragraph is reported
    assert errors(course) == [
        "quizzes/01-bees.yml:34:31: question 'older' cites paragraph '4' of 'bees', which does not exist (its "
        "paragraphs are 1 to 6; see the sources page for each paragraph's id)",
    ]


def test_a_changed_cited_paragraph_is_reported_at_the_question_until_accepted(course):
    before = (course / "quizzes" / "01-bees.yml").read_text(encoding="utf-8")
    edited = PARAS[2].replace("late summer", "early autumn")
    edit_seed(course, PARAS[:2] + [edited] + PARAS[3:])
    assert errors(course) == [
        "quizzes/01-bees.yml:20:40: the text of ¶ 3 of 'bees' has changed since question 'honey' was written: "
        "check the question, then run `courseforge check --accept`",
    ]
    assert main(["check", "--accept", "--course", str(course)]) == 0
    after = (course / "quizzes" / "01-bees.yml").read_text(encoding="utf-8")
    # only that value changed; the older question gained the field
    assert after == before.replace(fingerprint(PARAS[2]), fingerprint(edited)).replace(
        "source: {doc: bees, para: 4}", f"source: {{doc: bees, para: 4, text: {fingerprint(PARAS[3])}}}")
    assert errors(course) == []


def test_a_vanished_cited_paragraph_is_reported(course):
    edit_seed(course, PARAS[:4])  # "5" removed
    assert errors(course) == [
        "quizzes/01-bees.yml:27:40: question 'swarm' was written from ¶ 5 of 'bees', which is no longer in the "
        "document (removed, or rewritten beyond recognition): check the question and cite the paragraph that "
        "now says it (see the sources page), or remove the question",
    ]


REPO = Path(__file__).resolve().parents[2]


def test_regenerating_keeps_a_trainers_quiz_and_its_stale_citation_shows(tmp_path):
    for name in ("course.yml", "mkdocs.yml"):
        shutil.copy(REPO / name, tmp_path / name)
    for name in ("seeds", "schema", "modules", "quizzes", ".courseforge"):
        shutil.copytree(REPO / name, tmp_path / name, ignore=shutil.ignore_patterns("drafts", "backup"))
    project = Project(tmp_path)
    info = load_course_info(project)
    generate(project, info)
    assert (tmp_path / REGISTRY_PATH).is_file()
    quiz_path = tmp_path / "quizzes" / "01-migration-development-nexus.yml"
    quiz_text = quiz_path.read_text(encoding="utf-8")
    kept = quiz_text + "# questions checked by the trainer\n"
    quiz_path.write_text(kept, encoding="utf-8")
    cited = next(q for q in load_quizzes(tmp_path / "quizzes")[0] if q.id == "01-migration-development-nexus")
    src = cited.questions[0].source
    corpus, _ = load_corpus(tmp_path / "seeds", tmp_path)
    para = corpus.paragraph(src.doc, src.para)
    seed_path = tmp_path / "seeds" / corpus.document(src.doc).entry.file
    raw = seed_path.read_text(encoding="utf-8")
    first_words = " ".join(para.text.split()[:4])
    assert first_words in raw
    seed_path.write_text(raw.replace(first_words, first_words + " (as amended)", 1), encoding="utf-8")
    result = generate(project, info)
    assert "quizzes/01-migration-development-nexus.yml" in result.writes.kept
    assert quiz_path.read_text(encoding="utf-8") == kept
    messages = [d.message for d in check_course(project) if d.path.endswith("01-migration-development-nexus.yml")]
    assert any(f"has changed since question '{cited.questions[0].id}' was written" in m for m in messages)
