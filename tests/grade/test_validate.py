"""Answer shapes, submission checks and the quiz version warning."""

from __future__ import annotations

import copy

import pytest

from courseforge.grade.validate import QuizKey, Rejected, check_submission
from courseforge.quiz.model import Option, SingleChoice

from .conftest import PERFECT as PERFECT_ANSWERS, SRC, make_quiz, submission


@pytest.fixture
def keys():
    return {"quiz-1": QuizKey.compile(make_quiz())}


def reason(data, keys, **kw) -> str:
    with pytest.raises(Rejected) as info:
        check_submission(data, keys, **kw)
    return str(info.value)


def test_perfect_submission_scores_every_point(keys):
    quiz = make_quiz()
    g = check_submission(submission(quiz), keys, "migration-and-development")
    assert g.score == 14 and g.marks == [2, 2, 1, 1, 1, 3, 4]
    assert g.unanswered == [] and g.warnings == []
    assert g.learner_id == "L1" and g.learner_name == "Ana"
    assert g.timestamp == 1740823200.0  # 2025-03-01T10:00:00Z


def test_mixed_submission_hand_computed(keys):
    quiz = make_quiz()
    answers = {"q1": "b", "q2": ["a", "b", "c"], "q3": True, "q4": " nyc ", "q5": 290,
               "q6": {"p1": "p1", "p2": "p3", "p3": "x1"}, "q7": ["i2", "i1", "i3", "i4"]}
    g = check_submission(submission(quiz, answers=answers), keys)
    # q1 0; q2 (2−1)/2 × 2 = 1; q3 1; q4 1; q5 0 (290 outside 281 ± 2); q6 1/3 × 3 = 1; q7 2/4 × 4 = 2
    assert g.marks == [0, 1, 1, 1, 0, pytest.approx(1.0), 2]
    assert g.score == pytest.approx(6.0)


def test_browser_aliases_grade_like_model_ids(keys):
    # The site names matching rights and ordering items by alias (the author's ids would give
    # the key away); the grader must give exactly the marks and choice codes of the model ids.
    from courseforge.quiz.public import public_alias

    quiz = make_quiz()
    q6, q7 = quiz.questions[5], quiz.questions[6]
    by_model = {"q6": {"p1": "p1", "p2": "p3", "p3": "x1"}, "q7": ["i2", "i1", "i3", "i4"]}
    by_alias = {"q6": {"p1": public_alias(q6, "migration"), "p2": public_alias(q6, "labour"),
                       "p3": public_alias(q6, "weather")},
                "q7": [public_alias(q7, t) for t in ("second", "first", "third", "fourth")]}
    base = dict(PERFECT_ANSWERS)
    model = check_submission(submission(quiz, answers={**base, **by_model}), keys)
    browser = check_submission(submission(quiz, answers={**base, **by_alias}), keys)
    assert model.marks == browser.marks == [2, 2, 1, 1, 1, pytest.approx(1.0), 2]
    assert model.choices == browser.choices
    # An alias and the author's id of the same item are the same item, listed twice.
    twice = {**base, "q7": ["i1", public_alias(q7, "first"), "i3", "i4"]}
    with pytest.raises(Rejected, match="the same item is listed twice"):
        check_submission(submission(quiz, answers=twice), keys)


def test_unanswered_and_null_answers_score_zero(keys):
    quiz = make_quiz()
    g = check_submission(submission(quiz, answers={"q1": "a", "q3": None}), keys)
    assert g.score == 2 and g.unanswered == ["q2", "q3", "q4", "q5", "q6", "q7"]
    assert g.choices == [0, -1, -1, -1, -1, -1, -1]


