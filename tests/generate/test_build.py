"""The pure core: plan + corpus in, page and quiz texts out (stand-in questions)."""

import re

import yaml

from courseforge.course import CourseInfo
from courseforge.generate import extract, prose
from courseforge.generate.build import Toolkit, build_course
from courseforge.generate.plan import CoursePlan, ModulePlan
from courseforge.generate.stats import Drafted
from courseforge.quiz.dump import dump_quiz
from courseforge.sources.model import paragraph_anchor

from gen_standins import fake_questions, no_problems, simple_corpus

TOOLS = Toolkit(prose.sentences, extract.acronyms, extract.dated_events, extract.figures, extract.organizations,
                fake_questions, no_problems, dump_quiz)


PLACES = ["Fiji", "Belize", "Kenya", "Oman", "Palau", "Cuba", "Samoa", "Tonga", "Haiti", "Aruba", "Nauru", "Malta",
          "Chile", "Peru"]
WORDS = ["storms", "tourists", "anchors", "sewage", "dredging", "plastics", "heatwaves", "runoff", "starfish",
         "overfishing", "algae", "sediment", "disease", "cyclones"]


def varied(i: int) -> str:
    """Enough different words per paragraph that no two are near-duplicates."""
    a, b = WORDS[i], WORDS[(i + 5) % 14]
    return (f" Near {PLACES[i]}, {a} and {b} were blamed, and {PLACES[(i + 3) % 14]} officials promised "
            f"{i + 2} new rules on {a}.")


def corpus():
    return simple_corpus({
        "reefs": [f"The Coral Reef Council (CRC) reported in 2016 that 30 per cent of shallow corals died in reef {i}."
                  + varied(i) for i in range(14)],
        "fish": [f"The Food and Agriculture Organization (FAO) found in 2019 that 35 per cent of fish stocks in zone {i} "
                 "were overfished." + varied(13 - i) for i in range(14)],
    }, {"reefs": "Reef Report", "fish": "Fish Report"})


PLAN = CoursePlan("Oceans", "", (ModulePlan("reefs", "Coral reefs", ("coral reef", "shallow corals"), 1),
                                ModulePlan("fish", "Fisheries", ("fish stocks", "overfished"), 2)))
INFO = CourseInfo("oceans", "Oceans", "About the sea.")


def front(text):
    return yaml.safe_load(text.split("---\n")[1])


def test_module_page_follows_the_seminar_session_order():
    out = build_course(corpus(), INFO, PLAN, TOOLS)
    page = out.files["modules/01-reefs.md"]
    headings = re.findall(r"^## (.+)$", page, re.M)
    assert headings == ["Overview", "Learning objectives", "Key readings", "Key facts and figures", "Actors",
                        "Timeline", "Discussion questions", "Key takeaways", "References"]
    assert page.index("## Key takeaways") < page.index("<!-- quiz: 01-reefs -->") < page.index("## References")
    fm = front(page)
    assert fm["id"] == "01-reefs" and fm["order"] == 1 and fm["title"] == "Coral reefs"
    assert fm["sources"] == ["reefs"]
    assert isinstance(fm["study_time"], int) and fm["study_time"] % 5 == 0
    objectives = re.findall(r"^- \*\*(\w+)\*\* .*\((?:quiz|discussion) questions? [\d, and]+\)\.$",
                            page.split("## Learning objectives")[1].split("##")[0], re.M)
    assert 3 <= len(objectives) <= 5


def test_every_citation_lands_on_an_anchor_of_the_sources_page():
    out = build_course(corpus(), INFO, PLAN, TOOLS)
    sources = out.files["modules/sources.md"]
    anchors = set(re.findall(r'<p id="([^"]+)">', sources))
    assert paragraph_anchor("reefs", "1") in anchors
    for rel, text in out.files.items():
        if rel.startswith("modules/"):
            for target in re.findall(r"\]\(sources\.md#([^)]+)\)", text):
                assert target in anchors, (rel, target)


