from courseforge.generate.markdown import md
from courseforge.generate.pages import objectives, sources_page, study_minutes
from courseforge.quiz.model import FillBlank, Ordering, Item, Quiz, SourceRef, TrueFalse

from gen_standins import simple_corpus

SRC = SourceRef("a", "1")


def quiz(questions):
    return Quiz(id="01-x", module="01-x", title="Q", mode="practice", pass_mark=70, questions=questions)


def fb(qid, prompt, bloom="remember"):
    return FillBlank(id=qid, prompt=prompt, explanation="e", source=SRC, answers=["x"], bloom=bloom)


def test_objectives_follow_the_question_types_topics_and_blooms():
    qs = [
        fb("q1", "Coral reefs bleach when the water ___.", "remember"),
        TrueFalse(id="q2", prompt="Fishing quotas were set in 1990.", explanation="e", source=SRC, answer=True,
                  bloom="understand"),
        fb("q3", "Fishing boats need a ___ licence.", "understand"),
        fb("q4", "The largest coral reef lies off ___.", "understand"),
        Ordering(id="q5", prompt="p", explanation="e", source=SRC, bloom="analyze",
                 items=[Item("a", "1949"), Item("b", "1975")]),
    ]
    assert objectives(quiz(qs), ["coral reefs", "fishing"]) == [
        ("Explain", "the exact terms and names the documents use for coral reefs", [1, 4]),
        ("Explain", "the exact terms and names the documents use for fishing", [3]),
        ("Distinguish", "accurate from inaccurate statements about fishing", [2]),
        ("Sequence", "the milestones of coral reefs in the order they happened", [5]),
    ]


def test_objectives_are_merged_down_to_five():
    topics = ["coral", "fishing", "plastic", "tourism"]
    qs = [fb(f"q{i}", f"Question about {t} ___.") for i, t in enumerate(topics, start=1)]
    qs += [TrueFalse(id=f"t{i}", prompt=f"A statement on {t}.", explanation="e", source=SRC, answer=True)
           for i, t in enumerate(topics[:2], start=1)]
    got = objectives(quiz(qs), topics)
    assert got == [
        ("Recall", "the exact terms and names the documents use for coral", [1, 2, 3, 4]),
        ("Distinguish", "accurate from inaccurate statements about coral", [5]),
        ("Distinguish", "accurate from inaccurate statements about fishing", [6]),
    ]


def test_markdown_escaping_keeps_text_literal():
    assert md("1. Item with *stars* and <b> & [link]") == r"1\. Item with \*stars\* and &lt;b&gt; &amp; \[link\]"


def test_sources_page_anchors_every_paragraph_with_a_visible_number():
    corpus = simple_corpus({"doc-one": ["First <para> text.", "Second."]}, {"doc-one": "The Title"})
    page = sources_page(corpus)
    assert page.startswith("---\ntitle: Sources\n---\n")
    assert ('<p id="doc-one-1"><a class="cf-para" href="#doc-one-1" aria-label="Paragraph 1">¶ 1</a> '
            "First &lt;para&gt; text.</p>") in page
    assert '<p id="doc-one-2"><a class="cf-para" href="#doc-one-2" aria-label="Paragraph 2">¶ 2</a> Second.</p>' in page
    assert "## The Title\n" in page and '<a id="doc-one"></a>' in page


def test_study_time_counts_reading_quiz_and_discussion_in_five_minute_steps():
    assert study_minutes(words=900, questions=10, discussion=4) == 35  # 5 + 15 + 12 = 32 -> 35
    assert study_minutes(words=0, questions=0, discussion=0) == 10


def test_key_readings_prefer_substantial_paragraphs_from_different_documents():
    from courseforge.generate.pages import key_readings
    from courseforge.generate.select import Passage

    long_text = "Coral reefs shelter a quarter of marine species and protect coasts from storms. " * 4
    corpus = simple_corpus({"a": [long_text, long_text + "More.", "As a clearing house, by sharing data."],
                            "b": ["This shows the reefs are in trouble and need care, as the data above shows. " * 4,
                                  long_text]})
    a1, a2, a3 = corpus.documents[0].paragraphs
    b1, b2 = corpus.documents[1].paragraphs
    ranked = [Passage("a", a3, 9, 0), Passage("b", b1, 8, 1), Passage("a", a1, 7, 2), Passage("a", a2, 6, 3),
              Passage("b", b2, 5, 4)]
    got = [(p.doc, p.para.id) for p in key_readings(ranked)]
    # the fragment and the paragraph opening with "This" come last
    assert got == [("a", "1"), ("b", "2"), ("a", "2"), ("a", "3")]


