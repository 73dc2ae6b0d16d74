"""seeds/sources.yml: every bad input gives an exact ``path:line:col: message``."""

from __future__ import annotations

from pathlib import Path

import pytest

from courseforge.sources import ingest
from courseforge.sources.ingest import load_corpus

GOOD = """\
- id: alpha-2020-report
  file: alpha.txt
  title: Alpha report
  issuer: Alpha Institute
  date: 2020-05-01
  kind: report
"""
UNLISTED_ALPHA = "seeds/alpha.txt: warning: not listed in seeds/sources.yml, so it is not used; add an entry for it or move it out of seeds/"
TEXT = "# Alpha\n\nThe only paragraph of the alpha report, long enough to be running text.\n"


def course(tmp_path: Path, sources: str, files: dict[str, str | bytes] | None = None) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "sources.yml").write_text(sources, encoding="utf-8")
    for name, data in (files if files is not None else {"alpha.txt": TEXT}).items():
        if isinstance(data, bytes):
            (seeds / name).write_bytes(data)
        else:
            (seeds / name).write_text(data, encoding="utf-8")
    return seeds


def messages(tmp_path: Path, sources: str, files=None) -> list[str]:
    seeds = course(tmp_path, sources, files)
    corpus, diags = load_corpus(seeds, tmp_path)
    return [str(d) for d in diags]


def test_good_catalog(tmp_path):
    seeds = course(tmp_path, GOOD)
    corpus, diags = load_corpus(seeds, tmp_path)
    assert diags == []
    entry = corpus.documents[0].entry
    assert (entry.id, entry.file, entry.title, entry.issuer, entry.date, entry.kind, entry.language, entry.line) == (
        "alpha-2020-report", "alpha.txt", "Alpha report", "Alpha Institute", "2020-05-01", "report", "en", 1,
    )


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        (
            GOOD.replace("  title:", "  titel:"),
            [
                'seeds/sources.yml:3:3: unknown key "titel" (did you mean "title"?); allowed keys: id, file, title, issuer, date, kind, language',
                'seeds/sources.yml:1:3: entry "alpha-2020-report" is missing "title"',
            ],
        ),
        (
            GOOD.replace("  kind: report\n", "").replace("  issuer: Alpha Institute\n", ""),
            ['seeds/sources.yml:1:3: entry "alpha-2020-report" is missing "issuer", "kind"'],
        ),
        (
            GOOD.replace("file: alpha.txt", "file: beta.txt"),
            ['seeds/sources.yml:2:9: file "beta.txt" not found in seeds/',
             UNLISTED_ALPHA],
        ),
        (
            GOOD + GOOD.replace("file: alpha.txt", "file: alpha.md").replace("- id", "\n- id"),
            ['seeds/sources.yml:8:7: duplicate id "alpha-2020-report" (first used at line 1)'],
        ),
        (
            GOOD + GOOD.replace("alpha-2020-report", "alpha-copy"),
            ['seeds/sources.yml:8:9: file "alpha.txt" is already listed at line 2'],
        ),
        (
            GOOD.replace("alpha-2020-report", "Alpha_2020 Report"),
            ['seeds/sources.yml:1:7: id "Alpha_2020 Report" must be lowercase letters, digits and single hyphens, at most 64 characters (e.g. "desa-2004-social-perspective")'],
        ),
        (
            GOOD.replace("file: alpha.txt", "file: alpha.odt"),
            ['seeds/sources.yml:2:9: file "alpha.odt": unsupported format .odt; courseforge reads plain text (.txt), Markdown (.md), PDF (.pdf), Word (.docx) and web pages (.html, .htm) — save the document in one of these',
             UNLISTED_ALPHA],
        ),
        (
            GOOD.replace("file: alpha.txt", "file: Alpha.DOC"),
            ['seeds/sources.yml:2:9: file "Alpha.DOC": unsupported format .DOC; courseforge reads plain text (.txt), Markdown (.md), PDF (.pdf), Word (.docx) and web pages (.html, .htm) — save the document in one of these',
             UNLISTED_ALPHA],
        ),
        (
            GOOD.replace("file: alpha.txt", "file: ../alpha.txt"),
            ['seeds/sources.yml:2:9: file "../alpha.txt" must be a file name inside seeds/',
             UNLISTED_ALPHA],
        ),
        (
            GOOD.replace("  kind: report", "  kind: report\n  title: Again"),
            ['seeds/sources.yml:7:3: duplicate key "title" (first at line 3); YAML would silently keep only the last one'],
        ),
        (
            GOOD.replace("title: Alpha report", "title: !!python/object/apply:os.system ['echo hi']"),
            ['seeds/sources.yml:3:10: "title" must be text'],
        ),
        (
            GOOD.replace("title: Alpha report", 'title: ""'),
            ['seeds/sources.yml:3:10: "title" is empty'],
        ),
        (
            GOOD + "  language: English\n",
            ['seeds/sources.yml:7:13: language "English" must be a language code such as "en" or "fr"'],
        ),
        (
            "id: alpha\nfile: alpha.txt\n",
            ["seeds/sources.yml:1:1: must be a list of documents, each entry starting with '- id: ...'"],
        ),
        (
            "# nothing yet\n",
            ["seeds/sources.yml:1: is empty: list the seed documents, each entry starting with '- id: ...'"],
        ),
        (
            GOOD + "- just a string\n",
            ["seeds/sources.yml:7:3: each entry must be a mapping of keys (id, file, title, issuer, date, kind)"],
        ),
        (
            GOOD.replace("  kind: report", "  kind: [report"),
            ["seeds/sources.yml:7:1: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 6, column 9)"],
        ),
    ],
    ids=[
        "unknown-key", "missing-keys", "missing-file", "duplicate-id", "duplicate-file", "id-format", "pdf", "docx",
        "outside-seeds", "duplicate-key", "python-tag", "empty-value", "language", "not-a-list", "empty", "not-a-mapping",
        "syntax",
    ],
)
def test_catalog_errors(tmp_path, sources, expected):
    files = {"alpha.txt": TEXT, **({"alpha.md": TEXT} if "alpha.md" in sources else {})}
    assert messages(tmp_path, sources, files) == expected


