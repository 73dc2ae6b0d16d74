"""generate end to end: real sources loader, plan, pages, quizzes, lock file, check_course."""

import re
import shutil
from pathlib import Path

import pytest

from courseforge.check import check_course
from courseforge.cli import main
from courseforge.course import load_course_info
from courseforge.diagnostics import CourseError
from courseforge.generate.build import default_toolkit
from courseforge.generate.pages import plural
from courseforge.generate.run import generate
from courseforge.generate.write import DRAFTS_DIR, LOCK_PATH
from courseforge.project import Project
from courseforge.generate.questions import check_quiz
from courseforge.quiz.load import load_quizzes
from courseforge.sources.ingest import load_corpus

REPO = Path(__file__).resolve().parents[2]

COURSE_YML = "id: oceans\ntitle: Oceans and Fisheries\ndescription: A short test course.\nlanguage: en\n"

# another topic, numbered (.txt) and unnumbered (.md) paragraphs
REEFS_TXT = """OCEAN HEALTH REPORT

Marine Science Council

I. Coral reefs

1. Coral reefs cover less than one per cent of the ocean floor but shelter about 25 per cent of all marine species. The Global Coral Reef Monitoring Network (GCRMN) has tracked reef health since 1995 with partners in more than 70 countries.
2. Mass bleaching events struck reefs worldwide in 1998, 2010 and 2016. In 2016 alone, the Great Barrier Reef lost about 30 per cent of its shallow-water corals, according to the Australian Institute of Marine Science (AIMS).
3. The International Coral Reef Initiative (ICRI) was founded in 1994 by eight governments to protect reefs. It now brings together more than 90 members, including the United Nations Environment Programme (UNEP).
4. Reef restoration projects replant fragments of fast-growing corals on damaged reefs. Scientists warn that restoration cannot replace cuts in greenhouse gas emissions, which drive ocean warming and acidification.

II. Fisheries

5. The Food and Agriculture Organization (FAO) estimates that 35.4 per cent of assessed fish stocks were overfished in 2019. Fisheries and aquaculture employ about 58 million people, mostly in small-scale fishing communities.
6. The Agreement on Port State Measures (PSMA), which entered into force in 2016, is the first binding international agreement to target illegal, unreported and unregulated fishing. More than 70 states are parties to it.
7. In 2022 members of the World Trade Organization (WTO) adopted an agreement on fisheries subsidies that bans support for illegal fishing and for fishing of overfished stocks. Harmful subsidies are estimated at 22 billion dollars a year.
"""

PLASTIC_MD = """# Plastics in the ocean

Between 8 and 12 million tonnes of plastic enter the ocean every year, most of it from land-based sources such as rivers and poorly managed waste. Plastic debris harms seabirds, turtles and marine mammals that swallow it or become entangled in it.

## International action

In 2022 the United Nations Environment Assembly (UNEA) agreed to negotiate a legally binding treaty on plastic pollution, including in the marine environment. An Intergovernmental Negotiating Committee (INC) was set up to prepare the text by the end of 2024.

The Basel Convention on hazardous wastes was amended in 2019 to cover plastic waste. The amendment requires exporters to obtain the consent of importing countries before shipping contaminated or mixed plastic waste.

## Local solutions

Coastal cities reduce marine litter by improving waste collection, banning single-use bags and supporting recycling cooperatives. In Kenya, a ban on plastic bags introduced in 2017 is among the strictest in the world, with fines of up to 40,000 dollars.

Fishing communities take part in clean-up campaigns and return lost fishing gear, which makes up a large share of floating plastic. Ghost nets keep catching fish, turtles and dolphins for years after they are lost.
"""

SOURCES_YML = """- id: ocean-health-2020
  file: reefs.txt
  title: Ocean Health Report
  issuer: Marine Science Council
  date: "2020"
  kind: report
- id: plastics-brief
  file: plastics.md
  title: Plastics in the Ocean
  issuer: Ocean Policy Forum
  date: "2023"
  kind: policy brief
"""


def toolkit():
    return default_toolkit()


def write_test_course(root: Path, *, plan: str = "") -> Project:
    (root / "seeds").mkdir(parents=True)
    (root / "course.yml").write_text(COURSE_YML + plan, encoding="utf-8")
    (root / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "seeds/reefs.txt").write_text(REEFS_TXT, encoding="utf-8")
    (root / "seeds/plastics.md").write_text(PLASTIC_MD, encoding="utf-8")
    (root / "seeds/sources.yml").write_text(SOURCES_YML, encoding="utf-8")
    if (REPO / "schema").is_dir():
        shutil.copytree(REPO / "schema", root / "schema")
    return Project(root)


def copy_shipped_course(root: Path) -> Project:
    for name in ("course.yml", "mkdocs.yml"):
        shutil.copy(REPO / name, root / name)
    for name in ("seeds", "schema", "modules", "quizzes", ".courseforge"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("drafts", "backup"))
    return Project(root)


