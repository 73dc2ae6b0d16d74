"""GIFT export: escaping, mapping of each type, notes, and the round trip through the importer."""

from __future__ import annotations

from courseforge.export.gift import escape, export_gift
from courseforge.importers.gift import parse_gift, to_quizzes
from courseforge.quiz.model import Numeric



def test_escape_follows_moodle_documentation():
    # Moodle: "\character — backslash escapes the special meaning of ~, =, #, {, }, and :"; \n is a line break.
    assert escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"
    assert escape("plain text, 5% -> ok") == "plain text, 5% -> ok"


def test_each_type_is_written_as_moodle_reads_it(quizzes):
    text, _ = export_gift(quizzes, "Migration / Development")
    assert "$CATEGORY: $course$/Migration // Development/01-migration-development-nexus\n" in text
    assert "$CATEGORY: $course$/Migration // Development/02-remittance-costs\n" in text
    assert (
        "::nexus-check/remittances::[markdown]Which flow is **largest**? Costs \\~5% \\{approx.\\} \\= \\#1 issue\\: "
        "see \\\\ annex\\nsecond line{\n"
        "\t=Remittances \\= money \\{sent\\}#Right\\: \\~3x ODA.\n"
        "\t~Aid\\: ODA#No \\#2.\n"
        "\t~FDI\n"
        "\t####See ¶18\\: \\#1.\n"
        "}\n"
    ) in text
    # multiple, partial scoring: +1/n for right, -1/n for wrong
    assert "\t~%50%Wages#Yes.\n\t~%50%Climate\n\t~%-50%Moon phase#No.\n" in text
    # multiple, all-or-nothing: Moodle's nearest is -100% per wrong choice; 1/3 as Moodle writes it
    assert "\t~%33.33333%A\n\t~%33.33333%B\n\t~%33.33333%C\n\t~%-100%D\n" in text
    # true/false: {FALSE#feedback when wrong#feedback when right####general}
    assert "{FALSE#Look again\\: South\\:South.#Right.####Most is South–South.}" in text
    # fill_blank in Moodle's missing-word form, where the blank is
    assert "::costs-quiz/sdg::[markdown]The SDG target is {\n\t=3\n\t=three\n\t####SDG 10.c\\: 3%.\n} per cent.\n" in text
    assert "[markdown]Average cost of sending $200? (answer in %){#\n\t=6.2:0.5\n" in text
    assert "\t=ODA -> aid \\{official\\}\n\t=FDI -> investment\n\t=Diaspora -> people abroad\n" in text
    assert "costs-quiz/order" not in text.replace("// ", "")  # ordering cannot be written
    assert "// source: unitar-2019#annex-6\n// [id:nexus-check/drivers]\n" in text
    assert "// [id:nexus-check/remittances] [tag:flows] [tag:bloom-remember]\n" in text


def test_what_gift_cannot_express_is_reported_per_question(quizzes):
    _, notes = export_gift(quizzes, "Course")
    by_q = {(n.quiz, n.question): n for n in notes if n.question}
    assert str(by_q[("costs-quiz", "order")]) == (
        "costs-quiz/order: ordering is not supported by GIFT — skipped; export Moodle XML "
        "(ordering question type) or QTI to keep it")
    assert by_q[("costs-quiz", "order")].skipped
    assert str(by_q[("costs-quiz", "match")]) == (
        "costs-quiz/match: GIFT has no distractors for matching — extra answers left out (x1); "
        "Moodle XML and QTI keep them")
    assert "worth 2 points" in by_q[("nexus-check", "drivers")].message
    assert "1 hint(s) left out" in by_q[("nexus-check", "remittances")].message
    assert "unit '%' is added to the prompt" in by_q[("costs-quiz", "cost")].message
    assert "all-or-nothing" in by_q[("costs-quiz", "three")].message
    assert notes.skipped() == {("costs-quiz", "order")}
    quiz_level = [str(n) for n in notes if n.question is None]
    assert quiz_level[0].startswith("nexus-check: title, pass mark (70%) and mode (practice)")


def test_round_trip_through_the_importer_keeps_questions_answers_and_feedback(quizzes):
    back = assert_gift_round_trip(quizzes)
    assert [(z.id, z.module, z.title) for z in back] == [
        ("nexus-check", "01-migration-development-nexus", "The nexus: a check"),
        ("costs-quiz", "02-remittance-costs", "Costs"),
    ]
    cost = next(q for z in back for q in z.questions if q.id == "cost")
    assert isinstance(cost, Numeric) and (cost.answer, cost.tolerance, cost.unit) == (6.2, 0.5, "%")


