"""`courseforge new PATH [DOCUMENT...]`: a course folder ready for generate, check and build."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from courseforge.cli import main
from courseforge.sources.catalog import load_catalog
from courseforge.sources.ingest import load_corpus

_spec = importlib.util.spec_from_file_location("format_documents",
                                               Path(__file__).resolve().parents[1] / "sources" / "documents.py")
documents = importlib.util.module_from_spec(_spec)
sys.modules["format_documents"] = documents
_spec.loader.exec_module(documents)


@pytest.fixture
def docs(tmp_path):
    folder = tmp_path / "my documents"
    folder.mkdir()
    return [documents.WRITERS[ext](folder / f"garden{ext}") for ext in (".pdf", ".docx", ".html")] + [
        documents.write_txt(folder / "notes.txt")]


def test_new_makes_every_file_of_a_course(tmp_path, docs, capsys):
    course = tmp_path / "garden-course"
    assert main(["new", str(course), *map(str, docs)]) == 0
    assert sorted(p.name for p in course.iterdir()) == [".gitignore", "course.yml", "mkdocs.yml", "schema", "seeds"]
    assert sorted(p.name for p in (course / "seeds").iterdir()) == [
        "garden.docx", "garden.html", "garden.pdf", "notes.txt", "sources.yml"]
    for doc in docs:  # copies, byte for byte
        assert (course / "seeds" / doc.name).read_bytes() == doc.read_bytes()
    assert (course / "schema" / "quiz-v1.schema.json").is_file()
    mkdocs = yaml.safe_load((course / "mkdocs.yml").read_text(encoding="utf-8"))
    assert mkdocs["theme"]["font"] is False and mkdocs["theme"]["name"] == "material"
    assert mkdocs["plugins"] == ["search", "courseforge"] and mkdocs["docs_dir"] == "modules"
    info = yaml.safe_load((course / "course.yml").read_text(encoding="utf-8"))
    assert info["id"] == "garden-course" and info["title"] == "Garden course" and "modules" not in info
    assert "/site/" in (course / ".gitignore").read_text(encoding="utf-8")
    out = capsys.readouterr().out
    assert "created" in out and "courseforge generate --course" in out


def test_sources_yml_is_valid_and_every_guess_is_marked(tmp_path, docs):
    course = tmp_path / "c"
    assert main(["new", str(course), *map(str, docs)]) == 0
    catalog = load_catalog(course / "seeds" / "sources.yml")
    assert [str(d) for d in catalog.diagnostics] == []
    by_file = {e.file: e for e in catalog.entries}
    pdf, word, page, notes = (by_file[n] for n in ("garden.pdf", "garden.docx", "garden.html", "notes.txt"))
    for entry in (pdf, word, page):  # from each format's own metadata
        assert (entry.title, entry.issuer) == (documents.TITLE, documents.ISSUER)
    assert page.date == "2024-06-01"
    assert pdf.date == word.date == "2024-06-01"  # printed on the title page, not the file's own date
    assert notes.title == documents.TITLE and notes.issuer == documents.ISSUER and notes.date == "2024-06-01"
    assert pdf.kind == word.kind == "rules"
    assert len({e.id for e in catalog.entries}) == 4
    lines = (course / "seeds" / "sources.yml").read_text(encoding="utf-8").splitlines()
    for key in ("title", "issuer", "date", "kind", "language"):
        fields = [line for line in lines if line.strip().startswith(f"{key}:")]
        assert len(fields) == 4 and all("# confirm" in f for f in fields), key
    corpus, diags = load_corpus(course / "seeds", course)
    assert [str(d) for d in diags] == [] and len(corpus.documents) == 4


def test_refuses_a_folder_that_is_not_empty_and_changes_nothing(tmp_path, docs, capsys):
    course = tmp_path / "taken"
    course.mkdir()
    (course / "mine.txt").write_text("a trainer's file", encoding="utf-8")
    assert main(["new", str(course), str(docs[0])]) == 1
    err = capsys.readouterr().err
    assert f"{course.as_posix()}: already exists and is a folder that is not empty" in err
    assert sorted(p.name for p in course.iterdir()) == ["mine.txt"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary folder left


def test_an_empty_folder_is_used(tmp_path, docs):
    course = tmp_path / "empty"
    course.mkdir()
    assert main(["new", str(course), str(docs[1])]) == 0
    assert (course / "seeds" / "garden.docx").is_file()


def test_missing_and_unsupported_documents_are_all_named_before_anything_is_written(tmp_path, capsys):
    (tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "same.txt").write_text("One.\n", encoding="utf-8")
    (tmp_path / "b" / "same.txt").write_text("Two.\n", encoding="utf-8")
    course = tmp_path / "c"
    args = ["new", str(course), str(tmp_path / "nowhere.pdf"), str(tmp_path / "slides.pptx"),
            str(tmp_path / "a" / "same.txt"), str(tmp_path / "b" / "same.txt")]
    assert main(args) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{(tmp_path / 'nowhere.pdf').as_posix()}: not found",
        f"{(tmp_path / 'slides.pptx').as_posix()}: unsupported format .pptx; courseforge reads .pdf, .docx, .html, "
        ".htm, .md and .txt",
        f"{(tmp_path / 'b' / 'same.txt').as_posix()}: has the same name as {(tmp_path / 'a' / 'same.txt').as_posix()}; "
        "rename one of them (both are copied into seeds/)",
    ]
    assert not course.exists()


def test_an_unreadable_document_is_left_out_and_named(tmp_path, docs, capsys):
    from fpdf import FPDF

    scan = FPDF()
    scan.add_page()
    scan.rect(20, 20, 100, 50, style="F")
    scan.output(str(tmp_path / "scan.pdf"))
    course = tmp_path / "c"
    assert main(["new", str(course), str(tmp_path / "scan.pdf"), str(docs[0])]) == 0
    err = capsys.readouterr().err
    assert f"{(tmp_path / 'scan.pdf').as_posix()}: warning: has no text layer (a scanned document?)" in err
    assert "left out of the course" in err
    assert not (course / "seeds" / "scan.pdf").exists()
    assert [e.file for e in load_catalog(course / "seeds" / "sources.yml").entries] == ["garden.pdf"]


def test_new_without_documents_says_what_to_add(tmp_path):
    course = tmp_path / "c"
    assert main(["new", str(course), "--title", "Fire safety"]) == 0
    assert yaml.safe_load((course / "course.yml").read_text(encoding="utf-8"))["title"] == "Fire safety"
    catalog = load_catalog(course / "seeds" / "sources.yml", root=course)
    assert [str(d) for d in catalog.diagnostics] == [
        "seeds/sources.yml:1: is empty: list the seed documents, each entry starting with '- id: ...'"]
