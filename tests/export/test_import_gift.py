"""The GIFT importer: Moodle's own documentation examples, line-numbered errors, the import command."""

from __future__ import annotations

from pathlib import Path

import pytest

from courseforge.cli import main
from courseforge.importers.gift import ImportOptions, parse_gift, to_quizzes
from courseforge.quiz.dump import dump_quiz
from courseforge.quiz.load import load_quiz_file
from courseforge.quiz.model import (
    FillBlank,
    Matching,
    MultipleChoice,
    Numeric,
    SingleChoice,
    SourceRef,
    TrueFalse,
)

from .conftest import make_quizzes

EXAMPLES = Path(__file__).parent / "data" / "moodle_gift_examples.txt"


def _examples():
    questions, diags = parse_gift(EXAMPLES.read_text(encoding="utf-8"), "examples.txt")
    quizzes, more = to_quizzes(questions, "examples.txt")
    return quizzes, diags + more


def _by_line(quiz):
    return {q.line: q for q in quiz.questions}


def test_moodle_documentation_examples_import():
    quizzes, diags = _examples()
    assert [d for d in diags if d.severity == "error"] == []
    assert [(z.id, z.module, z.title) for z in quizzes] == [("gift-examples", "gift-examples", "GIFT examples")]
    q = _by_line(quizzes[0])
    assert len(q) == 26  # 28 blocks with answers or text; the essay and the description are not gradable

    assert isinstance(q[9], SingleChoice) and q[9].prompt == "Who's buried in Grant's tomb?"
    assert [(o.text, o.correct) for o in q[9].options] == [("Grant", False), ("Jefferson", False), ("no one", True)]
    # missing word: the blank goes where the answers stood
    assert q[12].prompt == "Grant is ___ in Grant's tomb." and q[12].key == "b"
    assert q[14].prompt == "The American holiday of Thanksgiving is celebrated on the ___ Thursday of November."
    assert [o.text for o in q[20].options] == ["India", "China", "Korea", "Egypt"] and q[20].key == "b"
    assert isinstance(q[27], FillBlank) and q[27].answers == ["Grant", "Ulysses S. Grant", "Ulysses Grant"]
    assert q[29].prompt == "Two plus two equals ___." and q[29].answers == ["four", "4"]
    assert isinstance(q[32], TrueFalse) and q[32].answer is False
    assert isinstance(q[34], TrueFalse) and q[34].answer is True
    assert isinstance(q[37], Matching)
    assert [(p.left, p.right) for p in q[37].pairs] == [
        ("Canada", "Ottawa"), ("Italy", "Rome"), ("Japan", "Tokyo"), ("India", "New Delhi")]
    assert isinstance(q[45], Numeric) and (q[45].answer, q[45].tolerance) == (1822, 5)
    assert (q[47].answer, q[47].tolerance) == (3.1415, 0.0005)  # {#3.141..3.142}
    assert (q[49].answer, q[49].tolerance) == (1822, 0)  # the full-credit answer of two
    assert isinstance(q[54], MultipleChoice) and q[54].key == ["b", "c"]
    assert [(o.text, o.feedback) for o in q[62].options] == [
        ("wrong answer", "feedback comment on the wrong answer"),
        ("another wrong answer", "feedback comment on this wrong answer"),
        ("right answer", "Very good!")]
    # {FALSE#feedback for the wrong answer}: shown when the learner picks "true"
    assert (q[67].answer, q[67].feedback_true, q[67].feedback_false) == (False, "No one is buried in Grant's tomb.", None)
    # "::Q1::" names the question; an unnamed question took q1 first
    assert (q[71].id, q[71].prompt, q[71].answer) == ("q1-2", "1+1=2", True)  # "=" before "{" is text
    assert q[74].id == "q2-2" and [(o.text, o.feedback) for o in q[74].options][0] == ("yellow", "right; good!")
    assert q[78].prompt == "Two plus ___ equals four." and q[78].answers == ["two", "2"]
    assert [(p.left, p.right) for p in q[81].pairs] == [("cat", "cat food"), ("dog", "dog food")]
    assert (q[84].answer, q[84].tolerance) == (3, 2) == (q[87].answer, q[87].tolerance)
    assert (q[99].explanation, q[99].answer) == ("A triangle has three sides.", 3)
    control = q[102]
    assert control.id == "gift-control-characters"
    assert [o.text for o in control.options] == ["~", "=", "#", "{", "}", "\\"] and control.key == "f"
    assert control.options[5].feedback == ("Correct! \\ (backslash) is not a control character. BUT,\n"
                                           "it is used to escape the control characters.")
    assert [o.text for o in q[113].options] == ["= 2 + 2", "= 2 + 3", "= 2 + 4"] and q[113].key == "b"
    assert (q[119].id, q[119].prompt, q[119].options[0].text) == ("markdown-question", "Which word is in **bold**?", "**this**")

    assert [str(d) for d in diags] == [
        "examples.txt:96: warning: an empty answer block {} is a Moodle essay question, which courseforge cannot "
        "grade — skipped",
        "examples.txt:124: warning: text without answers (a Moodle 'description') is not a question — skipped",
        "examples.txt:51: warning: the extra answer 1822 (50% credit) cannot be kept: courseforge takes one number "
        "with a margin — left out",
        "examples.txt:92: warning: the extra answer 1822 (50% credit) cannot be kept: courseforge takes one number "
        "with a margin — left out",
        "examples.txt:90: warning: feedback on numerical answers has no place in courseforge — left out; put it in "
        "the explanation",
    ]


