"""The compiled shortcut gives what the markers give, and steps aside for anything else."""

from __future__ import annotations

import pytest

from courseforge.grade.markers import AnswerError, make_marker
from courseforge.grade.validate import QuizKey, Rejected, check_submission

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


def careful(quiz, answers):
    """Marks and choice codes the way the careful path computes them (one marker call each)."""
    marks, choices = [0.0] * 7, [-1] * 7
    for pos, q in enumerate(quiz.questions):
        ans = answers.get(q.id)
        if ans is not None:
            marks[pos], choices[pos] = make_marker(q, quiz.multiple_scoring)(ans)
    return marks, choices


def mark_text(qid, mark):
    r = round(mark, 4)
    return f'"{qid}":' + (str(int(r)) if r == int(r) else repr(r))


@pytest.mark.parametrize("scoring", ["partial", "all_or_nothing"])
def test_shortcut_matches_the_markers_for_every_answer_twice(scoring):
    quiz = make_quiz(multiple_scoring=scoring)
    fast = QuizKey.compile(quiz).marks_of
    for qid, values in ANSWERS.items():
        for value in values:
            for _ in range(2):  # first a miss (the marker runs), then a hit (remembered)
                answers = {**PERFECT, qid: value}
                try:
                    want = careful(quiz, answers)
                except AnswerError:
                    with pytest.raises((AnswerError, TypeError)):
                        fast(answers)
                    continue
                marks, choices, text = fast(answers)
                assert (marks, choices) == want, (qid, value)
                assert text == ",".join(mark_text(q.id, m) for q, m in zip(quiz.questions, want[0]))


def test_shortcut_leaves_out_questions_and_unknown_ones_to_the_careful_path():
    quiz = make_quiz()
    fast = QuizKey.compile(quiz).marks_of
    partial = {k: v for k, v in PERFECT.items() if k not in ("q2", "q6")}
    marks, choices, text = fast(partial)
    assert (marks, choices) == careful(quiz, partial)
    assert choices[1] == choices[5] == -1 and '"q2":0' in text and '"q6":0' in text
    assert fast({**PERFECT, "q99": "a"}) is None  # not a question of this quiz


def test_a_bad_answer_after_good_ones_is_still_rejected_with_the_first_error_in_answer_order():
    quiz = make_quiz()
    keys = {quiz.id: QuizKey.compile(quiz)}
    assert check_submission(submission(quiz), keys).score == 14  # remembered now
    answers = {"q7": ["i1", "i9"], **{k: v for k, v in PERFECT.items() if k != "q7"}, "q3": "yes"}
    with pytest.raises(Rejected, match=r"^question q7: item 'i9' does not exist$"):
        check_submission(submission(quiz, answers=answers), keys)
    with pytest.raises(Rejected, match=r"^question q3: expected true or false, got a number$"):
        check_submission(submission(quiz, answers={**PERFECT, "q3": 1}), keys)


def test_a_quiz_repeating_a_question_id_gets_no_shortcut():
    quiz = make_quiz()
    quiz.questions.append(quiz.questions[0])
    assert QuizKey.compile(quiz).marks_of is None


def test_a_long_fill_in_answer_is_marked_but_not_remembered():
    quiz = make_quiz()
    fast = QuizKey.compile(quiz).marks_of
    long_text = "New York " + "x" * 300
    fast(PERFECT)
    for _ in range(2):
        marks, _, _ = fast({**PERFECT, "q4": long_text})
        assert marks[3] == 0.0
    assert long_text not in fast.__globals__["F3"] and "new york" in fast.__globals__["F3"]
