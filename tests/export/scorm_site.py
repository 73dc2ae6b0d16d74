"""A tiny hand-made static site that talks to the SCORM launch page as the course site's quiz.js does.

Used where no built site is needed: two pages, a link between them, and
buttons that call ``window.parent.courseforgeLMS.report(record)`` with the
record shape of the shared brief, inside try/catch, only when framed.
"""

from __future__ import annotations

import json
from pathlib import Path

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body>
<h1>{title}</h1>
<a id="next" href="{next}">Next page</a>
{buttons}
<p id="out"></p>
<script>
function send(record) {{
  var sent = false;
  if (window.parent !== window) {{
    try {{
      var lms = window.parent.courseforgeLMS;
      if (lms && typeof lms.report === "function") sent = lms.report(record);
    }} catch (e) {{}}
  }}
  document.getElementById("out").textContent = sent ? "reported" : "not reported";
}}
</script>
</body></html>
"""


def record(percent, passed, done, score=None, quiz="nexus-check", mode="practice"):
    return {"course": "mig", "quiz": quiz, "module": "01-migration-development-nexus", "mode": mode,
            "score": score, "max": 4, "percent": percent, "passed": passed,
            "completed_quizzes": done, "total_quizzes": 2}


def _button(bid: str, rec: dict) -> str:
    return f"<button id=\"{bid}\" onclick='send({json.dumps(rec)})'>{bid}</button>"


def write_site(site: Path) -> Path:
    site.mkdir(parents=True, exist_ok=True)
    (site / "index.html").write_text(PAGE.format(
        title="Home", next="module/page2.html",
        buttons=_button("half", record(50, False, 0, score=2))), encoding="utf-8")
    (site / "module").mkdir(exist_ok=True)
    (site / "module" / "page2.html").write_text(PAGE.format(
        title="Page two", next="../index.html",
        buttons=_button("full", record(100, True, 1, score=4))
        + _button("submit", record(None, None, 2, quiz="costs-quiz", mode="assessment"))), encoding="utf-8")
    return site
