"""The whole course as a SCORM 1.2 package.

The package is the offline build of the site (``site/``) plus a launch page
(``launch.html`` + ``scorm.js``, from ``courseforge/assets/scorm``) that the
LMS opens. The launch page holds the one SCORM session and shows the site in
a frame: a multi-page site whose pages each called LMSInitialize/LMSFinish
would break the session at the first link.

Scores. Only practice quizzes are marked in the browser (an assessment's key
never reaches it; trainers grade assessments with ``courseforge grade``).
So ``cmi.core.score.raw`` is the percent of the practice quizzes' points the
learner earned (best result per quiz; a quiz not yet tried counts 0), and
the manifest's ``adlcp:masteryscore`` -- the one pass mark SCORM 1.2 allows
per package -- is the points-weighted mean of those quizzes' pass marks:
with quiz A (10 points, pass mark 60) and quiz B (30 points, pass mark 80)
it is (10x60 + 30x80) / 40 = 75. A learner who passes every practice quiz
always reaches it. Without practice quizzes there is no mastery score and
the status is completed/incomplete by progress. scorm.js says the same.

404.html. MkDocs writes the not-found page with root-absolute links
(``/assets/...``, ``/index.html``) because a web server may show it at any
depth. Inside an LMS the package lives under some deep URL, so those links
would point at the LMS's own root: the package rewrites them relative to the
page, which sits at the site's root.
"""

from __future__ import annotations

import html
import io
import json
import re
import tempfile
import zipfile
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from ..course import CourseInfo
from ..diagnostics import CourseError
from ..project import Project
from ..quiz.model import Quiz
from .common import format_number
from .report import Notes

FORMAT = "SCORM 1.2"
SITE_DIR = "site"
START = f"{SITE_DIR}/index.html"
CP_NS = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP_NS = "http://www.adlnet.org/xsd/adlcp_rootv1p2"


def mastery_score(quizzes: list[Quiz]) -> float | None:
    """Points-weighted mean pass mark of the practice quizzes, or None without any."""
    practice = [q for q in quizzes if q.mode == "practice" and q.max_points > 0]
    points = sum(q.max_points for q in practice)
    if not points:
        return None
    return round(sum(q.pass_mark * q.max_points for q in practice) / points, 2)


def launch_config(info: CourseInfo, quizzes: list[Quiz]) -> dict:
    return {
        "course": info.id,
        "start": START,
        "mastery": mastery_score(quizzes),
        "quizzes": [
            {"id": q.id, "module": q.module, "mode": q.mode, "max": q.max_points, "pass_mark": q.pass_mark}
            for q in sorted(quizzes, key=lambda z: (z.module, z.id))
        ],
    }


def _asset(name: str) -> str:
    return resources.files("courseforge").joinpath("assets", "scorm", name).read_text(encoding="utf-8")