def test_course_pages_and_quizzes_are_all_there():
    out = build_course(corpus(), INFO, PLAN, TOOLS)
    assert sorted(out.files) == [
        "modules/01-reefs.md", "modules/02-fish.md", "modules/03-final-assessment.md",
        "modules/glossary.md", "modules/index.md", "modules/sources.md", "modules/timeline.md",
        "quizzes/01-reefs.yml", "quizzes/02-fish.yml", "quizzes/final-assessment.yml"]
    glossary = out.files["modules/glossary.md"]
    assert "| **CRC** | Coral Reef Council | [Reef Report, ¶ 1](sources.md#reefs-1) |" in glossary
    assert "| **FAO** | Food and Agriculture Organization |" in glossary
    timeline = out.files["modules/timeline.md"]
    assert timeline.index("## 2016") < timeline.index("## 2019")
    home = out.files["modules/index.md"]
    assert "| 1 | [Coral reefs](01-reefs.md) |" in home
    assert "| 3 | [Final assessment](03-final-assessment.md) |" in home
    final = yaml.safe_load(out.files["quizzes/final-assessment.yml"])
    assert final["mode"] == "assessment" and final["module"] == "03-final-assessment"
    practice = yaml.safe_load(out.files["quizzes/01-reefs.yml"])
    assert practice["mode"] == "practice" and practice["pass_mark"] == 70


def test_final_assessment_does_not_reuse_paragraphs_the_module_quizzes_cite():
    out = build_course(corpus(), INFO, PLAN, TOOLS)
    lessons = [m for m in out.modules if not m.assessment]
    final = next(m for m in out.modules if m.assessment)
    cited = {(q.source.doc, q.source.para) for m in lessons for q in m.quiz.questions}
    assert final.quiz.questions
    assert not cited & {(q.source.doc, q.source.para) for q in final.quiz.questions}


def test_output_does_not_depend_on_run_or_order_of_sets():
    a = build_course(corpus(), INFO, PLAN, TOOLS).files
    b = build_course(corpus(), INFO, PLAN, TOOLS).files
    assert a == b


def test_a_module_without_questions_gets_no_quiz_file_and_no_marker():
    def none_for_fish(passages, corpus, *, module_id, count=10, seed="", avoid=()):
        return Drafted([]) if module_id == "02-fish" else fake_questions(passages, corpus, module_id=module_id, count=count,
                                                                avoid=avoid)

    tools = Toolkit(prose.sentences, extract.acronyms, extract.dated_events, extract.figures,
                    extract.organizations, none_for_fish, no_problems, dump_quiz)
    out = build_course(corpus(), INFO, PLAN, tools, final_assessment=False)
    assert "quizzes/02-fish.yml" not in out.files and "quizzes/01-reefs.yml" in out.files
    page = out.files["modules/02-fish.md"]
    assert "<!-- quiz:" not in page
    # the home page promises a quiz only where a module has one
    home = out.files["modules/index.md"]
    every, _, some = home.split("Each one is a seminar session: ")[1].split("\n")[0].partition("where its documents give them")
    assert "a quiz" not in every and "a quiz" in some
    # no quiz to test them: the objectives are what the discussion questions ask
    goals = page.split("## Learning objectives")[1].split("##")[0]
    assert "quiz question" not in goals
    assert re.search(r"^- \*\*\w+\*\* .*\(discussion question \d\)\.$", goals, re.M)
    assert [str(w) for w in out.warnings] == [
        "course.yml: warning: module 'Fisheries': no quiz question passed the checks, so the module has no quiz; "
        "add topic phrases or documents on it"]


def test_shipped_module_pages_list_figures_as_facts_and_leave_out_an_empty_section():
    # A year alone is the timeline's; the facts section, where a page has one, lists figures.
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    with_facts = 0
    for page in sorted((root / "modules").glob("0[1-8]-*.md")):
        text = page.read_text(encoding="utf-8")
        headings = re.findall(r"^## (.+)$", text, re.M)
        if "Key facts and figures" not in headings:
            continue
        with_facts += 1
        assert headings.index("Key readings") < headings.index("Key facts and figures") < headings.index("Actors"), page.name
        facts = text.split("## Key facts and figures")[1].split("\n## ")[0]
        values = re.findall(r"^- \*\*(.+?)\*\* — ", facts, re.M)
        assert values and not any(re.fullmatch(r"(?:\w+ )?\d{4}", v) for v in values), (page.name, values)
    assert with_facts >= 3
