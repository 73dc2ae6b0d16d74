"""generate_questions end to end: a public-health corpus the tests write
themselves (plain text with numbered paragraphs, Markdown without), and the
shipped seeds. Every check of issue 3, point 5 must hold on both."""

from __future__ import annotations

from pathlib import Path

import pytest

from courseforge.generate import questions as gq
from courseforge.generate.questions.candidates import Builder
from courseforge.generate.questions.drafts import SourceParagraph
from courseforge.quiz.model import Quiz
from courseforge.sources.ingest import load_corpus

ROOT = Path(__file__).resolve().parents[2]

SOURCES = """\
- id: who-2019-tobacco-note
  file: tobacco-note.txt
  title: Tobacco Control in Low-income Countries
  issuer: Health Policy Office
  date: "2019-05-31"
  kind: background note

- id: vaccines-2021-guide
  file: vaccines-guide.md
  title: A Guide to National Immunization Programmes
  issuer: Immunization Network
  date: 2021
  kind: guide
"""

TOBACCO = """\
HEALTH POLICY OFFICE

31 May 2019

I. The burden of tobacco

1. Tobacco use kills more than 8 million people every year, and about 1.2 million of these deaths are among non-smokers exposed to second-hand smoke.
2. The World Health Organization (WHO) estimates that 80% of the world's 1.3 billion tobacco users live in low- and middle-income countries.
3. Tobacco taxes are the most cost-effective way to reduce consumption, especially among young people and the poor.
4. In 2003, the World Health Assembly adopted the Framework Convention on Tobacco Control (FCTC), the first treaty negotiated under the auspices of WHO.
5. The FCTC entered into force in 2005 and has 182 Parties, covering more than 90% of the world population.

II. Measures that work

6. The Global Adult Tobacco Survey (GATS) tracks tobacco use with a standard household questionnaire in 34 countries.
7. Graphic health warnings on packages are required in 118 countries, up from 9 countries in 2007.
8. Smoke-free laws protect workers in bars and restaurants, and hospital admissions for heart attacks fell by 15% after such laws were adopted in several cities.
9. The Protocol to Eliminate Illicit Trade in Tobacco Products was adopted in 2012 by the Conference of the Parties.
10. Tobacco farming is promoted as a source of income, but farmers are exposed to nicotine poisoning and pesticides.
11. The World Bank finances projects that help farmers switch to other crops in Malawi and Kenya.
12. National quit lines are operated by health ministries in 46 countries, often with support from the Bloomberg Initiative.
"""

VACCINES = """\
# A Guide to National Immunization Programmes

## 1 How programmes began

The Expanded Programme on Immunization (EPI) was launched by WHO in 1974, when fewer than 5% of the world's children were immunized against six diseases.

Gavi, the Vaccine Alliance, was created in 2000 to pay for new vaccines in the poorest countries.

The United Nations Children's Fund (UNICEF) buys vaccines for about 45% of the world's children every year.

## 2 What programmes do

National programmes keep a cold chain of refrigerators and cool boxes from the airport to the village clinic.

Measles vaccination prevented about 23 million deaths between 2000 and 2018, according to WHO estimates.

Health workers record every dose in a register, and districts report coverage to the ministry every month.

In 1988, the World Health Assembly launched the Global Polio Eradication Initiative (GPEI), when polio paralysed about 350,000 children a year.

The GPEI is supported by Rotary International, the Gates Foundation and UNICEF.

## 3 Problems that remain

Vaccine hesitancy was listed by WHO among ten threats to global health in 2019.

About 14 million infants did not receive any vaccine in 2019, most of them in conflict-affected countries.

Immunization Agenda 2030 was endorsed by the World Health Assembly in 2020.
"""


def write_seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (seeds / "tobacco-note.txt").write_text(TOBACCO, encoding="utf-8")
    (seeds / "vaccines-guide.md").write_text(VACCINES, encoding="utf-8")
    return seeds


