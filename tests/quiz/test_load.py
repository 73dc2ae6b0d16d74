"""The quiz loader: every field checked, every error at its line, all errors in one run."""

from __future__ import annotations

import textwrap

import pytest

from courseforge.quiz.load import load_quiz_file, load_quizzes, read_quiz_file
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
    SingleChoice,
    SourceRef,
    TrueFalse,
)

HEAD = """\
# yaml-language-server: $schema=../schema/quiz-v1.schema.json
id: quiz-1
module: mod-1
title: A quiz
mode: practice
pass_mark: 70
questions:
"""
SRC = "    source: {doc: doc-a, para: 18}\n"


def write(tmp_path, body: str, name: str = "quiz.yml", head: str = HEAD) -> str:
    p = tmp_path / name
    p.write_text(head + body, encoding="utf-8")
    return p


def q(body: str) -> str:
    """A question block indented under questions:."""
    return textwrap.indent(textwrap.dedent(body), "  ")


def errors(tmp_path, body: str, head: str = HEAD) -> list[str]:
    p = tmp_path / "quiz.yml"
    p.write_text(head + q(body), encoding="utf-8")
    quiz, diags = load_quiz_file(p, tmp_path)
    assert (quiz is None) == any(d.severity == "error" for d in diags)
    return [str(d) for d in diags]


GOOD = """\
- id: q1
  type: single
  prompt: Pick one.
  options:
    - {id: a, text: Right, correct: true, feedback: Well done.}
    - {id: b, text: Wrong, correct: false}
  explanation: Because.
  source: {doc: doc-a, para: 18}
"""


def test_all_seven_types_load_into_the_model(tmp_path):
    body = GOOD + """\
- id: q2
  type: multiple
  prompt: Pick some.
  options:
    - {id: a, text: One, correct: true}
    - {id: b, text: Two, correct: true}
    - {id: c, text: Three, correct: false}
  explanation: E.
  source: {doc: doc-a, para: annex-6}
  points: 2.5
  hints: [Think.]
  tags: [t1]
  bloom: apply
- id: q3
  type: true_false
  prompt: True?
  answer: false
  feedback_true: No.
  explanation: E.
  source: {doc: doc-a, para: 1}
- id: q4
  type: fill_blank
  prompt: Money sent home is called ___.
  answers: [remittances, 1990]
  explanation: E.
  source: {doc: doc-a, para: 1}
- id: q5
  type: numeric
  prompt: How many?
  answer: 80
  tolerance: 0.5
  unit: billion
  explanation: E.
  source: {doc: doc-a, para: 1}
- id: q6
  type: matching
  prompt: Match.
  pairs:
    - {id: p1, left: A, right: B}
    - {id: p2, left: C, right: D}
  distractors: [{id: x1, text: E}]
  explanation: E.
  source: {doc: doc-a, para: 1}
- id: q7
  type: ordering
  prompt: Order.
  items: [{id: i1, text: First}, {id: i2, text: Second}]
  explanation: E.
  source: {doc: doc-a, para: 1}
"""
    p = tmp_path / "quiz.yml"
    p.write_text(HEAD + q(body), encoding="utf-8")
    quiz, diags = load_quiz_file(p, tmp_path)
    assert diags == []
    assert (quiz.id, quiz.module, quiz.title, quiz.mode, quiz.pass_mark) == ("quiz-1", "mod-1", "A quiz", "practice", 70)
    assert quiz.multiple_scoring == "partial" and quiz.description is None and quiz.path == "quiz.yml"
    q1, q2, q3, q4, q5, q6, q7 = quiz.questions
    assert q1 == SingleChoice(id="q1", prompt="Pick one.", explanation="Because.", source=SourceRef("doc-a", "18"),
                              options=[Option("a", "Right", True, "Well done."), Option("b", "Wrong", False)])
    assert q1.line == 8 and q1.key == "a"
    assert isinstance(q2, MultipleChoice) and q2.key == ["a", "b"] and q2.points == 2.5
    assert (q2.hints, q2.tags, q2.bloom, q2.source) == (["Think."], ["t1"], "apply", SourceRef("doc-a", "annex-6"))
    assert q3 == TrueFalse(id="q3", prompt="True?", explanation="E.", source=SourceRef("doc-a", "1"), answer=False,
                           feedback_true="No.")
    assert q4 == FillBlank(id="q4", prompt="Money sent home is called ___.", explanation="E.",
                           source=SourceRef("doc-a", "1"), answers=["remittances", "1990"])
    assert q5 == Numeric(id="q5", prompt="How many?", explanation="E.", source=SourceRef("doc-a", "1"),
                         answer=80, tolerance=0.5, unit="billion")
    assert q6 == Matching(id="q6", prompt="Match.", explanation="E.", source=SourceRef("doc-a", "1"),
                          pairs=[Pair("p1", "A", "B"), Pair("p2", "C", "D")], distractors=[Distractor("x1", "E")])
    assert q7 == Ordering(id="q7", prompt="Order.", explanation="E.", source=SourceRef("doc-a", "1"),
                          items=[Item("i1", "First"), Item("i2", "Second")])