def test_bad_entries_are_left_out_and_good_ones_load(tmp_path):
    sources = GOOD + GOOD.replace("alpha-2020-report", "beta").replace("alpha.txt", "beta.odt")
    seeds = course(tmp_path, sources)
    corpus, diags = load_corpus(seeds, tmp_path)
    assert [d.id for d in corpus.documents] == ["alpha-2020-report"]
    assert len(diags) == 1 and diags[0].line == 8


def test_alias_is_refused(tmp_path):
    sources = "- &a\n  id: alpha-2020-report\n  file: alpha.txt\n  title: t\n  issuer: i\n  date: d\n  kind: k\n- *a\n"
    assert messages(tmp_path, sources) == ["seeds/sources.yml:1:3: aliases (*name) are not allowed in sources.yml; write each entry out"]


def test_missing_sources_yml(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "alpha.txt").write_text(TEXT, encoding="utf-8")
    corpus, diags = load_corpus(seeds, tmp_path)
    assert corpus.documents == []
    assert [str(d) for d in diags] == [
        "seeds/sources.yml: not found: create it to list the seed documents, one entry per file with id, file, title, issuer, date and kind",
    ]


def test_invalid_utf8_seed(tmp_path):
    data = "# Alpha\n\nFirst line fine.\n".encode() + b"Caf\xe9 au lait\n"
    assert messages(tmp_path, GOOD, {"alpha.txt": data}) == [
        "seeds/alpha.txt:4: not valid UTF-8 (byte 0xe9); save the file as UTF-8",
    ]


def test_invalid_utf8_sources_yml(tmp_path):
    seeds = course(tmp_path, GOOD)
    (seeds / "sources.yml").write_bytes(GOOD.encode().replace(b"Alpha report", b"Alpha r\xe9port"))
    corpus, diags = load_corpus(seeds, tmp_path)
    assert [str(d) for d in diags] == ["seeds/sources.yml:3: not valid UTF-8 (byte 0xe9); save the file as UTF-8"]