@pytest.fixture(scope="module")
def health(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("health")
    corpus, diags = load_corpus(write_seeds(tmp), tmp)
    assert diags == []
    return corpus


@pytest.fixture(scope="module")
def seeds():
    corpus, diags = load_corpus(ROOT / "seeds", ROOT)
    assert [d for d in diags if d.severity == "error"] == []
    return corpus


def quiz_for(corpus, passages, module_id, count=10, seed="test"):
    qs = gq.generate_questions(passages, corpus, module_id=module_id, count=count, seed=seed).questions
    return Quiz(module_id, module_id, "Quiz", "practice", 70, qs)


def test_health_corpus_module_per_document(health):
    for doc in health.documents:
        quiz = quiz_for(health, [(doc.id, p) for p in doc.paragraphs], doc.id)
        types = {q.type for q in quiz.questions}
        # precision first: each document gives a quiz of 7 or more questions that pass every check
        assert len(quiz.questions) >= 7, (doc.id, [q.prompt for q in quiz.questions])
        assert len(types) >= 3, (doc.id, types)
        assert gq.check_quiz(quiz, health) == []
        # every question cites a paragraph of the module's passages
        assert {q.source.doc for q in quiz.questions} == {doc.id}


def test_health_corpus_whole_course_module(health):
    passages = [(d.id, p) for d in health.documents for p in d.paragraphs]
    quiz = quiz_for(health, passages, "all", count=14)
    assert len(quiz.questions) >= 12
    assert len({q.type for q in quiz.questions}) >= 4
    assert gq.check_quiz(quiz, health) == []
    tf = [q for q in quiz.questions if q.type == "true_false"]
    assert abs(sum(not q.answer for q in tf) - sum(q.answer for q in tf)) <= 1


def test_health_corpus_keys_are_verbatim(health):
    passages = [(d.id, p) for d in health.documents for p in d.paragraphs]
    for q in quiz_for(health, passages, "all", count=14).questions:
        text = health.paragraph(q.source.doc, q.source.para).text
        assert q.explanation.endswith("”")
        quote = q.explanation.split("“", 1)[1][:-1]
        assert quote in text
        if q.type == "fill_blank":
            assert q.answers[0] in text
            assert q.prompt.split(": ", 1)[1].replace("___", q.answers[0]) in text
        if q.type == "single":
            key = [o.text for o in q.options if o.correct][0]
            assert q.prompt.split("? ", 1)[1].replace("___", key) in text


from courseforge.generate.questions import checks as C  # noqa: E402


def test_ordering_and_matching_from_a_dated_paragraph():
    from courseforge.sources.model import Corpus, Document, Paragraph, Section, SourceEntry

    text = (
        "The most important instruments are Convention No 97 of 1949 on Migration for Employment and "
        "Convention No 143 of 1975 on Migrant Workers, together with the 1990 International Convention "
        "on the Protection of the Rights of All Migrant Workers."
    )
    other = "The International Labour Organization (ILO) was created in 1919 and the OECD in 1961."
    doc = Document(
        SourceEntry("law", "law.txt", "Migration law", "x", "2000", "note"),
        [Section("s", "Instruments", [Paragraph("1", text, "s"), Paragraph("2", other, "s")])],
    )
    corpus = Corpus([doc])
    drafted = gq.generate_questions([("law", doc.sections[0].paragraphs[0])], corpus, module_id="m", count=10, seed="x")
    qs = drafted.questions
    orderings = [q for q in qs if q.type == "ordering"]
    assert [[i.text for i in q.items] for q in orderings] == [[
        "Convention No 97 on Migration for Employment",
        "Convention No 143 on Migrant Workers",
        "International Convention on the Protection of the Rights of All Migrant Workers",
    ]]
    (o,) = orderings
    assert o.prompt == "Put these events in chronological order, earliest first, as the cited paragraph dates them."
    assert o.explanation.startswith("The paragraph dates them: Convention No 97 on Migration for Employment (1949); ")
    # the matching of the same events would answer the ordering: one or the other
    assert not [q for q in qs if q.type == "matching" and q.source == o.source]
    # nor does the quiz ask for the year of an event it asks to order (same sentence)
    assert [q.type for q in qs if text in q.explanation] == ["ordering"]


def test_event_year_matching_when_no_ordering_is_asked():
    from courseforge.generate.questions.index import corpus_index
    from courseforge.sources.model import Corpus, Document, Paragraph, Section, SourceEntry

    text = ("The Helsinki Rules of 1966 came first. The Water Convention of 1992 followed, and the "
            "Watercourses Convention of 1997 completed the set.")
    doc = Document(SourceEntry("w", "w.txt", "Water law", "x", "2000", "note"),
                   [Section("s", "Rules", [Paragraph("1", text, "s")])])
    corpus = Corpus([doc])
    para = doc.sections[0].paragraphs[0]
    cands = Builder(corpus_index(corpus), "seed").paragraph_candidates(SourceParagraph("w", para, 0))
    (m,) = [c.question for c in cands if c.question.type == "matching"]
    assert [(p.left, p.right) for p in m.pairs] == [
        ("Helsinki Rules", "1966"), ("Water Convention", "1992"), ("Watercourses Convention", "1997")]
    assert len(m.distractors) == 1 and m.distractors[0].text not in text
    assert {c.group for c in cands} == {"w|1|events"}  # one group with the ordering: never both in a quiz


def test_select_all_question_from_a_list_of_bodies():
    from courseforge.sources.model import Corpus, Document, Paragraph, Section, SourceEntry

    paras = [
        "In 2007, the Institute, supported by IOM, UNFPA and the John D. and Catherine T. MacArthur Foundation, "
        "launched a seminar series on migration in New York.",
        "The International Organization for Migration (IOM) and the United Nations Population Fund (UNFPA) "
        "work on migration data.",
        "The World Health Organization (WHO) publishes health statistics every year for its member states.",
        "The International Labour Organization (ILO) adopts conventions on the rights of migrant workers.",
        "The World Bank (WB) lends money to developing countries for roads and schools.",
        "The Food and Agriculture Organization (FAO) fights hunger in rural areas of many countries.",
        "The MacArthur Foundation also funds research by the United Nations Children's Fund (UNICEF) on youth.",
    ]
    doc = Document(SourceEntry("d", "d.txt", "Partners", "x", "2010", "note"),
                   [Section("s", "All", [Paragraph(str(i), t, "s") for i, t in enumerate(paras, 1)])])
    corpus = Corpus([doc])
    from courseforge.generate.questions.index import corpus_index

    para = doc.sections[0].paragraphs[0]
    cands = Builder(corpus_index(corpus), "seed").sentence_candidates(SourceParagraph("d", para, 0))
    (q,) = [c.question for c in cands if c.question.type == "multiple"]
    assert q.prompt == ("Select all that complete the sentence: In 2007, the Institute, supported by ___, launched "
                        "a seminar series on migration in New York.")
    right = [o.text for o in q.options if o.correct]
    wrong = [o.text for o in q.options if not o.correct]
    assert right == ["IOM", "UNFPA", "John D. and Catherine T. MacArthur Foundation"]
    assert len(wrong) == 2 and len(set(wrong)) == 2
    # never a body the documents name beside a key (UNICEF, with the MacArthur Foundation), nor a key's expansion
    assert set(wrong) <= {"WHO", "ILO", "WB", "FAO"}
    assert C.check_question(q, corpus_index(corpus)) is None


def test_deterministic(health):
    passages = [(d.id, p) for d in health.documents for p in d.paragraphs]
    a = gq.generate_questions(passages, health, module_id="m", count=12, seed="s")
    b = gq.generate_questions(passages, health, module_id="m", count=12, seed="s")
    assert a == b
    assert [q.id for q in a.questions] == [q.id for q in b.questions]
    # ids depend on the source and key only, not on the seed
    c = gq.generate_questions(passages, health, module_id="m", count=12, seed="other")
    assert {q.id for q in a.questions} & {q.id for q in c.questions}


def test_stats_report_acceptance(health):
    passages = [(d.id, p) for d in health.documents for p in d.paragraphs]
    drafted = gq.generate_questions(passages, health, module_id="m", count=10, seed="s")
    qs, st = drafted.questions, drafted.stats
    assert st.selected == len(qs)
    assert st.summary().startswith(f"{st.tried} candidate questions drafted, {st.passed} passed every check, "
                                   f"{len(qs)} kept; left out: ")
    assert "; rejected: " in st.summary()
    assert st.tried >= st.passed >= st.selected > 0
    assert sum(st.rejected.values()) == st.tried - st.passed
    assert sum(st.left_out.values()) == st.passed - st.selected  # every draft that passed is kept or accounted for


SEED_DOCS_LARGE = ["desa-2004-social-perspective", "france-2013-migration-development"]


def test_seeds_every_document_as_a_module(seeds):
    for doc in seeds.documents:
        quiz = quiz_for(seeds, [(doc.id, p) for p in doc.paragraphs], doc.id)
        assert gq.check_quiz(quiz, seeds) == [], doc.id
        assert quiz.questions, doc.id


def test_seeds_modules_meet_the_minimum(seeds):
    # The three short UNESCO/UNITAR excerpts are too thin for a quiz of their
    # own (few sentences stand alone, few dates or figures); together they are enough.
    for doc_id in SEED_DOCS_LARGE:
        doc = seeds.document(doc_id)
        quiz = quiz_for(seeds, [(doc.id, p) for p in doc.paragraphs], doc.id)
        # (precision first: no blank after an ordinal, "the 46th ___", costs the web page one)
        assert len(quiz.questions) >= 5, doc_id
        assert len({q.type for q in quiz.questions}) >= 3, doc_id
    small = [(d.id, p) for d in seeds.documents if d.id not in SEED_DOCS_LARGE for p in d.paragraphs]
    quiz = quiz_for(seeds, small, "small-docs")
    # (nor on a body's yearly output, "delivers close to 200 online courses annually")
    assert len(quiz.questions) >= 5
    assert len({q.type for q in quiz.questions}) >= 3
    assert gq.check_quiz(quiz, seeds) == []


def test_identical_across_processes(tmp_path):
    # string hashing differs between processes: nothing may depend on it
    import subprocess
    import sys

    script = tmp_path / "dump.py"
    script.write_text(
        "from pathlib import Path\n"
        "from courseforge.sources.ingest import load_corpus\n"
        "from courseforge.generate.questions import generate_questions\n"
        f"corpus, _ = load_corpus(Path({str(ROOT / 'seeds')!r}), Path({str(ROOT)!r}))\n"
        "ps = [(d.id, p) for d in corpus.documents for p in d.paragraphs]\n"
        "for q in generate_questions(ps, corpus, module_id='m', count=20, seed='s').questions:\n"
        "    print(repr(q))\n",
        encoding="utf-8",
    )
    outs = []
    for hashseed in ("1", "2"):
        env = {"PYTHONHASHSEED": hashseed, "PATH": "/usr/bin:/bin"}
        run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, check=True)
        outs.append(run.stdout)
    assert outs[0] == outs[1]
    assert outs[0].count("\n") >= 15  # a full quiz's worth, so the comparison means something