def test_unknown_field_with_suggestion(tmp_path):
    assert errors(tmp_path, GOOD.replace("  explanation: Because.", "  explaination: Because.")) == [
        "quiz.yml:8:5: question 'q1' has no 'explanation': add it (for example explanation: why the right answer is right)",
        "quiz.yml:14:5: unknown field 'explaination' — did you mean 'explanation'?",
    ]


def test_unknown_field_without_suggestion_lists_the_allowed_ones(tmp_path):
    assert errors(tmp_path, GOOD + "  colour: red\n") == [
        "quiz.yml:16:5: unknown field 'colour' in question 'q1'; allowed fields: id, type, prompt, explanation, "
        "source, points, hints, tags, bloom, options",
    ]


def test_field_of_another_type(tmp_path):
    body = GOOD.replace("type: single", "type: true_false").replace("  options:", "  answer: true\n  options:")
    assert errors(tmp_path, body) == [
        "quiz.yml:12:5: field 'options' is not used by a true_false question (only by single or multiple); "
        "remove it — a true_false question takes answer, feedback_true, feedback_false",
    ]


def test_comma_in_flow_mapping_is_explained(tmp_path):
    body = GOOD.replace("text: Wrong,", "text: Wrong, very wrong,")
    assert errors(tmp_path, body) == [
        "quiz.yml:13:30: 'very wrong' was read as a field of option 'b' of question 'q1': a text containing a "
        "comma inside { } must be put in quotes",
    ]


def test_top_level_values_checked(tmp_path):
    head = HEAD.replace("mode: practice", "mode: practise").replace("pass_mark: 70", "pass_mark: 170") \
        .replace("title: A quiz", "title:").replace("id: quiz-1", "id: quiz 1")
    assert errors(tmp_path, GOOD, head) == [
        "quiz.yml:2:5: 'id' of the quiz 'quiz 1' is not a valid id: use letters, digits, '-', '_' or '.', no "
        "spaces, at most 80 characters (e.g. q1, opt-a)",
        "quiz.yml:4:7: 'title' of the quiz is empty: write the text",
        "quiz.yml:5:7: 'mode' of the quiz is 'practise' — did you mean 'practice'? write one of: practice, "
        "assessment",
        "quiz.yml:6:12: 'pass_mark' of the quiz is 170: write a percentage from 0 to 100",
    ]


def test_missing_top_level_fields_and_no_questions(tmp_path):
    head = "# yaml-language-server: $schema=../schema/quiz-v1.schema.json\nid: quiz-1\nquestions: []\n"
    p = tmp_path / "quiz.yml"
    p.write_text(head, encoding="utf-8")
    quiz, diags = load_quiz_file(p, tmp_path)
    assert quiz is None
    assert [str(d) for d in diags] == [
        "quiz.yml:2:1: the quiz has no 'module': add it (for example module: 01-migration-development-nexus)",
        "quiz.yml:2:1: the quiz has no 'title': add it (for example title: Check your understanding)",
        "quiz.yml:2:1: the quiz has no 'mode': add it (for example mode: practice)",
        "quiz.yml:2:1: the quiz has no 'pass_mark': add it (for example pass_mark: 70)",
        "quiz.yml:3:12: 'questions' of the quiz has 0 entries: it needs at least 1",
    ]


def test_single_needs_exactly_one_correct(tmp_path):
    none = GOOD.replace("text: Right, correct: true", "text: Right, correct: false")
    assert errors(tmp_path, none) == [
        "quiz.yml:12:7: question 'q1' (single) has no correct option: mark exactly one option with correct: true",
    ]
    two = GOOD.replace("text: Wrong, correct: false", "text: Wrong, correct: true")
    assert errors(tmp_path, two) == [
        "quiz.yml:12:7: question 'q1' (single) has 2 correct options (a, b): mark exactly one with correct: true, "
        "or use type: multiple for several right answers",
    ]


def test_multiple_needs_a_correct_option(tmp_path):
    body = GOOD.replace("type: single", "type: multiple").replace("correct: true", "correct: false")
    assert errors(tmp_path, body) == [
        "quiz.yml:12:7: question 'q1' (multiple) has no correct option: mark at least one option with correct: true",
    ]


