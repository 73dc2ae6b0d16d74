import pytest

from courseforge.course import load_course_info
from courseforge.diagnostics import CourseError, Diagnostic
from courseforge.project import Project, find_project


def test_shipped_course_info():
    info = load_course_info(find_project())
    assert info.id == "migration-and-development"
    assert info.title == "Migration and Development"
    assert info.language == "en"


def test_course_id_must_be_a_slug(tmp_path):
    (tmp_path / "course.yml").write_text("id: Migration Course\ntitle: X\n")
    with pytest.raises(CourseError) as err:
        load_course_info(Project(tmp_path))
    assert str(err.value) == "course.yml: course.yml needs an 'id' of lowercase letters, digits and hyphens"


def test_broken_course_yml_names_the_line(tmp_path):
    (tmp_path / "course.yml").write_text("id: x\ntitle: [unclosed\n")
    with pytest.raises(CourseError) as err:
        load_course_info(Project(tmp_path))
    assert str(err.value).startswith("course.yml:3: not readable as YAML")


def test_find_project_walks_up_and_explains_when_lost(tmp_path):
    (tmp_path / "course.yml").write_text("id: x\ntitle: X\n")
    deep = tmp_path / "modules" / "a"
    deep.mkdir(parents=True)
    assert find_project(deep).root == tmp_path.resolve()
    lost = tmp_path.parent / (tmp_path.name + "-elsewhere")
    lost.mkdir()
    with pytest.raises(CourseError, match="not inside a course folder"):
        find_project(lost)


def test_diagnostic_format():
    assert str(Diagnostic("quizzes/a.yml", 12, 5, "unknown field")) == "quizzes/a.yml:12:5: unknown field"
    assert str(Diagnostic("seeds/sources.yml", 0, 0, "missing")) == "seeds/sources.yml: missing"
    assert str(Diagnostic("a.md", 3, 0, "odd", "warning")) == "a.md:3: warning: odd"