def test_shipped_course_quizzes_pass_every_check(seeds):
    # the course as `courseforge generate` builds it from the shipped plan
    from courseforge.course import load_course_info
    from courseforge.generate.build import build_course, default_toolkit
    from courseforge.generate.plan import load_plan
    from courseforge.project import Project

    project = Project(ROOT)
    course = build_course(seeds, load_course_info(project), load_plan(project), default_toolkit())
    cited = set()
    warned = " ".join(d.message for d in course.warnings)
    for m in course.modules:
        quiz = m.quiz
        assert gq.check_quiz(quiz, seeds) == [], quiz.id
        # precision first: the seeds' module passages give few questions that pass every
        # check, and generate says so for each quiz below the aim of 8
        assert len(quiz.questions) >= 2, quiz.id
        assert len({q.type for q in quiz.questions}) >= (2 if len(quiz.questions) >= 3 else 1), quiz.id
        if len(quiz.questions) < 8 and not m.assessment:
            assert f"module '{m.plan.title}': only {len(quiz.questions)} quiz questions" in warned, quiz.id
        cited |= {q.source.doc for q in quiz.questions}
    assert cited == {d.id for d in seeds.documents}


def test_false_statements_change_a_fact_never_add_a_not():
    from courseforge.generate.questions.index import corpus_index
    from courseforge.sources.model import Corpus, Document, Paragraph, Section, SourceEntry

    plain = "Seasonal farm workers are paid by the hour on most farms in the southern region of the country."
    counted = "The number of seasonal farm workers rose in the southern region after the new visa was introduced."
    judged = "Seasonal farm work is highly relevant to the income of families in the southern region of the country."
    paras = [Paragraph("1", plain, "s"), Paragraph("2", counted, "s"), Paragraph("3", judged, "s")]
    doc = Document(SourceEntry("f", "f.txt", "Farm work", "x", "2000", "note"), [Section("s", "Work", paras)])
    b = Builder(corpus_index(Corpus([doc])), "seed")

    def false_statements(para):
        return [c.question.prompt for c in b.sentence_candidates(SourceParagraph("f", para, 0))
                if c.question.type == "true_false" and not c.question.answer]

    # no fact to change: no false statement ("are not paid" would test spotting a "not")
    assert false_statements(paras[0]) == []
    # a direction is a fact: "fell" for "rose"
    assert false_statements(paras[1]) == [
        "True or false? The number of seasonal farm workers fell in the southern region after the new visa was "
        "introduced."]
    # "highly irrelevant" would be nonsense
    assert false_statements(paras[2]) == []