def test_empty_options(tmp_path):
    body = GOOD.replace(
        "    - {id: a, text: Right, correct: true, feedback: Well done.}\n    - {id: b, text: Wrong, correct: false}\n",
        "").replace("  options:\n", "  options: []\n")
    assert errors(tmp_path, body) == [
        "quiz.yml:11:14: 'options' of question 'q1' has 0 entries: it needs at least 2",
    ]
    body = GOOD.replace("text: Wrong,", "text: '',")
    assert errors(tmp_path, body) == [
        "quiz.yml:13:23: 'text' of option 'b' of question 'q1' is empty: write the text",
    ]
    body = GOOD.replace("  options:\n", "  options:\n    -\n")
    assert errors(tmp_path, body) == [
        "quiz.yml:12:8: option 1 of question 'q1' must be a group of fields (name: value), found nothing",
    ]


def test_duplicate_ids_and_texts_within_a_question(tmp_path):
    body = GOOD.replace("{id: b, text: Wrong", "{id: a, text: right")
    assert errors(tmp_path, body) == [
        "quiz.yml:13:14: option id 'a' is used twice in question 'q1' (first on line 12): give each option its own id",
        "quiz.yml:13:23: two option texts of question 'q1' read the same (first on line 12): learners could not "
        "tell them apart; reword one",
    ]


def test_fill_blank_needs_exactly_one_blank(tmp_path):
    base = """\
- id: q1
  type: fill_blank
  prompt: PROMPT
  answers: [x]
  explanation: E.
  source: {doc: doc-a, para: 1}
"""
    assert errors(tmp_path, base.replace("PROMPT", "No blank here.")) == [
        "quiz.yml:10:13: the prompt of question 'q1' (fill_blank) has 0 blanks: write ___ (three underscores) "
        "exactly once, where the answer goes",
    ]
    assert errors(tmp_path, base.replace("PROMPT", "___ and ___.")) == [
        "quiz.yml:10:13: the prompt of question 'q1' (fill_blank) has 2 blanks: write ___ (three underscores) "
        "exactly once, where the answer goes",
    ]
    assert errors(tmp_path, base.replace("PROMPT", "A _____ blank.")) == [
        "quiz.yml:10:13: the blank in the prompt of question 'q1' is 5 underscores: write exactly three (___)",
    ]


def test_numeric_rules(tmp_path):
    base = """\
- id: q1
  type: numeric
  prompt: How many?
  answer: ANSWER
  tolerance: TOL
  explanation: E.
  source: {doc: doc-a, para: 1}
  points: POINTS
"""
    body = base.replace("ANSWER", "'80 million'").replace("TOL", "-1").replace("POINTS", "0")
    assert errors(tmp_path, body) == [
        "quiz.yml:11:13: 'answer' of question 'q1' must be a number (digits only, no quotes or units), found "
        "'80 million'",
        "quiz.yml:12:16: 'tolerance' of question 'q1' is -1: it cannot be negative (0 means the exact answer)",
        "quiz.yml:15:13: 'points' of question 'q1' is 0: points must be more than 0 (default 1)",
    ]
    body = base.replace("ANSWER", ".nan").replace("TOL", "0").replace("POINTS", "1")
    assert errors(tmp_path, body) == ["quiz.yml:11:13: 'answer' of question 'q1' must be a plain number, found '.nan'"]


def test_matching_and_ordering_rules(tmp_path):
    body = """\
- id: q1
  type: matching
  prompt: Match.
  pairs:
    - {id: p1, left: A, right: B}
  distractors: [{id: p1, text: B}]
  explanation: E.
  source: {doc: doc-a, para: 1}
- id: q2
  type: ordering
  prompt: Order.
  items: [{id: i1, text: Only}]
  explanation: E.
  source: {doc: doc-a, para: 1}
"""
    assert errors(tmp_path, body) == [
        "quiz.yml:12:7: 'pairs' of question 'q1' has 1 entry: it needs at least 2",
        "quiz.yml:13:24: distractor id 'p1' of question 'q1' is also a pair id: answers name rights by id, so give "
        "the distractor its own id",
        "quiz.yml:13:34: two right-hand texts of question 'q1' read the same (first on line 12): learners could not "
        "tell them apart; reword one",
        "quiz.yml:19:12: 'items' of question 'q2' has 1 entry: it needs at least 2",
    ]


