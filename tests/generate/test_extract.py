"""Fact extraction on small hand-built corpora (another topic than the seeds)."""

from courseforge.generate import extract as x
from courseforge.generate.prose import STOPWORDS
from courseforge.sources.model import Corpus, Document, Paragraph, Section, SourceEntry


def corpus(*docs: list[str]) -> Corpus:
    out = []
    for i, paras in enumerate(docs):
        ps = [Paragraph(str(j + 1), t, "s1", j + 1) for j, t in enumerate(paras)]
        entry = SourceEntry(f"doc{i}", f"doc{i}.txt", f"Doc {i}", "Issuer", "2020", "report")
        out.append(Document(entry, [Section("s1", "Section one", ps)]))
    return Corpus(out)


WATER = corpus(
    [
        "The World Health Organization (WHO) and the United Nations Children's Fund (UNICEF) run the "
        "Joint Monitoring Programme (JMP), which has tracked drinking water since 1990.",
        "In 2010, the General Assembly recognised the human right to water and sanitation.",
        "About 2.2 billion people lacked safely managed drinking water in 2022, and 40% of households "
        "had no basic handwashing facility.",
        "Integrated water resources management, IWRM, was endorsed at the Dublin Conference of 1992.",
        "It was adopted by 150 countries.",
    ],
    [
        "GWP (Global Water Partnership) supports countries in applying IWRM plans.",
        "The Global Environment Facility finances basin projects; the GEF has 184 member countries.",
    ],
)


def test_acronyms_parenthesised_comma_reverse_and_known_pairs():
    acr = x.acronyms(WATER)
    assert acr["WHO"] == x.Acronym("WHO", "World Health Organization", "doc0", "1")
    assert acr["JMP"].expansion == "Joint Monitoring Programme"
    assert acr["IWRM"] == x.Acronym("IWRM", "Integrated water resources management", "doc0", "4")
    assert acr["GWP"] == x.Acronym("GWP", "Global Water Partnership", "doc1", "1")
    # known pair: GEF is used bare, its expansion written elsewhere
    assert acr["GEF"].expansion == "Global Environment Facility"
    # no acronym is expanded from a stopword
    assert all(a.expansion.split()[0].lower() not in STOPWORDS for a in acr.values())


def test_expansion_before_rules():
    assert x.expansion_before("IOM", "along with the International Organization for Migration") == (
        "International Organization for Migration"
    )
    # letters in another order (UN naming), one letter short
    assert x.expansion_before("UNFPA", "and the United Nations Population Fund") == "United Nations Population Fund"
    assert x.expansion_before("HMP", 'it launched its "Human Mobility Programme"') == "Human Mobility Programme"
    # no match: the words do not carry the letters
    assert x.expansion_before("FEMISS", "an information, awareness-raising and support initiative") is None
    # never starts with a stopword
    assert x.expansion_before("TOM", "the Office of Migration") is None
    # lowercase terms only when each word gives one letter in order
    assert x.expansion_before("HIV", "the human immunodeficiency virus") == "human immunodeficiency virus"
    assert x.expansion_before("PA", "a programme of action") is None


def test_unicef_expansion_with_apostrophe():
    acr = x.acronyms(WATER)
    assert acr["UNICEF"].expansion == "United Nations Children's Fund"


def test_dated_events_and_labels():
    events = x.dated_events(WATER)
    years = [(e.year, e.date_text, e.doc, e.para) for e in events]
    assert years == [
        (1990, "1990", "doc0", "1"),
        (2010, "2010", "doc0", "2"),
        (2022, "2022", "doc0", "3"),
        (1992, "1992", "doc0", "4"),
    ]
    assert events[3].label == "Dublin Conference"
    assert events[1].text == "In 2010, the General Assembly recognised the human right to water and sanitation."


def test_event_label_patterns():
    c = corpus(
        [
            "The most important are Convention No 97 of 1949 on Migration for Employment and Convention No 143 "
            "of 1975 on Migrant Workers.",
            "Refugees are protected under the 1951 United Nations Convention relating to the Status of Refugees.",
            "A programme of action was adopted by the International Conference on Population and Development held in "
            "Cairo in September 1994.",
        ]
    )
    labels = [(e.year, e.date_text, e.label) for e in x.dated_events(c)]
    assert labels == [
        (1949, "1949", "Convention No 97"),
        (1975, "1975", "Convention No 143"),
        (1951, "1951", "United Nations Convention relating to the Status of Refugees"),
        (1994, "September 1994", "International Conference on Population and Development"),
    ]


def test_dates_with_days_and_ranges():
    c = corpus(
        [
            "On 3 and 4 October 2013 the second high-level dialogue on migration was held in New York.",
            "UNITAR ran its seminar series for the biennium 2007-2008 with support from three agencies.",
            "21 December 2012 - General Assembly - Resolution A/RES/67/219",
        ]
    )
    assert [(e.year, e.date_text) for e in x.dated_events(c)] == [(2013, "3 and 4 October 2013"), (2007, "2007-2008")]


def test_events_skip_sentences_that_cannot_stand_alone():
    events = x.dated_events(corpus(["It was created in 1945 by the founding states of the region."]))
    assert events == []