def _builder_on(paras: list[str], title: str = "Basin report", section: str = "Work"):
    from courseforge.generate.questions.index import corpus_index
    from courseforge.sources.model import Corpus, Document, Paragraph, Section, SourceEntry

    ps = [Paragraph(str(i), t, "s") for i, t in enumerate(paras, 1)]
    doc = Document(SourceEntry("r", "r.txt", title, "x", "2011", "report"), [Section("s", section, ps)])
    return Builder(corpus_index(Corpus([doc])), "seed"), ps


BASIN = [
    "The Basin Water Council (BWC) adopted the first dam plan in 2004 after a long drought in the valley of Tarsa.",
    "While the Fisheries Committee sets catch limits for Tarsa, the Navigation Committee licenses ships on the river.",
    "The 12th Basin Water Council reviewed the drought plan of the Lower Valley Authority in Tarsa in 2009.",
    "Prior to the first BWC meeting, delegates were regularly briefed on the preparations by the Government of Arda.",
    "The Lower Valley Authority intends to launch a programme of dam inspections along the Upper River Agency canals.",
    "The River Data Centre and the Upper River Agency publish flow data; the Lower Valley Authority uses them.",
    "The Budget Committee meets twice a year in Arda with the Lower Valley Authority to agree on the fees.",
    "The river flooded the valley of Tarsa in 2001, and again in 2006, before the new dykes were built in 2008.",
    "The Audit Committee checks the accounts of the Upper River Agency in Tarsa every second year.",
    "The Ethics Committee of Tarsa reports to the River Data Centre and the Upper River Agency each winter.",
]


