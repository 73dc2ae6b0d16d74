"""Ingestion time per MB for each document format, and `generate --auto` on a corpus of about 1 MB.

The documents are of the developers' own making: the charter, resolution and
report of ``tests/data/corpora`` (three unrelated subjects, each with its own
structure), copied until the text reaches the wanted size, each copy with its
names, key words and figures varied so that no two copies are the same text
(and none comes from the shipped migration seeds).

For each format (.txt, .md, .html, .docx, .pdf) the same text is written as one
document of about ``--mb`` MB of text (the PDF and Word files are made with
fpdf2 and python-docx, as the tests make theirs), then read the way every
``check``, ``build`` and ``generate`` reads seeds (``load_corpus``: the
format's reader, cleaning, paragraph ids). It prints, per format, the file
size, the text read back, the median time of ``--runs`` runs and the time per
MB of text (and per MB of file). Then it times ``generate --auto`` (no plan:
modules proposed from the documents) in a fresh course whose seeds are about
``--auto-mb`` MB of these documents as text files, once.

    .venv/bin/python benchmarks/ingest_bench.py [--mb 1] [--pdf-mb 1] [--runs 3] [--auto-mb 1]
"""

from __future__ import annotations

import argparse
import html
import os
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

from courseforge.sources.ingest import load_corpus

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "tests" / "data" / "corpora"
FORMATS = (".txt", ".md", ".html", ".docx", ".pdf")