def test_figures_kinds_units_and_exclusions():
    figs = x.figures(WATER)
    got = [(f.kind, f.value, f.text, f.unit, f.number) for f in figs]
    assert ("amount", 2.2, "2.2 billion people", "billion people", "2.2") not in got
    assert ("count", 2.2, "2.2 billion people", "billion people", "2.2") in got
    assert ("percent", 40.0, "40%", "%", "40") in got
    assert ("year", 2010.0, "2010", None, "2010") in got
    assert ("count", 184.0, "184 member countries", "member countries", "184") in got
    c = corpus(
        [
            "Remittances are estimated at some 80 billions US dollars a year by the bank.",
            "Under Article 12 and resolution 64 the session opened on 22 November with 51 delegates.",
        ]
    )
    got = [(f.kind, f.value, f.text, f.unit) for f in x.figures(c)]
    assert got == [("amount", 80.0, "80 billions US dollars", "billions US dollars"), ("count", 51.0, "51 delegates", "delegates")]


def test_organizations_full_names_with_acronyms():
    orgs = {o.name: o.acronym for o in x.organizations(WATER)}
    assert orgs["World Health Organization"] == "WHO"
    assert orgs["Global Water Partnership"] == "GWP"
    assert orgs["Global Environment Facility"] == "GEF"
    assert "General Assembly" in orgs
    assert "In 2010" not in orgs


ILO_PARAGRAPH = (
    "Within the United Nations system, the International Labour Organization is active, since its creation in 1919, "
    "in efforts at regulating the migrations of people for employment purposes. The most important conventions in "
    "this domain of international migration are Convention No 97 of 1949 on Migration for Employment and Convention "
    "No 143 of 1975 on Migration in Abusive Conditions and the promotion of Equality of Opportunity and Treatment of "
    "Migrant Workers. A study undertaken by the ILO and reviewed in 1999 by the International Labour Conference "
    "showed that Governments continued to have strong reservations. The question of international migration will "
    "be before the governing body of the ILO in the spring of 2004."
)


def test_dated_items_are_the_paragraphs_words_without_their_year():
    from courseforge.generate.extract import dated_items, derived_from

    items = dated_items(ILO_PARAGRAPH)
    assert [(i.year, i.text) for i in items] == [
        (1949, "Convention No 97 on Migration for Employment"),
        (1975, "Convention No 143 on Migration in Abusive Conditions"),
        (1999, "A study undertaken by the ILO and reviewed by the International Labour Conference"),
    ]  # 1919 "since its creation" is left out: "its" needs the sentence around it; 2004
    # "will be before the governing body" is a plan, not an event
    assert all(derived_from(i.text, ILO_PARAGRAPH) for i in items)
    assert not derived_from("Convention No 97 of 1949", ILO_PARAGRAPH)
    assert not derived_from("The ILO was created", ILO_PARAGRAPH)


def test_dated_items_keep_one_item_per_year_and_skip_shared_years():
    from courseforge.generate.extract import dated_items

    text = ("The topic of migration is frequently addressed: within their international framework in 1997 and 2006, "
            "their urban framework in 2008 and in 2013, when new trends were examined.")
    assert dated_items(text) == []  # every phrase here leans on "their" or holds another year


def test_long_expansion_with_function_words_and_a_common_noun():
    from courseforge.generate.extract import expansion_before

    before = ("the cooperation concerning refugees, undertaken under the authority of the United Nations High "
              "Commissioner for Refugees (UNHCR) and of the United Nations Relief and Works Agency for Palestine "
              "refugees in the Near East ")
    assert expansion_before("UNRWA", before) == (
        "United Nations Relief and Works Agency for Palestine refugees in the Near East")
    # the window still ends: letters scattered over a long clause are no expansion
    assert expansion_before("UNRWA", "Under new rules we were allowed to work abroad in the summer ") is None


def test_name_then_the_acronym_is_preferred_and_other_expansions_are_kept():
    from courseforge.generate.extract import acronyms

    from gen_standins import simple_corpus

    corpus = simple_corpus({
        "a": ["The International Labour Office (ILO) runs training courses for labour inspectors in many countries."],
        "b": ["Within the United Nations system, the International Labour Organization is active in regulating "
              "labour migration. The ILO is particularly concerned with discrimination against immigrants."],
    })
    ilo = acronyms(corpus)["ILO"]
    assert (ilo.expansion, ilo.doc, ilo.para) == ("International Labour Organization", "b", "1")
    assert ilo.others == (("International Labour Office", "a", "1"),)


def test_glossary_lists_both_expansions_with_their_citations():
    from courseforge.generate.facts import terms_from
    from courseforge.generate.extract import Acronym
    from courseforge.generate.pages import glossary_page

    from gen_standins import simple_corpus

    corpus = simple_corpus({"a": ["International Labour Office (ILO) text."], "b": ["International Labour "
                                                                                    "Organization. The ILO."]})
    terms = terms_from([Acronym("ILO", "International Labour Organization", "b", "1",
                                (("International Labour Office", "a", "1"),))])
    page = glossary_page(terms, corpus)
    row = [line for line in page.splitlines() if line.startswith("| **ILO**")][0]
    assert row.startswith("| **ILO** | International Labour Organization; also given as “International Labour "
                          "Office” | [Document b, ¶ 1](sources.md#b-1); “International Labour Office”: "
                          "[Document a, ¶ 1](sources.md#a-1) |")


def test_a_figure_says_what_it_counts_and_an_age_is_not_a_figure():
    from courseforge.generate.extract import figures_in

    found = [(f.text, f.unit) for f in figures_in(
        "The provinces employed 9,400 literacy facilitators in 2022, most of them volunteers.", "d", "1")]
    assert ("9,400 literacy facilitators", "literacy facilitators") in found
    texts = [f.text for f in figures_in("In 2022, 79 per cent of women and 89 per cent of men aged 15 and over "
                                         "could read and write.", "d", "1")]
    assert "15" not in texts and "79 per cent" in texts