def test_no_blank_or_swap_just_after_an_ordinal():
    # "the 12th ___", "the first ___ meeting": which session of which body is trivia
    b, ps = _builder_on(BASIN)
    for para in (ps[2], ps[3]):
        cands = b.sentence_candidates(SourceParagraph("r", para, 0))
        assert cands  # the statement as the source makes it is still asked
        for c in cands:
            q = c.question
            assert q.type == "true_false" and q.answer, q.prompt


def test_a_blank_parallel_to_a_named_committee_offers_only_committees():
    b, ps = _builder_on(BASIN)
    asked = [c.question for c in b.sentence_candidates(SourceParagraph("r", ps[1], 0)) if c.question.type == "single"]
    keys = {next(o.text for o in q.options if o.correct) for q in asked}
    assert "Navigation Committee" in keys, [q.prompt for q in asked]
    for q in asked:
        assert all(o.text.split(" of ")[0].endswith("Committee") for o in q.options), [o.text for o in q.options]


def test_an_undated_intention_is_not_asked():
    from courseforge.generate.questions.checks import linked_to_context

    assert linked_to_context("The Lower Valley Authority intends to launch a programme of dam inspections.")
    assert linked_to_context("The agency plans to open two offices.")
    b, ps = _builder_on(BASIN)
    assert b.sentence_candidates(SourceParagraph("r", ps[4], 0)) == []