def errors(project):
    return [str(d) for d in check_course(project) if d.severity == "error"]


def test_other_corpus_without_a_plan_gives_a_course_that_passes_check(tmp_path):
    project = write_test_course(tmp_path)
    result = generate(project, load_course_info(project), tools=toolkit())
    assert result.plan.proposed
    assert "proposed from the documents (course.yml lists no modules)" in result.report()[0]
    assert errors(project) == []
    quizzes, diags = load_quizzes(project.quizzes_dir, project.root)
    assert diags == []
    lessons = [m for m in result.course.modules if not m.assessment]
    assert len(lessons) >= 1
    assert sorted(q.module for q in quizzes) == sorted(m.id for m in result.course.modules)
    corpus, _ = load_corpus(project.seeds_dir, project.root)
    for quiz in quizzes:
        assert check_quiz(quiz, corpus) == [], quiz.id
    # the proposer made only as many modules as the documents can feed: every
    # module quiz has at least 8 questions of at least 3 types
    for m in lessons:
        assert len(m.quiz.questions) >= 8 and len({q.type for q in m.quiz.questions}) >= 3, m.id
    cited = {q.source.doc for quiz in quizzes for q in quiz.questions}
    used = {d for m in result.course.modules for d in m.sources}
    assert used == {"ocean-health-2020", "plastics-brief"}
    assert cited <= used
    sources_page = (project.modules_dir / "sources.md").read_text(encoding="utf-8")
    assert '<p id="ocean-health-2020-3">' in sources_page
    assert '<p id="plastics-brief-' in sources_page


def test_auto_flag_ignores_the_plan(tmp_path):
    plan = "modules:\n  - title: Reefs\n    topics: [coral reefs]\n"
    project = write_test_course(tmp_path, plan=plan)
    planned = generate(project, load_course_info(project), dry_run=True, tools=toolkit())
    assert [m.id for m in planned.plan.modules] == ["01-reefs"]
    auto = generate(project, load_course_info(project), auto=True, dry_run=True, tools=toolkit())
    assert auto.plan.proposed
    assert auto.report()[0].startswith(f"Would generate {plural(len(auto.plan.modules), 'module')} proposed from the "
                                       "documents (--auto; the plan in course.yml was not used), ")
    assert not project.modules_dir.exists()  # dry runs write nothing


def test_dry_run_writes_nothing_and_says_so(tmp_path):
    project = write_test_course(tmp_path)
    result = generate(project, load_course_info(project), dry_run=True, tools=toolkit())
    lines = result.report()
    assert lines[-1] == "Dry run: nothing was written."
    assert "would create  modules/index.md" in lines
    assert not project.modules_dir.exists() and not (tmp_path / LOCK_PATH).exists()


def test_edits_survive_regeneration_byte_for_byte(tmp_path):
    project = write_test_course(tmp_path)
    info = load_course_info(project)
    first = generate(project, info, tools=toolkit())
    module = next(m for m in first.course.modules if not m.assessment)
    page = project.modules_dir / f"{module.id}.md"
    quiz = project.quizzes_dir / f"{module.quiz.id}.yml"
    edited_page = page.read_bytes().replace(b"## Overview", b"## Overview\n\nMy own introduction.\n")
    edited_quiz = quiz.read_bytes() + b"# checked by the trainer\n"
    page.write_bytes(edited_page)
    quiz.write_bytes(edited_quiz)
    again = generate(project, info, tools=toolkit())
    assert page.read_bytes() == edited_page
    assert quiz.read_bytes() == edited_quiz
    rel_page, rel_quiz = f"modules/{module.id}.md", f"quizzes/{module.quiz.id}.yml"
    assert again.writes.kept == [rel_page, rel_quiz]
    report = "\n".join(again.report())
    assert (f"kept      {rel_page} — you edited it, so it was not overwritten. The new draft is in "
            f"{DRAFTS_DIR}/{rel_page}; compare them, or run 'courseforge generate --force' to replace your "
            "version.") in report
    draft = tmp_path / DRAFTS_DIR / rel_page
    assert draft.read_text(encoding="utf-8") == first.course.files[rel_page]
    assert (tmp_path / DRAFTS_DIR / rel_quiz).read_text(encoding="utf-8") == first.course.files[rel_quiz]
    # everything else was already up to date
    assert again.writes.created == [] and again.writes.updated == []


def test_non_text_seed_is_refused_with_supported_formats(tmp_path, capsys):
    project = write_test_course(tmp_path)
    (tmp_path / "seeds/report.odt").write_bytes(b"PK\x03\x04")
    with (tmp_path / "seeds/sources.yml").open("a", encoding="utf-8") as fh:
        fh.write("- id: report\n  file: report.odt\n  title: A report\n  issuer: Someone\n  date: '2021'\n  kind: report\n")
    with pytest.raises(CourseError) as err:
        generate(project, load_course_info(project), tools=toolkit())
    text = str(err.value)
    assert "report.odt" in text and ".txt" in text and ".md" in text
    assert main(["generate", "--course", str(tmp_path)]) == 1
    assert ".txt" in capsys.readouterr().err
    assert not project.modules_dir.exists()


