"""Definitions and reasons found in sentences (generate.questions.structures)."""

from courseforge.generate.questions.structures import defined_term, reason_clause


def test_definitions_give_the_term_they_define():
    def term(s):
        span = defined_term(s)
        return span and (span.text, s[span.start:span.end])

    assert term('"Basin" means the area drained by the lake and its rivers.') == ("Basin", "Basin")
    assert term("Functional literacy is defined as the ability to use reading for one's own development.") == (
        "Functional literacy", "Functional literacy")
    assert term("A completer is a learner who passes the final test of a course.") == ("completer", "completer")
    assert term("For the purposes of this Charter, a watercourse means a river and its tributaries.") == (
        "watercourse", "watercourse")
    assert term("This means that the plan must be revised every year.") is None
    assert term("The Council meets once a year in ordinary session.") is None


def test_reasons_and_purposes_run_to_the_end_of_the_sentence():
    s = "Workplace programmes have the highest completion rate because learners study during paid hours."
    r = reason_clause(s)
    assert (r.kind, r.text) == ("reason", "learners study during paid hours")
    s = "Radio courses reach remote villages, but few learners complete them, since learners study alone."
    assert reason_clause(s).text == "learners study alone"
    s = "Libraries should be opened in every district, so that new readers keep their skills."
    assert (reason_clause(s).kind, reason_clause(s).text) == ("purpose", "new readers keep their skills")
    # "since" of time is no reason
    assert reason_clause("The organization has worked on labour migration, since its creation in 1919, in Geneva.") is None
    assert reason_clause("The lake has shrunk since 1970 because farms draw its water.") is None  # two links: unclear
