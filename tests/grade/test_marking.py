"""The grader's marking: each answer marked by its question's type and remembered; a
submission whose answers were all seen before is marked from the memories alone, with the
same marks, codes and results.json text as one answer at a time."""

from __future__ import annotations

import pytest

from courseforge.grade.marking import REMEMBERED_TEXT, QuestionMarking, QuizMarking
from courseforge.grade.validate import AnswerError, QuizKey, Rejected, check_submission
from courseforge.quiz.types import TYPES

from .conftest import PERFECT, make_quiz, submission

# answers of every type, valid ones and odd ones (a wrong type, 1 for true, an unknown id)
ANSWERS = {
    "q1": ["a", "b", "c", None, "z", 1, ["a"], True],
    "q2": [["a", "b"], ["b", "a"], ["c"], [], None, ["a", "a"], "ab", ["a", 1], [["a"]]],
    "q3": [True, False, None, 1, 0, 1.0, "true"],
    "q4": ["NYC", " new  york. ", "ＮＹＣ", "Boston", "", None, 3],
    "q5": [281, 283.0, 283.5, 280, None, True, "281", float("nan"), 10**400],
    "q6": [{"p1": "p1", "p2": "p2", "p3": "p3"}, {"p1": "x1", "p2": None}, {}, None, {"p9": "p1"},
           {"p1": ["p1"]}, ["p1"]],
    "q7": [["i1", "i2", "i3", "i4"], ["i4", "i3"], [], None, ["i1", "i1"], "i1"],
}


def by_type(quiz, answers):
    """Marks and choice codes straight from each question's type (no memory)."""
    marks, choices = [0.0] * 7, [-1] * 7
    for pos, q in enumerate(quiz.questions):
        ans = answers.get(q.id)
        if ans is not None:
            marks[pos], choices[pos] = TYPES[q.type].marker(q, quiz)(ans)
    return marks, choices


def mark_text(qid, mark):
    r = round(mark, 4)
    return f'"{qid}":' + (str(int(r)) if r == int(r) else repr(r))


@pytest.mark.parametrize("scoring", ["partial", "all_or_nothing"])
def test_remembered_answers_mark_as_the_types_do_and_bad_ones_are_never_remembered(scoring):
    quiz = make_quiz(multiple_scoring=scoring)
    marking = QuizMarking(quiz)
    for qid, values in ANSWERS.items():
        for value in values:
            answers = {**PERFECT, qid: value}
            try:
                want = by_type(quiz, answers)
            except AnswerError:
                for _ in range(2):
                    assert marking.seen(answers) is None
                    with pytest.raises(AnswerError):
                        [m(answers[q.id]) for q, m in zip(quiz.questions, marking.questions)]
                continue
            first = [m(answers.get(q.id)) for q, m in zip(quiz.questions, marking.questions)]  # marked, remembered
            assert [r[:2] for r in first] == list(zip(*want))
            marks, choices, text = marking.seen(answers)  # now every answer has been seen
            assert (marks, choices) == want, (qid, value)
            assert text == ",".join(mark_text(q.id, m) for q, m in zip(quiz.questions, want[0]))


def test_one_true_is_not_the_number_one_and_ab_is_not_a_and_b():
    quiz = make_quiz()
    marking = QuizMarking(quiz)
    tf, numeric, multiple = marking.questions[2], marking.questions[4], marking.questions[1]
    assert tf(True)[:2] == (1.0, 1) and numeric(1)[:2] == (0.0, 0) and multiple(["a", "b"])[:2] == (2.0, 3)
    with pytest.raises(AnswerError):
        tf(1)
    with pytest.raises(AnswerError):
        numeric(True)
    with pytest.raises(AnswerError):
        multiple("ab")
    assert marking.seen({**PERFECT, "q3": 1}) is None and marking.seen({**PERFECT, "q5": True}) is None


def test_questions_left_out_are_unanswered_and_unknown_ones_go_the_careful_way():
    quiz = make_quiz()
    marking = QuizMarking(quiz)
    partial = {k: v for k, v in PERFECT.items() if k not in ("q2", "q6")}
    assert marking.seen(partial) is None  # nothing seen yet
    for q, m in zip(quiz.questions, marking.questions):
        m(partial.get(q.id))
    marks, choices, text = marking.seen(partial)
    assert (marks, choices) == by_type(quiz, partial)
    assert choices[1] == choices[5] == -1 and '"q2":0' in text and '"q6":0' in text
    assert marking.seen({**partial, "q99": "a"}) is None  # not a question of this quiz


def test_a_bad_answer_after_good_ones_is_still_rejected_with_the_first_error_in_answer_order():
    quiz = make_quiz()
    keys = {quiz.id: QuizKey.compile(quiz)}
    assert check_submission(submission(quiz), keys).score == 14  # remembered now
    assert check_submission(submission(quiz), keys).marks_json is not None  # from the memories
    answers = {"q7": ["i1", "i9"], **{k: v for k, v in PERFECT.items() if k != "q7"}, "q3": "yes"}
    with pytest.raises(Rejected, match=r"^question q7: item 'i9' does not exist$"):
        check_submission(submission(quiz, answers=answers), keys)
    with pytest.raises(Rejected, match=r"^question q3: expected true or false, got a number$"):
        check_submission(submission(quiz, answers={**PERFECT, "q3": 1}), keys)


def test_a_quiz_repeating_a_question_id_is_marked_one_answer_at_a_time():
    quiz = make_quiz()
    quiz.questions.append(quiz.questions[0])
    marking = QuizMarking(quiz)
    for q, m in zip(quiz.questions, marking.questions):
        m(PERFECT[q.id])
    assert marking.seen(PERFECT) is None


def test_a_long_fill_in_answer_is_marked_but_not_remembered():
    q = make_quiz().questions[3]
    m = QuestionMarking(q)
    long_text = "New York " + "x" * REMEMBERED_TEXT
    for _ in range(2):
        assert m(long_text)[0] == 0.0
    assert m("New York")[0] == 1.0
    assert long_text not in m.memory and "New York" in m.memory