def test_duplicate_question_ids_and_type_typo_all_reported(tmp_path):
    body = GOOD + GOOD.replace("type: single", "type: singel")
    assert errors(tmp_path, body) == [
        "quiz.yml:16:9: question id 'q1' is used twice in this quiz (first on line 8): give each question its own id",
        "quiz.yml:17:11: 'type' of question 'q1' is 'singel' — did you mean 'single'? write one of: single, multiple, "
        "true_false, fill_blank, numeric, matching, ordering",
    ]


def test_source_and_para_forms(tmp_path):
    body = GOOD.replace("source: {doc: doc-a, para: 18}", "source: {doc: doc-a}")
    assert errors(tmp_path, body) == [
        "quiz.yml:15:13: source of question 'q1' has no 'para': add it (for example para: 18)",
    ]
    body = GOOD.replace("source: {doc: doc-a, para: 18}", "source: {doc: doc-a, para: annex-6}")
    quiz, _ = load_quiz_file(write(tmp_path, q(body)), tmp_path)
    assert quiz.questions[0].source == SourceRef("doc-a", "annex-6")


def test_missing_schema_comment_is_a_warning_only(tmp_path):
    p = write(tmp_path, q(GOOD), head=HEAD.split("\n", 1)[1])
    quiz, diags = load_quiz_file(p, tmp_path)
    assert quiz is not None
    assert [str(d) for d in diags] == [
        "quiz.yml:1:1: warning: the first line should be '# yaml-language-server: "
        "$schema=../schema/quiz-v1.schema.json' so that editors check the quiz as you type"
    ]


def test_not_a_mapping_and_empty_file(tmp_path):
    p = tmp_path / "quiz.yml"
    p.write_text("- a\n- b\n")
    assert [str(d) for d in load_quiz_file(p, tmp_path)[1]][0] == (
        "quiz.yml:1:1: the quiz must be a group of fields (name: value), found a list")
    p.write_text("# nothing yet\n")
    assert [str(d) for d in load_quiz_file(p, tmp_path)[1]] == [
        "quiz.yml: the file is empty: a quiz needs id, module, title, mode, pass_mark and questions"]


def test_load_quizzes_sorted_and_duplicate_ids_across_files(tmp_path):
    d = tmp_path / "quizzes"
    d.mkdir()
    write(d, q(GOOD), "b.yml")
    write(d, q(GOOD), "a.yaml")
    write(d, q(GOOD), "c.yml", head=HEAD.replace("quiz-1", "quiz-2"))
    (d / "notes.txt").write_text("not a quiz")
    quizzes, diags = load_quizzes(d, tmp_path)
    assert [x.path for x in quizzes] == ["quizzes/a.yaml", "quizzes/c.yml"]
    assert [str(x) for x in diags] == [
        "quizzes/b.yml:2:5: quiz id 'quiz-1' is already used by quizzes/a.yaml:2: quiz ids must be unique in the "
        "course; rename one"
    ]


def test_partial_results_for_cross_checks(tmp_path):
    body = GOOD + GOOD.replace("id: q1", "id: q2").replace("para: 18", "para: annex-3").replace(
        "prompt: Pick one.", "prompt: ''")
    res = read_quiz_file(write(tmp_path, q(body)), tmp_path)
    assert res.quiz is None  # the empty prompt
    assert (res.quiz_id, res.module) == ("quiz-1", "mod-1")
    assert [(c.qid, c.doc, c.para, c.doc_pos, c.para_pos) for c in res.sources] == [
        ("q1", "doc-a", "18", (15, 19), (15, 32)), ("q2", "doc-a", "annex-3", (23, 19), (23, 32))]


@pytest.mark.parametrize("value,expected", [
    ("yes", True), ("true", True), ("false", False), ("'true'", None), ("1", None),
])
def test_true_false_answer_must_be_a_boolean(tmp_path, value, expected):
    body = f"""\
- id: q1
  type: true_false
  prompt: True?
  answer: {value}
  explanation: E.
  source: {{doc: doc-a, para: 1}}
"""
    p = write(tmp_path, q(body))
    quiz, diags = load_quiz_file(p, tmp_path)
    if expected is None:
        assert [str(d) for d in diags] == [
            f"quiz.yml:11:13: 'answer' of question 'q1' must be true or false, found '{value.strip(chr(39))}'"]
    else:
        assert diags == [] and quiz.questions[0].answer is expected


def test_list_entries_are_named_by_position(tmp_path):
    body = GOOD + "  hints: [Look at paragraph 18., '']\n  tags: text\n"
    assert errors(tmp_path, body) == [
        "quiz.yml:16:36: entry 2 of 'hints' of question 'q1' is empty: write the text",
        "quiz.yml:17:11: 'tags' of question 'q1' must be a list (each entry on a line starting with '- '), "
        "found 'text'",
    ]