# Words varied in each copy (a copy tag is appended), so copies differ as documents on one subject do.
VARIED = re.compile(r"\b(Varda|Korvan|Commission|basin|lake|waters|States|antimicrobial|resistance|medicines|"
                    r"Assembly|literacy|pupils|schools|reading|teachers|districts|programme|report|health)\b")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _tag(i: int) -> str:
    return LETTERS[i % 26] + LETTERS[(i // 26) % 26]


def _vary(text: str, copy: int, rng: random.Random) -> str:
    """Copy ``copy`` of a document: its key words tagged, its figures shifted (years kept plausible)."""
    if not copy:
        return text
    tag = _tag(copy)
    text = VARIED.sub(lambda m: m.group(1) + tag, text)

    def figure(m: re.Match) -> str:
        n = int(m.group(0))
        if 1900 <= n <= 2030:  # a year: moved a little, still a year
            return str(min(2030, max(1900, n + rng.randrange(-9, 10))))
        return str(n + rng.randrange(1, 50))

    return re.sub(r"(?<![\d.,])\d{1,4}(?![\d.,])", figure, text)


def source_documents() -> list[tuple[str, str]]:
    """(stem, text) of the three test documents."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(CORPORA.glob("*.txt"))]


def blocks_of(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(title, [(kind, text)]) of a plain-text document: kind 'h' for a heading line, 'p' for a paragraph."""
    parts = [b.strip() for b in text.split("\n\n") if b.strip()]
    title, rest = parts[0], parts[1:]
    out = []
    for b in rest:
        heading = len(b) < 80 and "\n" not in b and not b.endswith((".", ",", ";", ":")) and \
            not re.match(r"^\(?[a-z0-9]{1,3}[.)]\s", b)
        out.append(("h" if heading else "p", b))
    return title, out


def synthetic_text(target_bytes: int) -> tuple[str, list[tuple[str, str]]]:
    """One long document: the three test documents, copied and varied until ``target_bytes`` of text."""
    rng = random.Random(7)
    docs = source_documents()
    out: list[tuple[str, str]] = []
    size, copy = 0, 0
    while size < target_bytes:
        for stem, text in docs:
            title, blocks = blocks_of(_vary(text, copy, rng))
            out.append(("h", f"{title} (copy {copy + 1})" if copy else title))
            out.extend(blocks)
            size += sum(len(b.encode("utf-8")) + 2 for _, b in blocks) + len(title) + 2
        copy += 1
    return "Collected charters, resolutions and reports (benchmark)", out


# --- writers: one document of the given blocks in each format ----------------------------


def write_txt(path: Path, title: str, blocks) -> None:
    path.write_text(title + "\n\n" + "\n\n".join(b for _, b in blocks) + "\n", encoding="utf-8")


def write_md(path: Path, title: str, blocks) -> None:
    path.write_text(f"# {title}\n\n" + "\n\n".join(f"## {b}" if k == "h" else b for k, b in blocks) + "\n",
                    encoding="utf-8")


def write_html(path: Path, title: str, blocks) -> None:
    e = html.escape
    body = "\n".join(f"<h2>{e(b)}</h2>" if k == "h" else f"<p>{e(b)}</p>" for k, b in blocks)
    path.write_text(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title>
<meta name="dc.publisher" content="Benchmark issuer"><meta name="dc.date" content="2024-06-01"></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/texts">Texts</a></li></ul></nav></header>
<main><h1>{e(title)}</h1>
{body}
</main><footer>Copyright 2024 · <a href="/contact">Contact</a></footer></body></html>
""", encoding="utf-8")


def write_docx(path: Path, title: str, blocks) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = title
    d.core_properties.author = "Benchmark issuer"
    d.add_heading(title, 0)
    for k, b in blocks:
        if k == "h":
            d.add_heading(b, 1)
        else:
            d.add_paragraph(b)
    d.save(str(path))


def write_pdf(path: Path, title: str, blocks) -> None:
    from fpdf import FPDF

    class Doc(FPDF):
        def header(self):
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, "Benchmark issuer - collected texts", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self):
            self.set_y(-14)
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, f"Page {self.page_no()}", align="C")

    pdf = Doc(format="A4")
    pdf.set_title(title)
    pdf.set_author("Benchmark issuer")
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    for k, b in blocks:
        # fpdf's core fonts are Latin-1: anything else (a dash, curly quotes) written as its nearest ASCII
        text = b.encode("latin-1", "replace").decode("latin-1").replace("?", "-") if not b.isascii() else b
        if k == "h":
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", size=10)
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.output(str(path))


WRITERS = {".txt": write_txt, ".md": write_md, ".html": write_html, ".docx": write_docx, ".pdf": write_pdf}


def seeds_with(folder: Path, files: list[Path], kind: str = "report") -> Path:
    """A seeds folder listing ``files`` in sources.yml (files already in it)."""
    entries = [f"- id: doc-{i}\n  file: {p.name}\n  title: Benchmark document {i}\n  issuer: Benchmark issuer\n"
               f"  date: \"2024\"\n  kind: {kind}\n" for i, p in enumerate(files, 1)]
    (folder / "sources.yml").write_text("\n".join(entries), encoding="utf-8")
    return folder


def median_time(fn, runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process (on a shared machine the wall time
    also measures the neighbours)."""
    wall, cpu = [], []
    for _ in range(max(1, runs)):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(wall), statistics.median(cpu)


def bench_formats(work: Path, mb: float, pdf_mb: float, runs: int) -> None:
    print(f"ingestion (load_corpus: reader, cleaning, paragraph ids), median of {runs} runs:")
    print(f"  {'format':<6} {'file':>9} {'text':>9} {'paragraphs':>10} {'wall':>8} {'CPU':>8} "
          f"{'CPU s per MB of text':>21} {'CPU s per MB of file':>21}")
    for ext in FORMATS:
        title, blocks = synthetic_text(int((pdf_mb if ext == ".pdf" else mb) * 1e6))
        folder = work / ext.lstrip(".")
        folder.mkdir()
        path = folder / f"collected{ext}"
        t = time.perf_counter()
        WRITERS[ext](path, title, blocks)
        made = time.perf_counter() - t
        seeds = seeds_with(folder, [path])
        corpus, diags = load_corpus(seeds, work)
        errors = [d for d in diags if d.severity == "error"]
        if errors or not corpus.documents:
            raise SystemExit(f"{ext}: the document was not read: {errors}")
        doc = corpus.documents[0]
        text_mb = sum(len(p.text.encode("utf-8")) for p in doc.paragraphs) / 1e6
        file_mb = path.stat().st_size / 1e6
        wall, cpu = median_time(lambda: load_corpus(seeds, work), runs)
        print(f"  {ext:<6} {file_mb:7.2f} MB {text_mb:6.2f} MB {len(doc.paragraphs):>10,} {wall:7.2f} s {cpu:7.2f} s "
              f"{cpu / text_mb:19.2f} s {cpu / file_mb:19.2f} s   (file written in {made:.1f} s)")


def bench_auto(work: Path, mb: float) -> None:
    """`generate --auto` on a fresh course of about ``mb`` MB of text files (three subjects, many parts)."""
    from courseforge.course import load_course_info
    from courseforge.generate.run import generate
    from courseforge.project import Project
    from courseforge.scaffold import MKDOCS_YML

    root = work / "auto-course"
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    (root / "course.yml").write_text("id: bench-auto\ntitle: Benchmark course\nlanguage: en\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(title="Benchmark course", language="en"), encoding="utf-8")
    rng = random.Random(11)
    files, size, copy = [], 0, 0
    while size < mb * 1e6:
        for stem, text in source_documents():
            path = seeds / f"{stem}-{copy + 1:03d}.txt"
            path.write_text(_vary(text, copy, rng), encoding="utf-8")
            files.append(path)
            size += path.stat().st_size
        copy += 1
    seeds_with(seeds, files)
    project = Project(root)
    info = load_course_info(project)
    t, c = time.perf_counter(), time.process_time()
    result = generate(project, info, auto=True)
    elapsed, cpu = time.perf_counter() - t, time.process_time() - c
    lessons = [m for m in result.course.modules if not m.assessment]
    questions = sum(len(m.quiz.questions) for m in result.course.modules)
    print(f"\ngenerate --auto (once): {len(files)} documents, {size / 1e6:.2f} MB of text: {elapsed:.1f} s wall, "
          f"{cpu:.1f} s CPU ({cpu / (size / 1e6):.1f} CPU s per MB), {len(lessons)} modules, {questions} questions")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0, help="MB of text per document (default 1)")
    ap.add_argument("--pdf-mb", type=float, default=None, help="MB of text in the PDF (default: --mb)")
    ap.add_argument("--runs", type=int, default=3, help="runs per format; the median counts (default 3)")
    ap.add_argument("--auto-mb", type=float, default=1.0, help="MB of text for generate --auto (0: skip)")
    args = ap.parse_args()
    print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="cf-ingest-") as tmp:
        work = Path(tmp)
        bench_formats(work, args.mb, args.pdf_mb if args.pdf_mb is not None else args.mb, args.runs)
        if args.auto_mb > 0:
            bench_auto(work, args.auto_mb)
    print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