@pytest.mark.parametrize("change, expected", [
    (lambda d: d.update(format="quizzy/2"),
     "unknown format 'quizzy/2': this version of courseforge grades courseforge-submission/1"),
    (lambda d: d.pop("format"), 'not a courseforge submission: no "format": "courseforge-submission/1"'),
    (lambda d: d.update(quiz="quiz-9"), "unknown quiz 'quiz-9': no quiz with this id in the quizzes folder"),
    (lambda d: d.pop("quiz"), "no quiz id: the submission does not say which quiz it answers"),
    (lambda d: d.update(learner={"name": "Ana"}), "no learner id: the submission does not say who it is from"),
    (lambda d: d.update(learner={"id": "  ", "name": "Ana"}),
     "no learner id: the submission does not say who it is from"),
    (lambda d: d.pop("learner"), "no learner: the submission does not say who it is from"),
    (lambda d: d.update(learner={"id": ["x"]}), "learner id must be text, got a list"),
    (lambda d: d["answers"].update(q99="a"), "unknown question 'q99': quiz 'quiz-1' has no such question"),
    (lambda d: d["answers"].update(q1="z"), "question q1: option 'z' does not exist"),
    (lambda d: d["answers"].update(q1=["a"]), "question q1: expected one option id (text), got a list"),
    (lambda d: d["answers"].update(q2="a"), "question q2: expected a list of option ids, got text"),
    (lambda d: d["answers"].update(q2=["a", "a"]), "question q2: the same option is listed twice"),
    (lambda d: d["answers"].update(q2=["a", "zz"]), "question q2: option 'zz' does not exist"),
    (lambda d: d["answers"].update(q3="true"), "question q3: expected true or false, got text"),
    (lambda d: d["answers"].update(q3=1), "question q3: expected true or false, got a number"),
    (lambda d: d["answers"].update(q4=42), "question q4: expected text, got a number"),
    (lambda d: d["answers"].update(q5="281"), "question q5: expected a number, got text"),
    (lambda d: d["answers"].update(q5=True), "question q5: expected a number, got true/false"),
    (lambda d: d["answers"].update(q5=float("nan")), "question q5: expected a number, got infinity or NaN"),
    (lambda d: d["answers"].update(q5=10**400), "question q5: the number is too large"),
    (lambda d: d["answers"].update(q6={"p9": "p1"}), "question q6: pair 'p9' does not exist"),
    (lambda d: d["answers"].update(q6={"p1": "zz"}), "question q6: right 'zz' (matched to 'p1') does not exist"),
    (lambda d: d["answers"].update(q6=["p1"]), "question q6: expected pairs {left id: right id}, got a list"),
    (lambda d: d["answers"].update(q7=["i1", "i9"]), "question q7: item 'i9' does not exist"),
    (lambda d: d.update(answers=["a"]), "answers must be an object {question id: answer}, got a list"),
    (lambda d: d.pop("answers"), "no answers in the submission"),
    (lambda d: d.update(submitted_at="yesterday"),
     "submitted_at 'yesterday' is not an ISO 8601 date and time (e.g. 2025-03-01T14:05:00Z)"),
    (lambda d: d.update(course="another-course"),
     "submission is for course 'another-course', not this course ('migration-and-development')"),
])
def test_rejection_reasons(keys, change, expected):
    data = submission(make_quiz())
    change(data)
    assert reason(data, keys, course_id="migration-and-development") == expected


def test_not_an_object(keys):
    assert reason([1, 2], keys) == "not a submission: expected a JSON object, got a list"


def test_very_long_learner_id_is_rejected(keys):
    data = submission(make_quiz(), learner="x" * 501)
    assert reason(data, keys) == "learner id is longer than 500 characters"


# -- quiz versions --------------------------------------------------------------


def edited_quiz():
    """quiz-1 after an edit: q1's wording changed, q7 removed, q8 added."""
    quiz = make_quiz()
    quiz.questions[0].prompt = "What is the capital?"
    quiz.questions = quiz.questions[:6] + [SingleChoice(id="q8", prompt="New?", explanation="e", source=SRC,
                                                        options=[Option("a", "A", True), Option("b", "B", False)])]
    return quiz


def test_old_version_graded_by_id_with_changed_questions_named():
    old = make_quiz()
    data = submission(old)  # made against the old version
    new = edited_quiz()
    g = check_submission(data, {"quiz-1": QuizKey.compile(new)})
    assert len(g.warnings) == 1
    w = g.warnings[0]
    assert w.startswith("made against another version of quiz 'quiz-1' (submission ")
    assert w.endswith("graded by question id; changed since: q1; removed since (answers ignored): q7; "
                      "added since (scored 0): q8")
    assert g.marks == [2, 2, 1, 1, 1, 3, 0]  # q1..q6 graded by id, q8 unanswered
    assert g.unanswered == ["q8"]


def test_old_version_without_question_versions_names_removed_answers():
    data = submission(make_quiz())
    del data["question_versions"]
    g = check_submission(data, {"quiz-1": QuizKey.compile(edited_quiz())})
    assert g.warnings[0].endswith("graded by question id; no question versions in the submission, so changed "
                                  "questions cannot be named; removed since (answers ignored): q7")


def test_old_version_answer_that_no_longer_fits_scores_zero_with_warning():
    data = submission(make_quiz())
    new = edited_quiz()
    new.questions[0].options = [Option("x", "Geneva", True), Option("b", "Bern", False)]
    g = check_submission(data, {"quiz-1": QuizKey.compile(new)})
    assert g.marks[0] == 0
    assert "answer to q1 no longer fits the question (option 'a' does not exist): scored 0" in g.warnings


def test_same_version_submission_has_no_warning(keys):
    g = check_submission(submission(make_quiz()), keys)
    assert g.warnings == []


def test_csv_row_checked_like_json(keys):
    row = {"learner_id": "L7", "learner_name": "Bo", "quiz": "quiz-1", "submitted_at": "",
           "answers": {"q1": "a", "q2": "a|c", "q5": "282,5"}}
    g = check_submission(row, keys, from_csv=True)
    assert g.marks == [2, 0, 0, 0, 1, 0, 0] and g.timestamp == 0.0
    bad = copy.deepcopy(row)
    bad["answers"]["q3"] = "perhaps"
    assert reason(bad, keys, from_csv=True) == "question q3: expected true or false (or yes/no), got 'perhaps'"


def test_without_quiz_version_no_warning_and_strict(keys):
    data = submission(make_quiz())
    del data["quiz_version"], data["question_versions"]
    assert check_submission(data, keys).warnings == []
    data["answers"]["q99"] = "a"
    assert reason(data, keys) == "unknown question 'q99': quiz 'quiz-1' has no such question"
