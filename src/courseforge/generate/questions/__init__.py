"""Quiz drafts: many extractive candidates per passage, checked, ranked, selected.

Public API::

    generate_questions(passages, corpus, *, module_id, count=10, seed, avoid=()) -> Drafted
    check_quiz(quiz, corpus) -> list[str]          # every check, on a finished quiz

``Drafted`` holds the questions and their ``stats`` (a GenerationStats): how
many candidates were drafted, passed the checks and were kept, and why the
others were rejected or left out: what ``generate`` tells the trainer per module.

``passages`` are the module's paragraphs, most relevant first, as
``(doc_id, Paragraph)`` pairs. The result is deterministic: the same inputs
and seed give the same questions, ids, options and order.
"""

from __future__ import annotations

from courseforge.sources.model import Corpus, Paragraph

from ..stats import Drafted, GenerationStats
from .candidates import Builder
from .checks import check_no_overlap, check_question, check_quiz, same_question
from .drafts import Candidate, SourceParagraph
from .index import corpus_index
from .select import select

__all__ = ["generate_questions", "check_quiz", "check_question", "check_no_overlap", "same_question", "Drafted",
           "GenerationStats"]


def generate_questions(
    passages: list[tuple[str, Paragraph]],
    corpus: Corpus,
    *,
    module_id: str,
    count: int = 10,
    seed: str,
    avoid: list | tuple = (),
) -> Drafted:
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
    questions, left_out = select(cands, count, f"{seed}|{module_id}")
    return Drafted(questions, GenerationStats(builder.tried, len(cands), len(questions),
                                              dict(sorted(builder.rejected.items())),
                                              left_out=dict(sorted(left_out.items()))))