def test_timeline_keeps_events_not_targets_plans_or_comparisons():
    from courseforge.generate.facts import is_event_date

    assert is_event_date("The Convention entered into force in 2003.", "2003")
    assert is_event_date("The Forum was held in Brussels in July 2007.", "July 2007")
    assert not is_event_date("Governments should train half of all teachers by 2027.", "2027")
    assert not is_event_date("The question will be before the board in the spring of 2004.", "2004")
    assert not is_event_date("In 2000, 469,000 people entered, as compared with 123,000 in 1992.", "1992")
    assert not is_event_date("The council concluded, a year before the 20th anniversary of the 1994 conference.",
                             "1994")
    assert not is_event_date("Emissions fell sharply in 2019.", "2020")  # a date the sentence does not hold


def test_assessment_page_of_one_module_and_one_question_reads_in_the_singular():
    from courseforge.generate.pages import ModuleDraft, assessment_page
    from courseforge.generate.plan import ModulePlan

    corpus = simple_corpus({"a": ["Reefs bleach when the water warms."]})
    module = ModuleDraft(plan=ModulePlan("reefs", "Reefs", ("reefs",), 1), passages=[], quiz=quiz([fb("q1", "___")]))
    exam = Quiz(id="02-exam", module="02-final", title="Final", mode="assessment", pass_mark=50,
                questions=[fb("e1", "Reefs bleach when the water ___.")])
    draft = ModuleDraft(plan=ModulePlan("final", "Final assessment", (), 2), passages=[], quiz=exam, assessment=True)
    page = assessment_page(draft, corpus, 2, [module])
    assert "This assessment covers the one module of the course. Take it when you have studied it and passed " \
           "its practice quiz." in page
    assert "Final assessment: 1 question on the whole course." in page
    assert "· 1 question*" in page
    assert "1 modules" not in page and "1 questions" not in page


def _reef_draft():
    from courseforge.generate.prose import sentences
    from courseforge.generate.pages import ModuleDraft
    from courseforge.generate.plan import ModulePlan
    from courseforge.generate.select import Passage

    corpus = simple_corpus({
        "a": ["The first reef survey was held in 2009 and was attended by forty divers from six countries. "
              "Coral reefs are the most diverse marine ecosystems and protect coasts from storm surges.",
              "Fishing boats must carry a radio and a licence issued by the harbour office at the start of a season. "
              "Healthy reefs depend on clean water, and reef managers should limit runoff from farms."],
        "b": ["A course on harbour law complemented the survey and examined the permits of every port in the region. "
              "Warming seas are the main threat to coral reefs, which can bleach within weeks."]},
        titles={"a": "Reef Report", "b": "Ocean Note"})
    passages = [Passage(d.id, p, 10 - i, i) for i, (d, p) in enumerate(
        (d, p) for d in corpus.documents for p in d.paragraphs)]
    plan = ModulePlan("reefs", "Coral reefs", ("coral reefs", "reef managers"), 1)
    return ModuleDraft(plan=plan, passages=passages, quiz=quiz([fb("q1", "Coral reefs ___.")])), corpus, sentences


def test_takeaways_are_claims_on_the_topic_not_reports_of_events_or_other_subjects():
    from courseforge.generate.pages import takeaways

    draft, corpus, sentences = _reef_draft()
    got = " ".join(takeaways(draft, corpus, sentences))
    assert "Healthy reefs depend on clean water" in got or "Warming seas are the main threat" in got
    assert "survey was held in 2009" not in got  # a report of what happened
    assert "Fishing boats must carry a radio" not in got  # off the module's topic
    assert "course on harbour law complemented" not in got


def test_overview_quotes_what_each_document_argues_and_takeaways_do_not_repeat_it():
    from courseforge.generate.pages import overview_claims, takeaways

    draft, corpus, sentences = _reef_draft()
    argued = overview_claims(draft, sentences)
    assert [p.doc for _, p in argued] == ["a", "b"]  # one claim per document
    assert all("coral reefs" in s.lower() or "reefs" in s.lower() for s, _ in argued)
    points = " ".join(takeaways(draft, corpus, sentences))
    assert not any(s in points for s, _ in argued)