def test_plan_errors_stop_generate_with_file_and_line(tmp_path, capsys):
    write_test_course(tmp_path, plan="modules:\n  - title: Reefs\n    topic: [coral]\n")
    assert main(["generate", "--course", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "course.yml:7:5: module 1: unknown key 'topic' (a module has id, title, topics)" in err


def test_same_inputs_give_byte_identical_output(tmp_path):
    a = write_test_course(tmp_path / "a")
    b = write_test_course(tmp_path / "b")
    ra = generate(a, load_course_info(a), tools=toolkit())
    rb = generate(b, load_course_info(b), tools=toolkit())
    assert ra.course.files == rb.course.files
    for rel in ra.course.files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()
    assert (tmp_path / "a" / LOCK_PATH).read_bytes() == (tmp_path / "b" / LOCK_PATH).read_bytes()


def test_force_replaces_an_edit_and_keeps_the_trainers_version(tmp_path, capsys):
    project = write_test_course(tmp_path)
    assert main(["generate", "--course", str(tmp_path)]) == 0
    page = project.modules_dir / "index.md"
    generated = page.read_bytes()
    page.write_bytes(generated + b"\nMy note.\n")
    capsys.readouterr()
    assert main(["generate", "--force", "--course", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    [line] = [x for x in out.splitlines() if x.startswith("replaced modules/index.md")]
    backup = line.rsplit(" in ", 1)[1]
    assert re.fullmatch(r"\.courseforge/backup/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ/modules/index\.md", backup), line
    assert line == f"replaced modules/index.md — you had edited it; your version is saved in {backup}"
    assert page.read_bytes() == generated
    assert (tmp_path / backup).read_bytes() == generated + b"\nMy note.\n"
    # a second forced run keeps the first backup and says where the new one is
    page.write_bytes(generated + b"\nSecond note.\n")
    assert main(["generate", "--force", "--course", str(tmp_path)]) == 0
    second = [x for x in capsys.readouterr().out.splitlines() if x.startswith("replaced ")][0].rsplit(" in ", 1)[1]
    assert second != backup
    assert (tmp_path / backup).read_bytes() == generated + b"\nMy note.\n"
    assert (tmp_path / second).read_bytes() == generated + b"\nSecond note.\n"


def test_output_does_not_depend_on_string_hashing(tmp_path):
    """Set and dict order must not leak into the files: two processes with
    different hash seeds write the same bytes."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "4242"):
        root = tmp_path / seed
        write_test_course(root)
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "courseforge", "generate", "--course", str(root)],
                              env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        files = sorted(p for p in root.rglob("*") if p.is_file() and "seeds" not in p.parts)
        outputs.append({p.relative_to(root).as_posix(): p.read_bytes() for p in files})
    assert outputs[0] == outputs[1]


def test_auto_plan_never_proposes_more_modules_than_the_documents_can_feed(tmp_path, monkeypatch):
    """Even when clustering asks for four modules of the two short test documents,
    every proposed module ends up with a quiz of at least 8 questions of 3 types."""
    import courseforge.generate.propose as propose

    monkeypatch.setattr(propose, "module_count", lambda n, max_modules=8: min(4, max_modules))
    project = write_test_course(tmp_path)
    result = generate(project, load_course_info(project), dry_run=True, tools=toolkit())
    lessons = [m for m in result.course.modules if not m.assessment]
    assert 1 <= len(lessons) < 4
    for m in lessons:
        assert len(m.quiz.questions) >= 8 and len({q.type for q in m.quiz.questions}) >= 3, m.id


def test_discussion_questions_are_built_from_the_modules_own_readings(tmp_path):
    project = write_test_course(tmp_path)
    result = generate(project, load_course_info(project), tools=toolkit())
    corpus, _ = load_corpus(project.seeds_dir, project.root)
    texts = " ".join(p.text for d in corpus.documents for p in d.paragraphs)
    pages = [m for m in result.course.modules if not m.assessment]
    assert pages
    for m in pages:
        page = (project.modules_dir / f"{m.id}.md").read_text(encoding="utf-8")
        part = page.split("## Discussion questions", 1)[1].split("\n## ", 1)[0]
        questions = [line for line in part.splitlines() if re.match(r"^\d+\. ", line)]
        assert 2 <= len(questions) <= 4, m.id
        quoted = re.findall(r"“([^”]+)”", part)
        assert quoted, part  # at least one question quotes the readings
        for q in quoted:  # a quote is a sentence of the documents (Markdown escapes aside)
            assert q.replace("\\", "")[:40] in texts, q
        # nothing from a fixed subject-specific template
        assert not re.search(r"\bmigra", part, re.I), part
