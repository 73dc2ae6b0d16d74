"""A reading sheet for judging generated questions as an editor would.

Prints the questions of a course (all of them, or ``-n`` drawn at random with
``--seed``), each with its options, key, explanation and hints, beside the
full text of the paragraph it cites, so a reader can judge it against the
six criteria at the top of the sheet. ``question_reading.md`` holds such a
reading of the shipped course and of the test corpora, question by question;
run this again after changing the generator and compare.

    python benchmarks/reading_sheet.py                    # the shipped course, every question
    python benchmarks/reading_sheet.py -n 10 --seed 7 --course /tmp/my-course
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
from pathlib import Path

from courseforge.quiz.load import load_quiz_file
from courseforge.sources.ingest import load_corpus

ROOT = Path(__file__).resolve().parents[1]
CRITERIA = """\
A question is publishable as it is only if all hold:
 1 clear, grammatical, and it stands alone (no dangling 'It', 'However', 'the Committee', no cut sentence)
 2 answerable from the cited paragraph
 3 exactly one defensible key (for select-all: a defensible set)
 4 distractors plausible, of the key's kind, and wrong according to the documents
 5 worth knowing in this module (a central claim, definition, reason, figure with its meaning; not trivia)
 6 explanation, feedback and hints correct (a hint never gives the answer away)
"""


def wrap(text: str, indent: str = "    ") -> str:
    return textwrap.fill(" ".join(str(text).split()), width=110, initial_indent=indent, subsequent_indent=indent)


def describe(q) -> list[str]:
    """What the learner sees and what counts as right, in plain lines."""
    out = [wrap(f"prompt: {q.prompt}", "  ")]
    for o in getattr(q, "options", None) or []:
        out.append(wrap(f"{'*' if o.correct else ' '} {o.id}) {o.text}"))
    if hasattr(q, "pairs"):
        out += [wrap(f"{p.left}  ->  {p.right}") for p in q.pairs]
        out += [wrap(f"(extra) {d.text}") for d in getattr(q, "distractors", []) or []]
    if hasattr(q, "items"):
        out += [wrap(f"{i}. {item.text}") for i, item in enumerate(q.items, 1)]
    for name in ("answer", "answers", "tolerance"):
        if hasattr(q, name):
            out.append(wrap(f"{name}: {getattr(q, name)}", "  "))
    out.append(wrap(f"explanation: {q.explanation}", "  "))
    out += [wrap(f"hint: {h}", "  ") for h in q.hints]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--course", type=Path, default=ROOT, help="course folder (default: the shipped course)")
    ap.add_argument("-n", type=int, default=0, help="draw this many questions at random (default: all)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    corpus, _ = load_corpus(args.course / "seeds", args.course)
    found = []
    for path in sorted((args.course / "quizzes").glob("*.yml")):
        quiz, diags = load_quiz_file(path, args.course)
        if quiz is None:
            print(f"{path}: cannot be read: {'; '.join(str(d) for d in diags)}", file=sys.stderr)
            return 2
        found += [(path.name, q) for q in quiz.questions]
    if args.n:
        found = random.Random(args.seed).sample(found, min(args.n, len(found)))
    print(CRITERIA)
    for i, (name, q) in enumerate(found, 1):
        print("=" * 110)
        print(f"#{i}  {name}  {q.id}  [{q.type}]")
        print("\n".join(describe(q)))
        para = corpus.paragraph(q.source.doc, q.source.para)
        print(f"\n  CITED {q.source.doc} ¶ {q.source.para}:")
        print(wrap(para.text if para else "(paragraph not found)"))
    print("=" * 110)
    print(f"{len(found)} questions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
