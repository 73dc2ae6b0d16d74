"""Moodle XML export read back with a real XML parser: every question, answer and feedback survives."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from courseforge.export.moodle_xml import export_moodle_xml
from courseforge.quiz.model import FillBlank, Matching, MultipleChoice, Numeric, Ordering, SingleChoice, TrueFalse


def _t(el, path):
    found = el.find(path)
    return None if found is None else (found.text or "")


def _read(data: bytes):
    root = ET.fromstring(data)
    assert root.tag == "quiz"
    category = None
    out = {}
    for qel in root.findall("question"):
        if qel.get("type") == "category":
            category = _t(qel, "category/text")
            continue
        name = _t(qel, "name/text")
        out[name] = (category, qel)
    return out


def test_every_question_is_in_its_module_category_with_its_stable_name(quizzes):
    data, _ = export_moodle_xml(quizzes, "Migration / Development")
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    read = _read(data)
    expected = {f"{z.id}/{q.id}": f"$course$/Migration // Development/{z.module}" for z in quizzes for q in z.questions}
    assert {name: cat for name, (cat, _) in read.items()} == expected
    for name, (_, qel) in read.items():
        assert _t(qel, "idnumber") == name


def test_round_trip_of_each_type(quizzes):
    assert_moodle_round_trip(quizzes)


def assert_moodle_round_trip(quizzes):
    """Every question of ``quizzes`` read back from Moodle XML with its answers and feedback."""
    data, notes = export_moodle_xml(quizzes, "Course")
    read = _read(data)
    assert len(read) == sum(len(z.questions) for z in quizzes)
    for quiz in quizzes:
        for q in quiz.questions:
            _, el = read[f"{quiz.id}/{q.id}"]
            assert el.find("questiontext").get("format") == "markdown"
            assert _t(el, "questiontext/text") == (q.prompt + " (answer in %)" if getattr(q, "unit", None) else q.prompt)
            assert _t(el, "generalfeedback/text") == q.explanation
            assert float(_t(el, "defaultgrade")) == q.points
            assert [h.text for h in el.findall("hint/text")] == q.hints
            tags = [t.text for t in el.findall("tags/tag/text")]
            assert f"source:{q.source.doc}#{q.source.para}" in tags
            answers = el.findall("answer")
            if isinstance(q, (SingleChoice, MultipleChoice)):
                assert el.get("type") == "multichoice"
                assert _t(el, "single") == ("true" if isinstance(q, SingleChoice) else "false")
                assert [(_t(a, "text"), _t(a, "feedback/text") or None) for a in answers] == [
                    (o.text, o.feedback) for o in q.options]
                fractions = [float(a.get("fraction")) for a in answers]
                right = [f for f, o in zip(fractions, q.options) if o.correct]
                wrong = [f for f, o in zip(fractions, q.options) if not o.correct]
                assert abs(sum(right) - 100) < 0.001  # Moodle requires right fractions to add up to 100%
                if isinstance(q, SingleChoice):
                    assert wrong == [0] * len(wrong)
                elif quiz.multiple_scoring == "partial":
                    assert all(abs(w + 100 / len(right)) < 0.001 for w in wrong)
                else:
                    assert wrong == [-100] * len(wrong)
            elif isinstance(q, TrueFalse):
                assert el.get("type") == "truefalse"
                got = {_t(a, "text"): (a.get("fraction"), _t(a, "feedback/text")) for a in answers}
                assert got == {"true": ("100" if q.answer else "0", q.feedback_true or ""),
                               "false": ("0" if q.answer else "100", q.feedback_false or "")}
            elif isinstance(q, FillBlank):
                assert el.get("type") == "shortanswer"
                assert [(_t(a, "text"), a.get("fraction")) for a in answers] == [(x, "100") for x in q.answers]
            elif isinstance(q, Numeric):
                assert el.get("type") == "numerical"
                assert [(float(_t(a, "text")), float(_t(a, "tolerance"))) for a in answers] == [(q.answer, q.tolerance)]
            elif isinstance(q, Matching):
                assert el.get("type") == "matching"
                subs = [(_t(s, "text"), _t(s, "answer/text")) for s in el.findall("subquestion")]
                assert subs == [(p.left, p.right) for p in q.pairs] + [("", d.text) for d in q.distractors]
            elif isinstance(q, Ordering):
                assert el.get("type") == "ordering"
                # qtype_ordering: the fraction of each answer is its position in the right order
                assert [(_t(a, "text"), float(a.get("fraction"))) for a in answers] == [
                    (i.text, float(n)) for n, i in enumerate(q.items, start=1)]
                assert _t(el, "selecttype") == "ALL"
                # each item in its right place earns its share, as the site and courseforge grade mark it
                assert _t(el, "gradingtype") == "ABSOLUTE_POSITION"
    assert notes.skipped() == set()


def test_moodle_xml_notes_only_what_moodle_cannot_hold(quizzes):
    _, notes = export_moodle_xml(quizzes, "Course")
    per_q = sorted(str(n) for n in notes if n.question)
    assert per_q == [
        "costs-quiz/cost: the unit '%' is added to the prompt (Moodle would otherwise grade units)",
        "costs-quiz/three: all-or-nothing scoring has no Moodle equivalent — exported with -100% per wrong "
        "choice, so Moodle gives partial credit for some right choices and no wrong one",
    ]


def test_seven_right_options_use_moodles_own_fraction(quizzes):
    from courseforge.quiz.model import Option, SourceRef

    q = MultipleChoice(id="seven", prompt="p", explanation="e", source=SourceRef("d", "1"),
                       options=[Option(str(i), f"o{i}", i < 7) for i in range(8)])
    quizzes[0].questions = [q]
    data, _ = export_moodle_xml(quizzes[:1], "C")
    fractions = [a.get("fraction") for a in ET.fromstring(data).iter("answer")]
    assert fractions == ["14.28571"] * 7 + ["-14.28571"]