def test_oversize_seed(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_SEED_BYTES", 50)
    assert messages(tmp_path, GOOD) == ["seeds/alpha.txt: file is 81 bytes, over the 50-byte limit"]


def test_unlisted_seed_is_a_warning(tmp_path):
    seeds = course(tmp_path, GOOD, {"alpha.txt": TEXT, "forgotten.txt": TEXT, ".hidden": "x", "README.md": "x"})
    corpus, diags = load_corpus(seeds, tmp_path)
    assert [(str(d), d.severity) for d in diags] == [
        ("seeds/forgotten.txt: warning: not listed in seeds/sources.yml, so it is not used; add an entry for it or move it out of seeds/", "warning"),
    ]
    assert [d.id for d in corpus.documents] == ["alpha-2020-report"]


def test_seed_without_paragraphs_is_a_warning(tmp_path):
    assert messages(tmp_path, GOOD, {"alpha.txt": "Twitter Facebook Share\n\n\n"}) == [
        "seeds/alpha.txt: warning: no paragraphs found; quizzes cannot cite this document",
    ]


def test_root_defaults_to_the_folder_holding_seeds(tmp_path):
    seeds = course(tmp_path, GOOD.replace("alpha.txt", "nope.txt"))
    corpus, diags = load_corpus(seeds)
    assert [str(d) for d in diags][0] == 'seeds/sources.yml:2:9: file "nope.txt" not found in seeds/'


def test_unlisted_warning_is_not_given_for_a_file_with_a_broken_entry(tmp_path):
    sources = GOOD + GOOD.replace("alpha-2020-report", "beta").replace("alpha.txt", "beta.txt").replace("  kind: report\n", "")
    assert messages(tmp_path, sources, {"alpha.txt": TEXT, "beta.txt": TEXT, "gamma.md": TEXT}) == [
        'seeds/sources.yml:7:3: entry "beta" is missing "kind"',
        "seeds/gamma.md: warning: not listed in seeds/sources.yml, so it is not used; add an entry for it or move it out of seeds/",
    ]


def test_oversize_sources_yml(tmp_path, monkeypatch):
    from courseforge.sources import catalog

    monkeypatch.setattr(catalog, "MAX_CATALOG_BYTES", 100)
    assert messages(tmp_path, GOOD) == ["seeds/sources.yml: file is 124 bytes, over the 100-byte limit"]


def test_alias_bomb_is_refused_without_expanding(tmp_path):
    """Ten levels of nine aliases each would be 9**10 strings if expanded."""
    levels = ["&l0 [" + ", ".join(["lol"] * 9) + "]"]
    for n in range(1, 10):
        levels.append(f"&l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]")
    sources = GOOD + "  language: [" + ", ".join(levels) + "]\n"
    assert messages(tmp_path, sources) == ['seeds/sources.yml:7:13: "language" must be text']


def test_ids_of_entries_that_failed_are_reported_as_unavailable(tmp_path):
    sources = (
        GOOD
        + GOOD.replace("alpha-2020-report", "beta").replace("alpha.txt", "beta.odt")
        + GOOD.replace("alpha-2020-report", "gamma").replace("alpha.txt", "gamma.txt")
        + GOOD.replace("alpha-2020-report", "delta").replace("  title: Alpha report\n", "")
        + GOOD.replace("alpha-2020-report", "epsilon")
    )
    seeds = course(tmp_path, sources, {"alpha.txt": TEXT, "gamma.txt": b"\xff"})
    corpus, diags = load_corpus(seeds, tmp_path)
    assert [d.id for d in corpus.documents] == ["alpha-2020-report"]
    assert {k: str(v) for k, v in corpus.unavailable.items()} == {
        "beta": 'seeds/sources.yml:8:9: file "beta.odt": unsupported format .odt; courseforge reads plain text (.txt), Markdown (.md), PDF (.pdf), Word (.docx) and web pages (.html, .htm) — save the document in one of these',
        "gamma": "seeds/gamma.txt:1: not valid UTF-8 (byte 0xff); save the file as UTF-8",
        "delta": 'seeds/sources.yml:19:3: entry "delta" is missing "title"',
        "epsilon": 'seeds/sources.yml:25:9: file "alpha.txt" is already listed at line 2',
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", "seeds/alpha.txt: is a PDF file, not text; name it alpha.pdf (and list that name in seeds/sources.yml): courseforge reads PDFs"),
        (b"PK\x03\x04\x14\x00", "seeds/alpha.txt: is a Word/OpenDocument (zip) file, not text; if it is a Word document, name it alpha.docx (and list that name in seeds/sources.yml); otherwise save it as Word (.docx) or plain text (.txt)"),
        ("# Alpha\n\nText.\n".encode("utf-16"), "seeds/alpha.txt: is saved as UTF-16; save it again as UTF-8 (in Notepad: 'Save as', Encoding: UTF-8)"),
    ],
    ids=["pdf-renamed", "docx-renamed", "utf-16"],
)
def test_other_formats_under_a_txt_name(tmp_path, data, message):
    assert messages(tmp_path, GOOD, {"alpha.txt": data}) == [message]