def test_a_false_statement_s_hint_does_not_name_the_fact_it_changed():
    from courseforge.generate.questions.checks import changed_fact

    b, ps = _builder_on(BASIN, section="The dam releases cut in 2004")
    cands = b.sentence_candidates(SourceParagraph("r", ps[0], 0))
    falses = [c.question for c in cands if c.question.type == "true_false" and not c.question.answer]
    assert falses, [c.question.prompt for c in cands]
    for q in falses:
        fact = changed_fact(q)
        assert fact == "2004" and q.hints and all(fact not in h for h in q.hints), (fact, q.hints)


def test_a_body_s_yearly_output_is_not_asked():
    b, ps = _builder_on([
        "The Basin Institute delivers close to 200 online courses annually in the fields of water law and hydrology.",
        "The Basin Institute and the River Data Centre trained engineers from Arda and Tarsa in 2009 and 2010.",
        "The River Data Centre publishes flow data for the Upper River Agency and the Lower Valley Authority.",
    ])
    cands = b.sentence_candidates(SourceParagraph("r", ps[0], 0))
    assert cands and all(c.question.type == "true_false" for c in cands)


def test_the_wording_of_an_act_is_not_asked():
    # "hereinafter called", "is hereby established": legal formulas, not claims to judge or complete
    b, ps = _builder_on([
        'The Basin Water Council, hereinafter called "the Council", is hereby established with legal personality.',
        "The Basin Water Council sets catch limits for the lakes of Arda and Tarsa every spring since 2004.",
    ])
    assert b.sentence_candidates(SourceParagraph("r", ps[0], 0)) == []
    assert b.sentence_candidates(SourceParagraph("r", ps[1], 0))


def test_a_change_named_in_the_sentence_before_is_not_asked_alone():
    from courseforge.generate.questions.checks import linked_to_context

    assert linked_to_context("The growth came mainly from evening classes run by community centres.")
    assert linked_to_context("The increase was strongest in the north.")
    assert not linked_to_context("The gap between women and men has narrowed only slowly.")
    assert not linked_to_context("The growth of evening classes came mainly from community centres.")


def test_an_unnamed_initiative_leans_on_the_sentence_before():
    from courseforge.generate.questions.checks import linked_to_context

    assert linked_to_context("Through workshops and study visits the initiative will build local capacities.")
    assert not linked_to_context("The programme Migration Voices opened in May in three cities.")


def test_who_ran_one_event_is_not_asked():
    b, ps = _builder_on([
        "In June 2011, the Basin Institute and its partners assisted by hosting a workshop on flood maps in Tarsa.",
        "The River Data Centre convened a meeting of the Upper River Agency in Arda in 2009.",
        "The Basin Institute and the River Data Centre publish flow data for the Upper River Agency every week.",
    ])
    assert b.sentence_candidates(SourceParagraph("r", ps[0], 0)) == []
    assert b.sentence_candidates(SourceParagraph("r", ps[1], 0)) == []


def test_a_blank_is_cut_from_the_words_the_learner_reads_and_keeps_its_sentence_group():
    from courseforge.generate.questions.drafts import Blank, SourceSentence
    from courseforge.quiz.model import BLANK
    from courseforge.sources.model import Paragraph

    paragraph = SourceParagraph("d", Paragraph("7", "It has 187 member States.", "s"), 2)
    sent = SourceSentence(paragraph, 0, "It [the ILO] has 187 member States.", 0.9)
    blank = Blank(sent, 17, 20)
    assert (blank.key, blank.stem) == ("187", f"It [the ILO] has {BLANK} member States.")
    assert (sent.group, sent.order, paragraph.order, paragraph.group("events")) == ("d|7|0", (2, 0), (2, -1), "d|7|events")
    assert sent.src.doc == "d" and sent.src.para == "7"