def test_objectives_name_the_quiz_and_discussion_questions_that_test_them():
    from courseforge.generate.pages import discussion_questions, page_objectives

    draft, corpus, sentences = _reef_draft()
    goals = page_objectives(draft, corpus, sentences)
    assert 2 <= len(goals) <= 5
    assert goals[0][2] == "quiz question 1"
    asked = discussion_questions(draft, corpus, sentences)
    for verb, obj, refs in goals[1:]:
        assert refs.startswith("discussion question ")
        n = int(refs.rsplit(" ", 1)[1])
        assert 1 <= n <= len(asked)
    # a recommendation of the readings is discussed, and the objective says what that asks
    if any("How would this apply" in q for q in asked):
        assert any(verb == "Apply" for verb, _, _ in goals)


def test_a_reading_is_not_cut_just_before_the_sentence_that_answers_it():
    from courseforge.generate.prose import sentences
    from courseforge.generate.pages import excerpt

    claim = "Remittances help families pay for school and health care in the villages of origin, year after year. "
    text = claim * 5 + "However, they cannot replace public investment in schools and clinics. " + \
        "Banks in the capital also charge high fees on small transfers sent from abroad by migrant workers. " * 3
    quote = excerpt(text, sentences, limit=85)  # five claims of 17 words fill it
    assert "However, they cannot replace public investment" in quote and quote.endswith("[…]")
    # too long to take the answer in: the quote ends before the claim it answers
    long_claim = "Remittances help families pay for school and health care in the villages of origin, " + \
        "and they keep many small shops and workshops open in the towns, year after year, in good times and bad. "
    quote = excerpt(long_claim * 3 + "However, they cannot replace public investment in schools and clinics, "
                    "which only the state can make and keep up over the long term for everyone in the country. " * 3,
                    sentences, limit=60)
    assert "However" not in quote and quote.endswith("[…]")


def test_facts_are_figures_not_years_actors_are_bodies_once_and_events_go_by_their_name():
    from courseforge.generate.facts import Actor, Cite, CourseFacts, Event, Figure
    from courseforge.generate.pages import _event_name, module_facts
    from courseforge.generate.select import Passage

    text = ("The ILO adopted Convention No 97 of 1949 on Migration for Employment. The International Labour "
            "Office (ILO) and the International Labour Organization (ILO) employ 3,000 staff.")
    corpus = simple_corpus({"a": [text]})
    para = corpus.documents[0].paragraphs[0]
    cite = Cite("a", "1")
    facts = CourseFacts(
        terms=[],
        events=[Event(1949, "1949", text.split(". ")[0] + ".", cite)],
        figures=[Figure("1949", text, cite, "year"), Figure("3,000 staff", text, cite, "count")],
        actors=[Actor("International Labour Office", "ILO", cite), Actor("International Labour Organization", "ILO", cite)])
    figures, events, actors = module_facts([Passage("a", para, 1.0, 0)], facts)
    assert [f.value for f in figures] == ["3,000 staff"]  # a year alone measures nothing: the timeline has it
    assert [a.acronym for a in actors] == ["ILO"]
    assert _event_name(events[0]) == "Convention No 97 on Migration for Employment"
    # a clause that has lost its subject is not a name: the sentence is shown instead
    came = Event(2003, "July 2003", "The Convention, signed long before, came into force in July 2003.", cite)
    assert _event_name(came) == came.text


def test_overview_and_takeaways_quote_no_sentence_that_leans_on_its_context():
    from courseforge.generate.pages import claims

    draft, corpus, sentences = _reef_draft()
    draft.passages[0].para.text += " Reef managers are currently short of money for coral reefs surveys."
    found = [s for _, s, _ in claims(draft, sentences)]
    assert found and not any("currently" in s for s in found)


def test_actors_are_asked_to_act_on_an_issue_not_on_a_name():
    from courseforge.generate.pages import issue_topic

    assert issue_topic(["the United Nations system", "international cooperation on migration"]) == \
        "international cooperation on migration"
    assert issue_topic(["the Global Forum"]) == "the Global Forum"  # no issue among the topics: the first