def _blank_choice_ids(q):
    import dataclasses

    changes = {}
    for name in ("options", "pairs", "distractors", "items"):
        if hasattr(q, name):
            changes[name] = [dataclasses.replace(x, id="") for x in getattr(q, name)]
    return dataclasses.replace(q, **changes)


def assert_gift_round_trip(quizzes):
    """Export ``quizzes`` to GIFT, import them back: equal but for what the notes say GIFT cannot hold."""
    text, notes = export_gift(quizzes, "Migration / Development")
    parsed, diags = parse_gift(text, "export.gift")
    assert [str(d) for d in diags] == []
    back, diags2 = to_quizzes(parsed, "export.gift")
    assert [str(d) for d in diags2] == []
    assert {(z.id, z.module, z.title) for z in back} == {
        (z.id, z.module, " ".join(z.title.split())) for z in quizzes}
    original = {(z.id, q.id): q for z in quizzes for q in z.questions}
    noted: dict[tuple, str] = {}
    for n in notes:
        if n.question:
            noted[(n.quiz, n.question)] = noted.get((n.quiz, n.question), "") + n.message + "\n"
    seen = set()
    for z in back:
        for q in z.questions:
            seen.add((z.id, q.id))
            o = original[(z.id, q.id)]
            changes = {}
            message = noted.get((z.id, q.id), "")
            # What GIFT cannot carry -- and only that -- differs, and each is in the notes.
            if o.points != 1:
                assert "no question marks" in message
                changes["points"] = 1
            if o.hints:
                assert "no hints" in message
                changes["hints"] = []
            if getattr(o, "distractors", None):
                assert "no distractors" in message
                changes["distractors"] = []
            expected = type(o)(**{**o.__dict__, **changes}) if changes else o
            # GIFT has no ids for choices: the importer numbers them (a, b ... / p1, p2 ...).
            assert _blank_choice_ids(q) == _blank_choice_ids(expected), q.id
    skipped = notes.skipped()
    assert seen == set(original) - skipped
    assert all(original[k].type == "ordering" or "->" in str(original[k]) for k in skipped)
    return back


def test_option_text_that_looks_like_a_weight_keeps_its_meaning(quizzes):
    q = quizzes[0].questions[0]
    q.options[1].text = "%5% off"
    q.options[0].text = "%10% more"
    text, _ = export_gift([quizzes[0]], "C")
    assert "\t=%10% more#" in text and "\t~%0%%5% off#" in text
    parsed, _ = parse_gift(text, "c.gift")
    assert [(a.text, a.weight) for a in parsed[0].answers] == [("%10% more", 1.0), ("%5% off", 0.0), ("FDI", 0.0)]


def test_any_text_survives_escaping_and_parsing():
    """Property: whatever characters a trainer types, export then import gives the same texts back."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from courseforge.quiz.model import Option, Quiz, SingleChoice, SourceRef

    alphabet = st.sampled_from(list("ab ~=#{}:\\\n->%[]/_.é"))
    text = st.text(alphabet, min_size=1, max_size=30).map(
        lambda s: "\n".join(line.strip() for line in s.split("\n")).strip()).filter(
        lambda s: s and "___" not in s and not s.startswith("["))

    @settings(max_examples=150, deadline=None)
    @given(prompt=text, right=text, wrong=text, fb=text, why=text)
    def check(prompt, right, wrong, fb, why):
        q = SingleChoice(id="q", prompt=prompt, explanation=why, source=SourceRef("d", "1"),
                         options=[Option("a", right, True, fb), Option("b", wrong, False)])
        quiz = Quiz(id="z", module="m", title="T", mode="practice", pass_mark=50, questions=[q])
        gift, _ = export_gift([quiz], "C")
        parsed, diags = parse_gift(gift, "p.gift")
        assert [str(d) for d in diags] == []
        back, _ = to_quizzes(parsed, "p.gift")
        got = back[0].questions[0]
        assert (got.prompt, got.explanation) == (prompt, why)
        assert [(o.text, o.correct, o.feedback) for o in got.options] == [(right, True, fb), (wrong, False, None)]

    check()
