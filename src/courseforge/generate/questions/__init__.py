"""Quiz drafts: many extractive candidates per passage, checked, ranked, selected.

Public API::

    generate_questions(passages, corpus, *, module_id, count=10, seed, avoid=()) -> Questions
    check_quiz(quiz, corpus) -> list[str]          # every check, on a finished quiz

``Questions`` is a list of questions whose ``stats`` (a GenerationStats) say
how many candidates were drafted, passed the checks and were kept, and why the
others were rejected: what ``generate`` tells the trainer per module.

``passages`` are the module's paragraphs, most relevant first, as
``(doc_id, Paragraph)`` pairs. The result is deterministic: the same inputs
and seed give the same questions, ids, options and order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from courseforge.sources.model import Corpus, Paragraph

from .candidates import Builder, Candidate, SourceParagraph
from .checks import check_no_overlap, check_question, check_quiz, same_question
from .index import corpus_index
from .select import select

__all__ = ["generate_questions", "check_quiz", "check_question", "check_no_overlap", "same_question", "Questions",
           "GenerationStats"]


@dataclass
class GenerationStats:
    tried: int = 0  # candidates built
    passed: int = 0  # candidates that passed every check
    selected: int = 0
    rejected: dict[str, int] = field(default_factory=dict)  # reason -> count
    given: int = 0  # kept, then given to the final assessment (see generate.build)
    left_out: dict[str, int] = field(default_factory=dict)  # passed every check, not chosen: reason -> count

    def summary(self, top: int = 3) -> str:
        """One line for the trainer: how many drafts were made and why the others were left out."""
        line = (f"{self.tried} candidate questions drafted, {self.passed} passed every check, "
                f"{self.selected} kept")
        if self.given:
            line += f" ({self.given} of them moved to the final assessment)"
        if self.left_out:
            line += "; left out: " + "; ".join(
                f"{n} × {reason}" for reason, n in sorted(self.left_out.items(), key=lambda kv: (-kv[1], kv[0])))
        if self.rejected:
            worst = sorted(self.rejected.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
            line += "; rejected: " + "; ".join(f"{n} × {reason}" for reason, n in worst)
            if len(self.rejected) > top:
                line += f"; {sum(n for _, n in sorted(self.rejected.items(), key=lambda kv: (-kv[1], kv[0]))[top:])} for other reasons"
        return line


class Questions(list):
    """The questions of one quiz, with the counts of how they were chosen."""

    def __init__(self, questions=(), stats: GenerationStats | None = None):
        super().__init__(questions)
        self.stats = stats or GenerationStats()


def generate_questions(
    passages: list[tuple[str, Paragraph]],
    corpus: Corpus,
    *,
    module_id: str,
    count: int = 10,
    seed: str,
    avoid: list | tuple = (),
) -> Questions:
    """Up to ``count`` checked questions drawn from ``passages``.

    ``module_id`` and ``seed`` only steer deterministic choices (distractor
    order, key positions); question ids depend on the source and key alone,
    so a question keeps its id when modules are re-planned. No question asks
    what a question of ``avoid`` asks (see :func:`same_question`): the final
    assessment avoids the practice quizzes, whose keys reach the browser."""
    idx = corpus_index(corpus)
    builder = Builder(idx, f"{seed}|{module_id}")
    cands: list[Candidate] = []
    seen: set[tuple[str, str]] = set()
    for rank, (doc_id, para) in enumerate(passages):
        if (doc_id, para.id) in seen:
            continue
        seen.add((doc_id, para.id))
        paragraph = SourceParagraph(doc_id, para, rank)
        cands += builder.sentence_candidates(paragraph)
        cands += builder.paragraph_candidates(paragraph)
    if avoid:
        cands = [c for c in cands if not any(same_question(c.question, p) for p in avoid)]
    left_out: dict[str, int] = {}
    questions = select(cands, count, f"{seed}|{module_id}", left_out)
    return Questions(questions, GenerationStats(builder.tried, len(cands), len(questions),
                                                dict(sorted(builder.rejected.items())),
                                                left_out=dict(sorted(left_out.items()))))
