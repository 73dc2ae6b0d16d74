"""SCORM 1.2 package: manifest, mastery score, launch page, file list."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest

from courseforge.course import CourseInfo
from courseforge.diagnostics import CourseError
from courseforge.export.scorm import ADLCP_NS, CP_NS, mastery_score, package

from .conftest import make_quizzes
from .scorm_site import write_site

NS = {"cp": CP_NS, "adlcp": ADLCP_NS}
INFO = CourseInfo("mig", "Migration & Development")


def test_mastery_score_is_the_points_weighted_pass_mark_of_practice_quizzes():
    a, b = make_quizzes()
    assert mastery_score([a, b]) == 70  # b is an assessment: not marked in the browser
    b.mode = "practice"  # 4 points at 70, 5 points at 80
    assert mastery_score([a, b]) == round((4 * 70 + 5 * 80) / 9, 2) == 75.56
    a.mode = b.mode = "assessment"
    assert mastery_score([a, b]) is None


def test_package_has_manifest_launch_page_and_whole_site(tmp_path):
    site = write_site(tmp_path / "site")
    data, notes = package(site, INFO, make_quizzes())
    zf = zipfile.ZipFile(io.BytesIO(data))
    assert sorted(zf.namelist()) == ["imsmanifest.xml", "launch.html", "scorm.js", "site/index.html",
                                     "site/module/page2.html"]
    man = ET.fromstring(zf.read("imsmanifest.xml"))
    assert man.tag == f"{{{CP_NS}}}manifest"
    assert man.find("cp:metadata/cp:schema", NS).text == "ADL SCORM"
    assert man.find("cp:metadata/cp:schemaversion", NS).text == "1.2"
    org = man.find("cp:organizations", NS)
    assert org.get("default") == org.find("cp:organization", NS).get("identifier")
    item = man.find("cp:organizations/cp:organization/cp:item", NS)
    assert item.find("cp:title", NS).text == "Migration & Development"
    assert item.find("adlcp:masteryscore", NS).text == "70"
    res = man.find("cp:resources/cp:resource", NS)
    assert res.get("identifier") == item.get("identifierref")
    assert (res.get("href"), res.get("type"), res.get(f"{{{ADLCP_NS}}}scormtype")) == ("launch.html", "webcontent", "sco")
    assert [f.get("href") for f in res.findall("cp:file", NS)] == ["launch.html", "scorm.js", "site/index.html",
                                                                   "site/module/page2.html"]
    launch = zf.read("launch.html").decode()
    config = json.loads(re.search(r"window.COURSEFORGE_SCORM = (.*?);</script>", launch).group(1))
    assert config == {"course": "mig", "start": "site/index.html", "mastery": 70, "quizzes": [
        {"id": "nexus-check", "module": "01-migration-development-nexus", "mode": "practice", "max": 4, "pass_mark": 70},
        {"id": "costs-quiz", "module": "02-remittance-costs", "mode": "assessment", "max": 5, "pass_mark": 80}]}
    assert "<title>Migration &amp; Development</title>" in launch and '<iframe id="cf-site"' in launch
    assert [str(n) for n in notes] == [
        "costs-quiz: assessment quiz: the browser cannot mark it, so the LMS records it as done when submitted; "
        "grade the submission files with `courseforge grade`"]
    assert package(site, INFO, make_quizzes())[0] == data  # same course, same bytes


def test_course_without_practice_quiz_has_no_mastery_score(tmp_path):
    quizzes = make_quizzes()
    for q in quizzes:
        q.mode = "assessment"
    data, notes = package(write_site(tmp_path / "site"), INFO, quizzes)
    man = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("imsmanifest.xml"))
    assert man.find(".//adlcp:masteryscore", NS) is None
    assert str(notes[-1]) == ("mig: no practice quiz: the package has no mastery score; the LMS sees "
                              "completed/incomplete only")


def test_unbuilt_site_is_refused(tmp_path):
    with pytest.raises(CourseError, match="no index.html: the site was not built"):
        package(tmp_path, INFO, make_quizzes())


NOT_FOUND = """<!doctype html><html><head>
<link rel="stylesheet" href="/assets/stylesheets/main.css">
<link rel="icon" href='/assets/images/favicon.png'>
<script src="//cdn.example.org/never-rewritten.js"></script>
</head><body>
<a href="/">Home</a> <a href="/module/page2.html#top">Page two</a> <a href="https://example.org/x">out</a>
<a href="">this page</a>
<script id="__config" type="application/json">{"base": "/", "search": "/assets/search.js", "note": "<\\/b>"}</script>
<script src="/assets/app.js"></script>
</body></html>
"""


def test_404_page_links_are_relative_inside_the_package(tmp_path):
    """An LMS serves the package under a deep URL: "/assets/..." would point at the LMS's own root."""
    site = write_site(tmp_path / "site")
    (site / "404.html").write_text(NOT_FOUND, encoding="utf-8")
    zf = zipfile.ZipFile(io.BytesIO(package(site, INFO, make_quizzes())[0]))
    page = zf.read("site/404.html").decode("utf-8")
    assert re.findall(r"""(?:href|src)=["']([^"']*)""", page) == [
        "./assets/stylesheets/main.css", "./assets/images/favicon.png", "//cdn.example.org/never-rewritten.js",
        "./", "./module/page2.html#top", "https://example.org/x", "", "./assets/app.js"]
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', page).group(1))
    assert config == {"base": ".", "search": "assets/search.js", "note": "</b>"}
    assert "</b>" not in page  # still escaped inside the script element
    assert zf.read("site/index.html") == (site / "index.html").read_bytes()  # other pages are left as built


def test_every_link_of_the_built_404_page_resolves_inside_the_package(tmp_path):
    """The real offline build: every link and asset of 404.html is a file of the package."""
    import importlib.util
    from pathlib import Path, PurePosixPath
    from urllib.parse import unquote, urlsplit

    from courseforge.course import load_course_info
    from courseforge.export.scorm import export_scorm
    from courseforge.project import Project

    conftest = Path(__file__).resolve().parents[1] / "site" / "conftest.py"
    spec = importlib.util.spec_from_file_location("site_course_for_404", conftest)
    site_course = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(site_course)
    project = Project(site_course.make_course(tmp_path / "course"))
    zf = zipfile.ZipFile(io.BytesIO(export_scorm(project, load_course_info(project))[0]))
    names = set(zf.namelist())
    page = zf.read("site/404.html").decode("utf-8")
    links = re.findall(r"""\s(?:href|src)=["']([^"']+)""", page)
    local = [u for u in links if not urlsplit(u).scheme and not u.startswith(("//", "#"))]
    assert len(local) >= 5, links  # stylesheets, scripts and the navigation
    for url in local:
        assert not url.startswith("/"), url
        path = unquote(urlsplit(url).path)
        target = PurePosixPath("site", path).as_posix().replace("/./", "/")
        if path in ("", "./") or path.endswith("/"):
            target = PurePosixPath("site", path, "index.html").as_posix().replace("/./", "/")
        assert str(PurePosixPath(target)) in names, url
