"""A small course built in tmp_path: shipped seeds, two module pages, quizzes of every type.

Tests build their own course rather than the shipped one, whose modules the
generator rewrites; only the smoke test builds what is shipped.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from courseforge.quiz.dump import dump_quiz
from courseforge.quiz.schema import schema_text
from courseforge.quiz.model import (
    Distractor,
    FillBlank,
    Item,
    Matching,
    MultipleChoice,
    Numeric,
    Option,
    Ordering,
    Pair,
    Quiz,
    SingleChoice,
    SourceRef,
    TrueFalse,
)

REPO = Path(__file__).resolve().parents[2]
COURSE_ID = "test-course"


def _refs(seeds: Path) -> tuple[list[SourceRef], dict[str, str]]:
    """Real paragraphs of the shipped seeds (so the checker accepts them), and their text."""
    try:
        from courseforge.sources.ingest import load_corpus
    except ModuleNotFoundError:
        return [SourceRef("desa-2004-social-perspective", str(n)) for n in range(1, 9)], {}
    corpus, _ = load_corpus(seeds, seeds.parent)
    paras = [(d.id, p) for d in corpus.documents for p in d.paragraphs[:4]][:8]
    return [SourceRef(doc, p.id) for doc, p in paras], {f"{doc}-{p.id}": p.text for doc, p in paras}


def all_types_quiz(ref: list[SourceRef], *, quiz_id="q-basics", module="01-basics", mode="practice") -> Quiz:
    return Quiz(
        id=quiz_id, module=module, title="Check your understanding", mode=mode, pass_mark=60,
        questions=[
            SingleChoice(id="capital", prompt="Which city is the capital of France?", explanation="Paris is the **capital**.",
                         source=ref[0], hints=["It is on the Seine.", "It has the Eiffel Tower."],
                         options=[Option("a", "Lyon", False, "Lyon is the third city."),
                                  Option("b", "Paris", True, "Yes, Paris."),
                                  Option("c", "Nice", False)]),
            MultipleChoice(id="primes", prompt="Which numbers are prime?", explanation="2 and 3 are prime.", source=ref[1],
                           options=[Option("two", "2", True), Option("three", "3", True), Option("four", "4", False, "4 = 2 × 2.")]),
            TrueFalse(id="sky", prompt="Remittances are money sent home by migrants.", explanation="That is the definition.",
                      source=ref[2], answer=True, feedback_false="They are exactly that."),
            FillBlank(id="blank", prompt="Money sent home by migrants is called ___.", explanation="Remittances.",
                      source=ref[3], answers=["remittances", "remittance"]),
            Numeric(id="year", prompt="In which year was the note written?", explanation="In 2004.", source=ref[4],
                    answer=2004, tolerance=0, unit="year"),
            Matching(id="match", prompt="Match each term with its meaning.", explanation="Definitions.", source=ref[5],
                     pairs=[Pair("p1", "Emigrant", "Person who leaves"), Pair("p2", "Immigrant", "Person who arrives")],
                     distractors=[Distractor("d1", "Person who stays")]),
            Ordering(id="order", prompt="Put these steps in order.", explanation="First, second, third.", source=ref[6],
                     items=[Item("i1", "Decide to migrate"), Item("i2", "Travel"), Item("i3", "Settle")]),
        ],
    )


def assessment_quiz(ref: list[SourceRef], *, module="02-exam") -> Quiz:
    return Quiz(
        id="q-exam", module=module, title="Final assessment", mode="assessment", pass_mark=50,
        questions=[
            SingleChoice(id="e1", prompt="Pick the SECRET-RIGHT option.", explanation="EXPLANATION-SECRET", source=ref[0],
                         options=[Option("x", "Option X", False, "FEEDBACK-SECRET-X"),
                                  Option("y", "Option Y", True, "FEEDBACK-SECRET-Y"),
                                  Option("z", "Option Z", False)]),
            TrueFalse(id="e2", prompt="The statement is true.", explanation="EXPLANATION-SECRET", source=ref[1], answer=True),
            FillBlank(id="e3", prompt="The answer is ___.", explanation="EXPLANATION-SECRET", source=ref[2],
                      answers=["ZEBRAWORD"]),
            Numeric(id="e4", prompt="How many?", explanation="EXPLANATION-SECRET", source=ref[3], answer=98765, tolerance=0),
            Ordering(id="e5", prompt="Order these.", explanation="EXPLANATION-SECRET", source=ref[4],
                     items=[Item("k1", "Zulu step"), Item("k2", "Alpha step"), Item("k3", "Mike step")]),
            Matching(id="e6", prompt="Match.", explanation="EXPLANATION-SECRET", source=ref[5],
                     pairs=[Pair("m1", "Left one", "Right one"), Pair("m2", "Left two", "Right two")]),
            MultipleChoice(id="e7", prompt="Choose several.", explanation="EXPLANATION-SECRET", source=ref[6],
                           options=[Option("o1", "First", True), Option("o2", "Second", False), Option("o3", "Third", True)]),
        ],
    )


MKDOCS_YML = """site_name: Test course
docs_dir: modules
theme:
  name: material
  language: {language}
  font: false
  features: [navigation.instant]
  palette:
    - scheme: default
      toggle: {{icon: material/weather-night, name: Switch to dark mode}}
    - scheme: slate
      toggle: {{icon: material/weather-sunny, name: Switch to light mode}}