@pytest.mark.parametrize("text, message", [
    ("Who?\n{~a =b\n", "x.gift:2: the answer block opened here with '{' is never closed with '}' (write \\{ for a literal brace)"),
    ("One\n\nTwo } three", "x.gift:3: '}' closes an answer block that was never opened with '{' (write \\} for a literal brace)"),
    ("Stray }\nthen {=a}", "x.gift:1: '}' closes an answer block that was never opened with '{' (write \\} for a literal brace)"),
    ("Match {\n=a -> b\n=c d\n}", "x.gift:3: matching pair 'c d' needs '->' between the item and its match"),
    ("How many? {#\n=abc\n}", "x.gift:2: 'abc' is not a number; write {#answer}, {#answer:margin} or {#min..max}"),
    ("::Q1 Who? {=a}", "x.gift:1: the question name starts with '::' but has no closing '::'"),
    ("Pick {\nfirst ~a =b}", "x.gift:2: 'first' stands before the first answer: begin each answer with = (right) or ~ (wrong)"),
    ("A {=x} and {=y}", "x.gift:1: a question may have only one answer block {...}; separate questions with a blank line"),
])
def test_parse_errors_name_file_and_line(text, message):
    _, diags = parse_gift(text, "x.gift")
    assert [str(d) for d in diags if d.severity == "error"] == [message]


def test_courseforge_export_reads_back_with_sources_and_ids():
    from courseforge.export.gift import export_gift

    text, _ = export_gift(make_quizzes(), "C")
    questions, _ = parse_gift(text, "c.gift")
    assert [(g.idnumber, g.source) for g in questions][:2] == [
        ("nexus-check/remittances", SourceRef("unitar-2019", "18")),
        ("nexus-check/drivers", SourceRef("unitar-2019", "annex-6")),
    ]


def test_module_option_gathers_everything_in_one_quiz_with_given_source():
    questions, _ = parse_gift(EXAMPLES.read_text(encoding="utf-8"), "examples.txt")
    quizzes, _ = to_quizzes(questions, "examples.txt", ImportOptions(
        module="03-diaspora", quiz_id="diaspora-bank", source=SourceRef("iom-2020", "4")))
    assert [(z.id, z.module, len(z.questions)) for z in quizzes] == [("diaspora-bank", "03-diaspora", 26)]
    assert {q.source for q in quizzes[0].questions} == {SourceRef("iom-2020", "4")}


def test_without_a_source_questions_get_a_placeholder_check_rejects():
    questions, _ = parse_gift("Who? {=a ~b####Because a.}", "bank.gift")
    quizzes, _ = to_quizzes(questions, "bank.gift")
    assert quizzes[0].questions[0].source == SourceRef("imported", "bank-1")


def _course(tmp_path: Path) -> Path:
    (tmp_path / "course.yml").write_text("id: test-course\ntitle: Test course\n", encoding="utf-8")
    (tmp_path / "quizzes").mkdir()
    return tmp_path


def test_import_command_writes_loadable_yaml_and_says_what_to_fill_in(tmp_path, capsys):
    course = _course(tmp_path)
    bank = tmp_path / "bank.gift"
    bank.write_text("$CATEGORY: $course$/Old/Remittances\n\n::Cost::What is the SDG target for remittance costs, "
                    "in per cent? {#3:0.5####SDG 10.c.}\n\nIs aid larger than remittances?{F}\n", encoding="utf-8")
    assert main(["import", "gift", str(bank), "--course", str(course)]) == 0
    out = capsys.readouterr().out.splitlines()
    written = course / "quizzes" / "remittances.yml"
    quiz, diags = load_quiz_file(written, course)
    assert out == [
        "Wrote quizzes/remittances.yml: 2 question(s), quiz 'remittances' for module 'remittances'.",
        "  Before `courseforge check` accepts it (4):",
        "  Each question marked 'doc: imported' below needs its source: write the seed id from seeds/sources.yml "
        "as doc and the paragraph id shown on the sources page (modules/sources.md) as para.",
        "  quizzes/remittances.yml:3:9: module 'remittances' has no page modules/remittances.md: write an existing "
        "module id here (or import with --module ID)",
        "  quizzes/remittances.yml:14:19: question 'cost' cites no seed paragraph yet (doc: imported)",
        "  quizzes/remittances.yml:20:18: 'explanation' of question 'q2' is empty: write the text",
        "  quizzes/remittances.yml:21:19: question 'q2' cites no seed paragraph yet (doc: imported)",
    ]
    assert quiz is None and [str(d) for d in diags] == [out[5].strip()]
    # Running again never overwrites the trainer's edits.
    before = written.read_text(encoding="utf-8")
    assert main(["import", "gift", str(bank), "--course", str(course)]) == 1
    assert capsys.readouterr().err.strip() == (
        "courseforge: quizzes/remittances.yml: already exist(s); nothing was written (use --force to replace, "
        "or --quiz ID)")
    assert written.read_text(encoding="utf-8") == before


