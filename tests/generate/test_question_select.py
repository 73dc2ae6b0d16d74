"""Question selection (generate.questions.select): variety and enough single-choice questions.

Candidates are written by hand here, so each test fixes exactly what the
selector can choose from.
"""

from __future__ import annotations

from collections import Counter

from courseforge.generate.questions.drafts import Candidate
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
    "Glaciers in the Alps lost a tenth of their volume in two hot summers.",
    "Village cooperatives bought solar pumps with loans from a rural bank.",
    "Night trains between Vienna and Rome returned after a decade away.",
    "Libraries lent tablets to pupils who had no computer at home.",
    "Fishing quotas for cod were cut by a third in the northern sea.",
    "Wind farms off the coast supplied power to half a million homes.",
    "Midwives in remote clinics used radios to call for ambulances.",
    "Coffee growers switched to shade trees after a run of dry years.",
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


def test_two_single_choice_questions_are_kept_with_their_keys_apart():
    # Two single-choice questions can hold their keys in two positions: both stay.
    cands = statements() + [single("s1", 0.8), single("s2", 0.7), blank("f1", 0.6), number("n1", 0.4)]
    qs, _ = select(cands, 10, "seed")
    assert types(qs)["single"] == 2
    keys = [next(i for i, o in enumerate(q.options) if o.correct) for q in qs if q.type == "single"]
    assert len(set(keys)) == 2


def test_true_false_is_at_most_a_third_of_the_quiz_and_balanced():
    # Eight statements and three other questions: a quiz of 10 keeps 3 statements at most,
    # and a quiz that comes out shorter keeps a third of what it has.
    many = [statement(f"t{i}", 0.95 - i / 100, i % 2 == 0) for i in range(8)]
    others = [single("s1", 0.5), single("s2", 0.4), single("s3", 0.35), number("n1", 0.3), number("n2", 0.2),
              blank("f1", 0.1)]
    qs, _ = select(many + others, 10, "seed")
    tf = [q for q in qs if q.type == "true_false"]
    assert (len(qs), len(tf)) == (9, 3)
    assert abs(sum(q.answer for q in tf) - sum(not q.answer for q in tf)) <= 1
    # three other questions: two statements, one true and one false
    qs, _ = select(many + others[:3], 10, "seed")
    tf = [q for q in qs if q.type == "true_false"]
    assert (len(qs), sorted(q.answer for q in tf)) == (5, [False, True])




def test_what_passed_the_checks_but_was_left_out_is_counted_with_its_reason():
    from courseforge.generate.questions import GenerationStats
    from courseforge.generate.questions.select import LEFT_SAME_SENTENCE, LEFT_TRUE_FALSE

    many = [statement(f"t{i}", 0.95 - i / 100, i % 2 == 0) for i in range(8)]
    # a fill-in on the same sentence as a chosen choice question: one of the two goes
    others = [single("s1", 0.5), blank("s1", 0.45), number("n1", 0.3)]
    qs, left = select(many + others, 10, "seed")
    assert sum(left.values()) == len(many + others) - len(qs)
    assert left[LEFT_TRUE_FALSE] == 8 - sum(q.type == "true_false" for q in qs)
    assert left[LEFT_SAME_SENTENCE] == 1
    line = GenerationStats(tried=12, passed=11, selected=len(qs), left_out=left).summary()
    assert "left out: 6 × true/false statements, which make at most a third of a quiz" in line


def test_no_wrong_option_is_the_answer_of_another_question():
    from courseforge.generate.questions.checks import check_distractor_is_other_key
    from courseforge.generate.questions.select import LEFT_KEY_AS_DISTRACTOR

    a, b = single("k1", 0.9), single("k2", 0.8)
    # b offers a's answer as a wrong option
    b.question.options[1] = Option("b", a.question.options[0].text, False)
    assert check_distractor_is_other_key([a.question, b.question])
    qs, left = select([a, b, number("n1", 0.5)], 10, "seed")
    assert [q.id for q in qs if q.type == "single"] == [a.question.id]
    assert left == {LEFT_KEY_AS_DISTRACTOR: 1}
    assert check_distractor_is_other_key(qs) == []