def launch_page(info: CourseInfo, config: dict) -> str:
    # "</" inside a script element would end it early; JSON allows "<\/".
    data = json.dumps(config, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return (
        _asset("launch.html")
        .replace("__LANG__", html.escape(info.language, quote=True))
        .replace("__TITLE__", html.escape(info.title, quote=True))
        .replace("__CONFIG__", data)
    )


def manifest(info: CourseInfo, mastery: float | None, files: list[str]) -> bytes:
    """imsmanifest.xml: one organization, one item, one SCO (the launch page) listing every file."""
    e = html.escape
    title = e(info.title, quote=False)
    mastery_xml = f"\n        <adlcp:masteryscore>{format_number(mastery)}</adlcp:masteryscore>" if mastery is not None else ""
    file_xml = "".join(f'\n      <file href="{e(quote(f, safe="/"), quote=True)}"/>' for f in files)
    text = f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="courseforge-{e(info.id, quote=True)}" version="1.0"
    xmlns="{CP_NS}"
    xmlns:adlcp="{ADLCP_NS}"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="{CP_NS} imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd {ADLCP_NS} adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="ORG-1">
    <organization identifier="ORG-1">
      <title>{title}</title>
      <item identifier="ITEM-1" identifierref="RES-1" isvisible="true">
        <title>{title}</title>{mastery_xml}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="RES-1" type="webcontent" adlcp:scormtype="sco" href="launch.html">{file_xml}
    </resource>
  </resources>
</manifest>
"""
    return text.encode("utf-8")


# href="/x", src="/x" ... but not protocol-relative "//host/x"
_ROOT_ABSOLUTE = re.compile(r"""(\s(?:href|src|action|poster|data-[\w-]+)=)(["'])/(?!/)""")
_MKDOCS_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def relative_links(page: str) -> str:
    """A page at the site's root with its root-absolute links made relative (``/a/b.css`` -> ``a/b.css``).

    Material for MkDocs also reads the site's base and the search worker from
    the ``__config`` JSON: they get the values the other offline pages have.
    """
    page = _ROOT_ABSOLUTE.sub(r"\1\2./", page)  # "./assets/x.css" is "assets/x.css"; "/" becomes "./"

    def config(m: re.Match) -> str:
        try:
            data = json.loads(m.group(2))
        except ValueError:
            return m.group(0)
        if isinstance(data, dict):
            if data.get("base") == "/":
                data["base"] = "."
            for key in ("search",):
                if isinstance(data.get(key), str) and data[key].startswith("/") and not data[key].startswith("//"):
                    data[key] = data[key][1:]
        return m.group(1) + json.dumps(data, ensure_ascii=False).replace("</", "<\\/") + m.group(3)

    return _MKDOCS_CONFIG.sub(config, page)


def _zinfo(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # same course, same bytes
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def package(site_dir: Path, info: CourseInfo, quizzes: list[Quiz]) -> tuple[bytes, Notes]:
    """Zip a built site with the launch page and manifest."""
    if not (site_dir / "index.html").is_file():
        raise CourseError(f"{site_dir}: no index.html: the site was not built")
    notes = Notes()
    for q in quizzes:
        if q.mode == "assessment":
            notes.add(q.id, None, "assessment quiz: the browser cannot mark it, so the LMS records it as done when "
                      "submitted; grade the submission files with `courseforge grade`", level="setting")
    mastery = mastery_score(quizzes)
    if mastery is None:
        notes.add(info.id, None, "no practice quiz: the package has no mastery score; the LMS sees "
                  "completed/incomplete only", level="setting")
    site_files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    files = ["launch.html", "scorm.js"] + [f"{SITE_DIR}/{f}" for f in site_files]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(_zinfo("imsmanifest.xml"), manifest(info, mastery, files))
        zf.writestr(_zinfo("launch.html"), launch_page(info, launch_config(info, quizzes)).encode("utf-8"))
        zf.writestr(_zinfo("scorm.js"), _asset("scorm.js").encode("utf-8"))
        for f in site_files:
            data = (site_dir / f).read_bytes()
            if f == "404.html":
                data = relative_links(data.decode("utf-8")).encode("utf-8")
            zf.writestr(_zinfo(f"{SITE_DIR}/{f}"), data)
    return buf.getvalue(), notes


def export_scorm(project: Project, info: CourseInfo, site_dir: Path | None = None) -> tuple[bytes, Notes]:
    """Build the site for offline use (unless ``site_dir`` holds a build) and package it."""
    from ..quiz.load import load_quizzes

    quizzes, diags = load_quizzes(project.quizzes_dir, project.root)
    errors = [d for d in diags if d.severity == "error"]
    if errors:
        raise CourseError(errors)
    if site_dir is not None:
        return package(site_dir, info, quizzes)
    from ..site.build import build_site

    with tempfile.TemporaryDirectory(prefix="courseforge-scorm-") as tmp:
        built = Path(tmp) / SITE_DIR
        build_site(project, built, offline=True)
        return package(built, info, quizzes)
