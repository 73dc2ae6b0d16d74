"""Question selection (generate.questions.select): variety and enough single-choice questions.

Candidates are written by hand here, so each test fixes exactly what the
selector can choose from.
"""

from __future__ import annotations

from collections import Counter

from courseforge.generate.questions.candidates import Candidate
from courseforge.generate.questions.select import select
from courseforge.quiz.model import FillBlank, Numeric, Option, SingleChoice, SourceRef, TrueFalse

SRC = SourceRef("doc", "1")
# one unrelated sentence per group, so no two questions look like near-duplicates
SENTENCES = [
    "Remittances to developing countries reached 281 billion dollars in 2006.",
    "Asylum seekers in Europe waited two years on average for a first decision.",
    "The Global Forum met for the first time in Brussels in July 2007.",
    "Nurses trained in Ghana often left for posts in the United Kingdom.",
    "Cities such as Lyon drew up local plans for welcoming newcomers.",
    "Diaspora bonds financed railways in Israel and power plants in India.",
    "Trafficking victims were promised residence permits if they testified.",
    "Seasonal farm work in Canada followed a bilateral agreement with Mexico.",
    "Students who studied abroad returned with degrees employers valued.",
    "Border controls tightened after the financial crisis of 2008 in Spain.",
    "Return migrants opened small shops and workshops in rural Senegal.",
    "Citizenship tests asked applicants about the history of the Netherlands.",
]
GROUPS: dict[str, int] = {}


def _sentence(group: str) -> str:
    return SENTENCES[GROUPS.setdefault(group, len(GROUPS))]


def single(group: str, score: float) -> Candidate:
    opts = [Option(c, f"option {c} of {group}", c == "a") for c in "abcd"]
    q = SingleChoice(id=f"single-{group}", prompt=f"Which option completes it? {_sentence(group)}",
                     explanation=f"The source says: “{_sentence(group)}”", source=SRC, options=opts)
    return Candidate(q, score, group, (0, int(score * 100)))


def blank(group: str, score: float) -> Candidate:
    q = FillBlank(id=f"blank-{group}", prompt=f"Fill in the blank: {_sentence(group)}",
                  explanation=f"The source says: “{_sentence(group)}”", source=SRC, answers=["x"])
    return Candidate(q, score, group, (0, int(score * 100)))


def number(group: str, score: float) -> Candidate:
    q = Numeric(id=f"number-{group}", prompt=f"Fill in the missing number: {_sentence(group)}",
                explanation=f"The source says: “{_sentence(group)}”", source=SRC, answer=3.0)
    return Candidate(q, score, group, (0, int(score * 100)))


def statement(group: str, score: float, true: bool) -> Candidate:
    q = TrueFalse(id=f"tf-{group}", prompt=f"True or false? {_sentence(group)}",
                  explanation=f"The source says: “{_sentence(group)}”", source=SRC, answer=true)
    return Candidate(q, score, group, (0, int(score * 100)), "true" if true else "false")


def types(questions) -> Counter:
    return Counter(q.type for q in questions)


def statements() -> list[Candidate]:
    return [statement(f"t{i}", 0.9 - i / 100, i % 2 == 0) for i in range(4)]


def test_the_only_fill_in_gives_way_to_a_third_single_choice_when_three_types_remain():
    # Two sentences offer only a single-choice question; a third offers a single choice and a
    # better fill-in, the quiz's only one. Two single-choice questions cannot balance their key
    # positions, so without the swap both would be dropped: a quiz with no single choice at all.
    cands = statements() + [single("s1", 0.8), single("s2", 0.7), blank("f1", 0.6), single("f1", 0.5),
                            number("n1", 0.4)]
    qs = select(cands, 10, "seed")
    assert types(qs) == {"true_false": 4, "single": 3, "numeric": 1}
    assert "single-f1" in {q.id for q in qs}


def test_the_swap_never_leaves_fewer_than_three_types():
    # Same, without the numeric question: swapping would leave two types, so the single-choice
    # questions go (each replaced by a fill-in of its sentence where there is one).
    cands = statements() + [single("s1", 0.8), single("s2", 0.7), blank("f1", 0.6), single("f1", 0.5),
                            blank("s1", 0.3)]
    qs = select(cands, 10, "seed")
    assert types(qs) == {"true_false": 4, "fill_blank": 2}


def test_a_swap_that_keeps_every_type_comes_first():
    # A true/false statement of the larger side can give way as well: that keeps the fill-in.
    cands = statements() + [statement("t9", 0.85, True), single("s1", 0.8), single("s2", 0.7),
                            single("t9", 0.2), blank("f1", 0.6), single("f1", 0.5), number("n1", 0.4)]
    qs = select(cands, 10, "seed")
    assert types(qs)["single"] == 3 and types(qs)["fill_blank"] == 1
    assert "single-t9" in {q.id for q in qs} and "single-f1" not in {q.id for q in qs}
