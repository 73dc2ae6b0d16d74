"""How long reading the seeds takes (``load_corpus``), in-process.

Prints the median time on the shipped seeds (what every ``courseforge
check``, ``build`` and ``generate`` pays) and on a synthetic 1 MB seed (the
DESA note repeated), with lines and paragraphs per second. Target: the
shipped seeds in a small fraction of the 1 s ``courseforge check`` budget.

    python benchmarks/sources_bench.py [--runs 7] [--copies 20]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from courseforge.sources.ingest import load_corpus

ROOT = Path(__file__).resolve().parents[1]


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--copies", type=int, default=20, help="copies of the DESA note in the large seed")
    args = ap.parse_args()

    seeds = ROOT / "seeds"
    corpus, diags = load_corpus(seeds, ROOT)
    lines = sum(len((seeds / d.entry.file).read_text(encoding="utf-8").splitlines()) for d in corpus.documents)
    paras = sum(len(d.paragraphs) for d in corpus.documents)
    t = median_time(lambda: load_corpus(seeds, ROOT), args.runs)
    print(f"shipped seeds: {len(corpus.documents)} documents, {lines} lines, {paras} paragraphs, "
          f"{len(diags)} diagnostics: {t * 1000:.1f} ms (median of {args.runs})")

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "seeds"
        big.mkdir()
        desa = next(d for d in corpus.documents if d.id == "desa-2004-social-perspective")
        text = (seeds / desa.entry.file).read_text(encoding="utf-8")
        (big / "big.txt").write_text(text * args.copies, encoding="utf-8")
        shutil.copy(seeds / "sources.yml", big / "sources.yml")
        sources = (big / "sources.yml").read_text(encoding="utf-8")
        (big / "sources.yml").write_text(sources.split("\n- id:")[0] + """
- id: big
  file: big.txt
  title: Large synthetic seed
  issuer: benchmark
  date: "2024"
  kind: test
""", encoding="utf-8")
        size = (big / "big.txt").stat().st_size
        big_corpus, big_diags = load_corpus(big, Path(tmp))
        n_lines = len((text * args.copies).splitlines())
        n_paras = len(big_corpus.documents[0].paragraphs)
        t = median_time(lambda: load_corpus(big, Path(tmp)), max(3, args.runs // 2))
        print(f"synthetic seed: {size / 1e6:.2f} MB, {n_lines} lines, {n_paras} paragraphs: {t * 1000:.0f} ms "
              f"({n_lines / t:,.0f} lines/s, {size / t / 1e6:.1f} MB/s)")


if __name__ == "__main__":
    main()
