"""What reaches the browser: assessment mode carries no key; versions track visible edits."""

import json
from dataclasses import replace

from courseforge.quiz.model import (
    Distractor,
    FillBlank,
    Item,
    Matching,
    MultipleChoice,
    Numeric,
    Option,
    Ordering,
    Pair,
    Quiz,
    SingleChoice,
    SourceRef,
    TrueFalse,
)
from courseforge.quiz.public import public_question_version, public_quiz, quiz_version, resolve_answer

SRC = SourceRef("desa-2004-social-perspective", "18")


def make_quiz(mode="assessment"):
    common = dict(explanation="Paragraph 18 says so.", source=SRC)
    questions = [
        SingleChoice(id="s1", prompt="Pick one", options=[
            Option("a", "Eighty billion", True, "Right: paragraph 18."),
            Option("b", "Eight billion", False, "Too small."),
        ], **common),
        MultipleChoice(id="m1", prompt="Pick two", options=[
            Option("a", "ILO", True), Option("b", "IOM", True), Option("c", "WTO", False),
        ], **common),
        TrueFalse(id="t1", prompt="Remittances exceed aid.", answer=False, **common),
        FillBlank(id="f1", prompt="Remittances are estimated at ___ a year.", answers=["80 billions US dollars"], **common),
        Numeric(id="n1", prompt="How many million migrants?", answer=175, tolerance=0, unit="million", **common),
        Matching(id="x1", prompt="Match", pairs=[
            Pair("p1", "ILO", "International Labour Organization"),
            Pair("p2", "IOM", "International Organization for Migration"),
        ], distractors=[Distractor("d1", "International Monetary Fund")], **common),
        Ordering(id="o1", prompt="Order", items=[
            Item("i1", "Convention No 97 (1949)"), Item("i2", "Convention No 143 (1975)"), Item("i3", "Cairo (1994)"),
        ], **common),
    ]
    return Quiz(id="q", module="m", title="Quiz", mode=mode, pass_mark=70, questions=questions)


def test_assessment_view_holds_no_key():
    text = json.dumps(public_quiz(make_quiz()))
    for secret in ('"correct"', '"answer"', '"answers"', "explanation", "feedback", "Right: paragraph 18", "80 billions"):
        assert secret not in text, secret
    data = public_quiz(make_quiz())
    items = data["questions"][6]["items"]
    # sorted by text ("143" < "97"), not the key order, and never under the author's ids
    assert [i["text"] for i in items] == ["Cairo (1994)", "Convention No 143 (1975)", "Convention No 97 (1949)"]
    assert not {i["id"] for i in items} & {"i1", "i2", "i3"}


def test_matching_rights_do_not_carry_their_pair_ids():
    match = public_quiz(make_quiz())["questions"][5]
    assert [l["id"] for l in match["lefts"]] == ["p1", "p2"]
    right_ids = {r["id"] for r in match["rights"]}
    assert len(right_ids) == 3 and not right_ids & {"p1", "p2", "d1"}
    assert "key" not in match


def test_browser_answers_resolve_back_to_model_ids():
    quiz = make_quiz("practice")
    match, order = public_quiz(quiz)["questions"][5], public_quiz(quiz)["questions"][6]
    # Practice carries the key under aliases: answering with it resolves to the model's key.
    assert resolve_answer(quiz.questions[5], dict(match["key"])) == {"p1": "p1", "p2": "p2"}
    assert resolve_answer(quiz.questions[6], [i["id"] for i in order["items"]]) == ["i1", "i2", "i3"]
    distractor = next(r["id"] for r in match["rights"] if r["text"] == "International Monetary Fund")
    assert resolve_answer(quiz.questions[5], {"p1": distractor}) == {"p1": "d1"}
    # Model ids (CSV, hand-made files) and odd values pass through for the grader to judge.
    assert resolve_answer(quiz.questions[5], {"p1": "p2", "p2": None}) == {"p1": "p2", "p2": None}
    assert resolve_answer(quiz.questions[6], ["i2", 7]) == ["i2", 7]
    assert resolve_answer(quiz.questions[0], "a") == "a"


def test_practice_view_holds_key_for_immediate_feedback():
    data = public_quiz(make_quiz("practice"))
    single = data["questions"][0]
    assert [o["correct"] for o in single["options"]] == [True, False]
    assert single["options"][0]["feedback"] == "Right: paragraph 18."
    assert data["questions"][2]["answer"] is False
    assert [i["text"] for i in data["questions"][6]["items"]] == [
        "Convention No 97 (1949)", "Convention No 143 (1975)", "Cairo (1994)"]


def test_flipping_an_assessment_key_keeps_the_version():
    quiz = make_quiz()
    flipped = make_quiz()
    flipped.questions[0].options[0].correct = False
    flipped.questions[0].options[1].correct = True
    flipped.questions[2] = replace(flipped.questions[2], answer=True)
    assert public_quiz(quiz) == public_quiz(flipped)


def test_visible_edit_changes_quiz_and_question_version():
    quiz, edited = make_quiz(), make_quiz()
    edited.questions[0].prompt = "Pick exactly one"
    assert quiz_version(quiz) != quiz_version(edited)
    assert public_question_version(quiz.questions[0]) != public_question_version(edited.questions[0])
    assert public_question_version(quiz.questions[1]) == public_question_version(edited.questions[1])


def test_question_version_is_the_same_in_both_modes():
    practice, assessment = public_quiz(make_quiz("practice")), public_quiz(make_quiz())
    assert [q["version"] for q in practice["questions"]] == [q["version"] for q in assessment["questions"]]


def test_assessment_offers_hints_only_when_the_quiz_asks():
    hinted = make_quiz()
    hinted.questions[0].hints = ["See paragraph 18 of the 2004 report."]
    assert public_quiz(hinted)["questions"][0]["hints"] == []
    assert "paragraph 18 of the 2004" not in json.dumps(public_quiz(hinted))
    asked = replace(hinted, assessment_hints=True)
    assert public_quiz(asked)["questions"][0]["hints"] == ["See paragraph 18 of the 2004 report."]
    practice = replace(hinted, mode="practice")
    assert public_quiz(practice)["questions"][0]["hints"] == ["See paragraph 18 of the 2004 report."]
    # Offering hints or not changes no version: the grader's and the page's stay the same.
    assert public_quiz(asked)["version"] == public_quiz(hinted)["version"] == quiz_version(hinted)
    assert public_quiz(asked)["questions"][0]["version"] == public_question_version(hinted.questions[0])
