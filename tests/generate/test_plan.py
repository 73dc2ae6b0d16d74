from pathlib import Path

import pytest

from courseforge.diagnostics import CourseError
from courseforge.generate.plan import load_plan, read_plan
from courseforge.project import Project

HEAD = "id: c\ntitle: Course\ndescription: About things\nlanguage: en\n"


def project(tmp_path: Path, body: str) -> Project:
    (tmp_path / "course.yml").write_text(HEAD + body, encoding="utf-8")
    return Project(tmp_path)


def test_reads_modules_in_order_with_ids_and_lines(tmp_path):
    p = project(tmp_path, "modules:\n  - id: reefs\n    title: Coral reefs\n    topics: [coral, reef health]\n"
                          "  - title: Fishing and the Law\n    topics:\n      - fisheries law\n")
    plan = load_plan(p)
    assert plan.title == "Course" and plan.description == "About things"
    assert [m.id for m in plan.modules] == ["01-reefs", "02-fishing-law"]
    assert plan.modules[0].topics == ("coral", "reef health")
    assert [m.line for m in plan.modules] == [6, 9]
    assert plan.proposed is False


def test_no_modules_means_no_plan(tmp_path):
    assert read_plan(project(tmp_path, "")) == (None, [])
    assert read_plan(project(tmp_path, "modules:\n")) == (None, [])


def test_errors_name_file_and_line(tmp_path):
    p = project(tmp_path, "modules:\n"
                          "  - title: One\n    topics: [a]\n"           # fine
                          "  - title: Two\n    topic: [b]\n"            # line 8: typo key
                          "  - id: Bad_Id\n    title: Three\n    topics: [c]\n"   # line 10
                          "  - title: One\n    id: one\n    topics: []\n"        # duplicate id
                          "  - just text\n")
    with pytest.raises(CourseError) as err:
        load_plan(p)
    msgs = [str(d) for d in err.value.diagnostics]
    assert msgs == [
        "course.yml:9:5: module 2: unknown key 'topic' (a module has id, title, topics)",
        "course.yml:8:5: module 2 (Two) needs 'topics': a list of phrases the module is about",
        "course.yml:10:9: module 3 (Three): 'id' must be lowercase letters, digits and hyphens, e.g. 'remittances'",
        "course.yml:13:5: module 4 (One): id 'one' is already used by the module on line 6",
        "course.yml:16:5: module 5 must be a mapping with 'title' and 'topics'",
    ]


def test_yaml_syntax_error_has_line(tmp_path):
    p = project(tmp_path, "modules:\n  - title: [unclosed\n")
    plan, diags = read_plan(p)
    assert plan is None
    assert diags[0].path == "course.yml" and diags[0].line == 7
    assert diags[0].message.startswith("not readable as YAML")


def test_shipped_plan_has_the_eight_seminar_topics():
    root = Path(__file__).resolve().parents[2]
    plan = load_plan(Project(root))
    assert [m.id for m in plan.modules] == [
        "01-migration-development-nexus", "02-un-governance-of-migration", "03-social-perspective",
        "04-integration-social-cohesion", "05-migrants-rights-law", "06-education-skills-brain-drain",
        "07-diasporas-remittances", "08-capacity-local-governance"]
