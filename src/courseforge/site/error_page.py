"""The page ``courseforge serve`` shows while the course has errors.

A live preview that stops answering leaves a trainer looking at a spinner;
this page names each problem (file, line, message) where they are looking,
and the preview's live reload replaces it once the files are fixed.
"""

from __future__ import annotations

from html import escape

from ..diagnostics import Diagnostic


def error_page(diagnostics: list[Diagnostic], title: str = "The course has errors") -> str:
    """A standalone HTML page (no theme, no script of its own) listing ``diagnostics``."""
    items = "\n".join(
        f'<li><code>{escape(d.path)}{f":{d.line}" if d.line else ""}</code> {escape(d.message)}</li>'
        for d in diagnostics)
    return f"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>
body {{ font: 1rem/1.5 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }}
h1 {{ color: #b00020; font-size: 1.5rem; }}
li {{ margin: .5rem 0; overflow-wrap: anywhere; }}
code {{ background: #f3f3f3; padding: 0 .25rem; }}
</style>
</head>
<body>
<h1>{escape(title)}</h1>
<p>The preview is waiting for these to be fixed. Save the file and this page reloads by itself.</p>
<ul>
{items}
</ul>
</body>
</html>
"""
