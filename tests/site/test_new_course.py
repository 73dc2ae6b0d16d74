"""From documents in every format to a built site: `new`, then `generate`, `check` and `build`."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from courseforge.cli import main

_spec = importlib.util.spec_from_file_location("format_documents",
                                               Path(__file__).resolve().parents[1] / "sources" / "documents.py")
documents = importlib.util.module_from_spec(_spec)
sys.modules["format_documents"] = documents
_spec.loader.exec_module(documents)


@pytest.mark.parametrize("ext", list(documents.WRITERS))
def test_a_document_of_each_format_becomes_a_built_site(tmp_path, ext, capsys):
    doc = documents.WRITERS[ext](tmp_path / f"garden-rules{ext}")
    course = tmp_path / "course"
    assert main(["new", str(course), str(doc)]) == 0
    assert main(["generate", "--course", str(course)]) == 0
    assert main(["check", "--course", str(course)]) == 0
    assert "course OK" in capsys.readouterr().out
    assert main(["build", "--course", str(course)]) == 0
    site = course / "site"
    sources = (site / "sources" / "index.html").read_text(encoding="utf-8")
    # the paragraphs a learner is sent to, with the document's own numbers
    assert "Members of plot 7 renewed their membership in 2001" in sources
    assert "Surplus vegetables go to the food pantry" in sources
    assert "Page 1 of" not in sources and "Garden Rules 2024" not in sources
    module_pages = [p for p in site.iterdir() if p.is_dir() and p.name[:2].isdigit()]
    assert module_pages and all((p / "index.html").is_file() for p in module_pages)
    assert "fonts.googleapis.com" not in (site / "index.html").read_text(encoding="utf-8")