def test_import_command_stops_on_errors_without_writing(tmp_path, capsys):
    course = _course(tmp_path)
    bank = tmp_path / "bad.gift"
    bank.write_text("Fine? {T}\n\nBroken {=a\n", encoding="utf-8")
    assert main(["import", "gift", str(bank), "--course", str(course)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{bank.as_posix()}:3: the answer block opened here with '{{' is never closed with '}}' (write \\{{ for a literal brace)",
        f"{bank.as_posix()}: 1 problem(s) above: nothing was written",
    ]
    assert list((course / "quizzes").iterdir()) == []


def test_exported_quiz_imports_to_the_same_yaml(tmp_path):
    from courseforge.export.gift import export_gift

    quiz = make_quizzes()[0]
    for q in quiz.questions:  # what GIFT cannot carry
        q.points, q.hints = 1, []
    text, _ = export_gift([quiz], "C")
    questions, _ = parse_gift(text, "c.gift")
    back, _ = to_quizzes(questions, "c.gift", ImportOptions(mode=quiz.mode, pass_mark=quiz.pass_mark))
    assert dump_quiz(back[0]) == dump_quiz(quiz)


def _one(text: str):
    questions, diags = parse_gift(text, "bank.txt")
    quizzes, more = to_quizzes(questions, "bank.txt")
    return (quizzes[0].questions[0] if quizzes else None), [str(d) for d in diags + more]


def test_an_escaped_hash_in_a_matching_answer_is_a_literal_hash():
    q, diags = _one("Match the rooms.{\n=Kitchen -> Room \\#1\n=Hall -> Room \\#2 \\# east\n=Attic -> Room 3#Up the stairs.\n}\n")
    assert isinstance(q, Matching)
    assert [(p.left, p.right) for p in q.pairs] == [
        ("Kitchen", "Room #1"), ("Hall", "Room #2 # east"), ("Attic", "Room 3")]
    assert diags == ["bank.txt:4: warning: feedback on a matching pair has no place in courseforge — left out"]


def test_moodle_ordering_questions_import_with_their_items_in_order():
    from courseforge.quiz.model import Ordering

    text = ("::Harbour::Put the harbour works in order.{>4 ALL VERTICAL ABSOLUTE_POSITION SHOW 123\n"
            "Dredge the channel\n  Build the quay: stone  \nInstall the cranes\nOpen to ships\n"
            "####Engineers plan it this way.}\n")
    q, diags = _one(text)
    assert isinstance(q, Ordering) and diags == []
    assert [(i.id, i.text) for i in q.items] == [
        ("i1", "Dredge the channel"), ("i2", "Build the quay: stone"), ("i3", "Install the cranes"),
        ("i4", "Open to ships")]
    assert (q.prompt, q.explanation) == ("Put the harbour works in order.", "Engineers plan it this way.")


def test_ordering_settings_courseforge_cannot_keep_are_warned_about():
    q, diags = _one("Order the tides.{>2 RANDOM HORIZONTAL RELATIVE_NEXT_EXCLUDE_LAST HIDE\nLow\nRising\nHigh\n}\n")
    assert [i.text for i in q.items] == ["Low", "Rising", "High"]
    assert diags == [
        "bank.txt:1: warning: Moodle shows 2 of the 3 items; courseforge shows them all",
        "bank.txt:1: warning: graded RELATIVE_NEXT_EXCLUDE_LAST in Moodle; courseforge gives each item in its right "
        "place its share (Moodle's ABSOLUTE_POSITION)"]


def test_a_malformed_ordering_header_is_an_error_on_its_line():
    q, diags = _one("// a comment\nOrder the tides.\n{>some\nLow\nHigh\n}\n")
    assert q is None
    assert diags == ["bank.txt:3: '{>' starts an ordering question: write the number of items to show "
                     "next, like {>4 ALL VERTICAL ABSOLUTE_POSITION SHOW none, then one item per line"]