plugins:
  - search
  - courseforge
markdown_extensions:
  - attr_list
  - md_in_html
"""


def page(module_id: str, title: str, order: int, body: str, sources: list[str]) -> str:
    return (f"---\nid: {module_id}\ntitle: {title}\norder: {order}\nstudy_time: 20\n"
            f"sources: [{', '.join(sources)}]\n---\n\n# {title}\n\n{body}\n")


def make_course(root: Path, *, language: str = "en", exam: bool = False) -> Path:
    """Write a course folder; ``exam`` makes module 2's quiz an assessment."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "seeds", root / "seeds")
    ref, texts = _refs(root / "seeds")
    docs = sorted({r.doc for r in ref})
    (root / "course.yml").write_text(f"id: {COURSE_ID}\ntitle: Test Course on Migration\nlanguage: {language}\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(language=language), encoding="utf-8")
    (root / "schema").mkdir()
    (root / "schema" / "quiz-v1.schema.json").write_text(schema_text(), encoding="utf-8")
    modules = root / "modules"
    modules.mkdir()
    (modules / "index.md").write_text("---\ntitle: Home\n---\n\n# Test Course on Migration\n\nWelcome, learner.\n", encoding="utf-8")
    (modules / "01-basics.md").write_text(page(
        "01-basics", "Basics of migration", 1,
        "Migrants send **remittances** home; the word zanzibarian appears only here.\n\n<!-- quiz: q-basics -->\n\n## After the quiz\n\nMore text.",
        docs), encoding="utf-8")
    (modules / "02-exam.md").write_text(page("02-exam", "Exam module", 2, "Read this, then answer.", docs), encoding="utf-8")
    anchors = "\n\n".join(f'<p id="{k}">{v}</p>' for k, v in texts.items()) or "Sources."
    (modules / "sources.md").write_text(f"---\ntitle: Sources\n---\n\n# Sources\n\n{anchors}\n", encoding="utf-8")
    quizzes = root / "quizzes"
    quizzes.mkdir()
    (quizzes / "q-basics.yml").write_text(dump_quiz(all_types_quiz(ref)), encoding="utf-8")
    second = assessment_quiz(ref) if exam else all_types_quiz(ref, quiz_id="q-exam", module="02-exam")
    (quizzes / "q-exam.yml").write_text(dump_quiz(second), encoding="utf-8")
    return root


@pytest.fixture
def course(tmp_path: Path) -> Path:
    return make_course(tmp_path / "course")


@pytest.fixture
def exam_course(tmp_path: Path) -> Path:
    return make_course(tmp_path / "course", exam=True)


@pytest.fixture
def fr_course(tmp_path: Path) -> Path:
    return make_course(tmp_path / "course", language="fr")


REFS = [SourceRef("doc-a", str(n)) for n in range(1, 9)]


@pytest.fixture
def practice_quiz() -> Quiz:
    """The seven-type practice quiz as a model (source refs need not resolve here)."""
    return all_types_quiz(REFS)


@pytest.fixture
def exam_quiz() -> Quiz:
    return assessment_quiz(REFS)
