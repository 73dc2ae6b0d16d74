"""Sentences shown alone on pages: facts, takeaways, timeline entries, readings."""

import re
from pathlib import Path

import pytest

from courseforge.course import load_course_info
from courseforge.generate.build import default_toolkit
from courseforge.generate.facts import collect_facts, figure_label
from courseforge.generate.pages import key_readings
from courseforge.generate.run import generate
from courseforge.generate.select import Passage
from courseforge.generate.prose import sentences
from courseforge.generate.standalone import opens_alone, strip_connective
from courseforge.sources.ingest import load_corpus

from test_run import REEFS_TXT, write_test_course

REPO = Path(__file__).resolve().parents[2]

# the test corpus plus a section whose paragraph leans on its heading ("it"),
# and a sentence opening with "And"
PARTNERSHIP = """
III. The International Coral Reef Initiative (ICRI): the reef partnership

8. Although it is not a treaty body it does hold observer status at many meetings of the United Nations and takes part in the work of reef scientists. It currently has 45 member states and 12 observer states. It also works with research institutes and has offices in more than 20 countries.
9. And reef tourism brings some 36 billion dollars a year to the economies of coastal countries, according to recent estimates of coastal economists.
"""

# what a sentence shown alone must not open with (an "It [the ...]" names its referent)
BARE_START = re.compile(
    r"^(?:It(?! \[)|Its|This|These|That|Those|They|Their|He|She|Such|And|But|Also|Moreover|Furthermore|"
    r"In addition|However|Yet|Then|Thus|Therefore|Lately|On the other hand|[IVX]+-)\b")
FACT = re.compile(r"^- \*\*(.+?)\*\* — (.+) \(\[[^\]]+\]\([^)]+\)\)$")
ITEM = re.compile(r"^- (?:\*\*.+?\*\* — )?(.+) \(\[[^\]]+\]\([^)]+\)\)$")
ROW = re.compile(r"^\| [^|]+ \| (.+?) \| \[")


def unescape(text: str) -> str:
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>])", r"\1", text)


def sections(page: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = ""
    for line in page.splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            out[current] = []
        elif current:
            out[current].append(line)
    return out


def shown_sentences(page: str) -> list[tuple[str, str]]:
    """(section, sentence) for every key fact, takeaway and timeline entry."""
    found = []
    for name, lines in sections(page).items():
        for line in lines:
            if name in ("Key facts and figures", "Key takeaways") or re.fullmatch(r"\d{4}", name):
                m = ITEM.match(line)
                if m:
                    found.append((name, unescape(m.group(1))))
            elif name == "Timeline":
                m = ROW.match(line)
                if m and m.group(1) not in ("What happened", "---"):
                    found.append((name, unescape(m.group(1))))
    return found


def check_pages(modules_dir: Path) -> int:
    """Every rule of a page a trainer reads; returns how many sentences it looked at."""
    seen = 0
    for path in sorted(modules_dir.glob("*.md")):
        page = path.read_text(encoding="utf-8")
        for name, sentence in shown_sentences(page):
            seen += 1
            assert not BARE_START.match(sentence), (path.name, name, sentence)
        for line in sections(page).get("Key facts and figures", []):
            m = FACT.match(line)
            if m:  # the label is the source's own span, qualifier and unit included
                assert unescape(m.group(1)) in unescape(m.group(2)), (path.name, line)
        readings = sections(page).get("Key readings", [])
        for i, line in enumerate(readings):
            if line.startswith("> ") and not line.startswith("> —") and (i == 0 or readings[i - 1] in ("", "On")):
                quote = unescape(line[2:])
                # a quote ends at a sentence boundary: whole, or cut with " […]"
                assert quote.endswith((".", "”", "\"", ")", "?", "!", " […]")), (path.name, quote[-60:])
                if not opens_alone(sentences(quote)[0]):  # "Although it's not ...": say what "it" is
                    intro = readings[i - 2] if i >= 2 else ""
                    assert intro.startswith("On the ") and intro.endswith(":"), (path.name, quote[:80])
        overview = "\n".join(sections(page).get("Overview", []))
        assert "actors include Commission" not in overview and "— Commission" not in page, path.name
    return seen


@pytest.fixture(scope="module")
def test_course(tmp_path_factory):
    root = tmp_path_factory.mktemp("standalone")
    # a plan with a module on the reef partnership, so its paragraphs are that module's readings
    plan = ("modules:\n"
            "  - title: The reef partnership\n"
            "    topics: [International Coral Reef Initiative, reef tourism, reef scientists]\n"
            "  - title: Plastics in the ocean\n"
            "    topics: [plastic pollution, plastic bags, marine litter]\n")
    project = write_test_course(root, plan=plan)
    (root / "seeds/reefs.txt").write_text(REEFS_TXT + PARTNERSHIP, encoding="utf-8")
    result = generate(project, load_course_info(project), tools=default_toolkit())
    return project, result


def test_connectives_are_dropped_only_where_the_sentence_stays_a_statement():
    assert strip_connective("And public opinions fluctuate with events.") == "Public opinions fluctuate with events."
    assert strip_connective("Also, in 1998 the rules changed.") == "In 1998 the rules changed."
    assert strip_connective("Moreover, IOM grew.") == "IOM grew."
    assert strip_connective("It should be noted that the Commission met in 1989.") == "The Commission met in 1989."
    assert strip_connective("II-An integrated approach: UNITAR proposed it.") == "An integrated approach: UNITAR proposed it."
    # contrast and consequence lean on what came before: kept, so the sentence is skipped
    assert strip_connective("However, the level of services varies.") == "However, the level of services varies."
    assert strip_connective("Andorra signed in 2001.") == "Andorra signed in 2001."


def test_figure_labels_keep_qualifier_and_unit_as_written():
    s = "It also works with partners and has offices in more than 100 countries."
    assert figure_label("100 countries", s) == "more than 100 countries"
    s = "Remittances are currently estimated at some 80 billions US dollars a year."
    assert figure_label("80 billions US dollars", s) == "some 80 billions US dollars a year"
    assert figure_label("40%", "Of them, 40% live in developing countries.") == "40%"
    assert figure_label("3%", "Today approximately 3% of the world population migrates.") == "approximately 3%"
    # "some" inside another word is no qualifier
    assert figure_label("12 states", "The handsome 12 states agreed.") == "12 states"


def test_facts_resolve_a_leading_it_from_the_heading_and_drop_a_leading_and(test_course):
    project, _ = test_course
    corpus, _ = load_corpus(project.seeds_dir, project.root)
    facts = collect_facts(corpus, default_toolkit())
    by_label = {f.value: f.sentence for f in facts.figures if f.cite.para == "8" or f.cite.para == "9"}
    assert by_label["more than 20 countries"] == ("It [the International Coral Reef Initiative] also works with "
                                                  "research institutes and has offices in more than 20 countries.")
    assert by_label["12 observer states"] == ("It [the International Coral Reef Initiative] currently has 45 member "
                                              "states and 12 observer states.")
    assert by_label["some 36 billion dollars a year"].startswith("Reef tourism brings some 36 billion dollars")
    for f in facts.figures:
        assert f.value in f.sentence and not BARE_START.match(f.sentence), f
    for e in facts.events:
        assert not BARE_START.match(e.text), e
    # a reading opening with "it" is placed after those that open alone, and its referent is known
    doc = corpus.document("ocean-health-2020")
    p8, p1 = doc.paragraph("8"), doc.paragraph("1")
    assert facts.standalone.opening_referent("ocean-health-2020", "8") == "International Coral Reef Initiative"
    assert facts.standalone.opening_referent("ocean-health-2020", "1") is None
    ranked = [Passage("ocean-health-2020", p8, 9, 0), Passage("ocean-health-2020", p1, 8, 1)]
    assert [p.para.id for p in key_readings(ranked, facts.standalone)] == ["1", "8"]


def test_test_corpus_pages_read_alone(test_course):
    project, _ = test_course
    assert check_pages(project.modules_dir) > 5
    pages = "\n".join(p.read_text(encoding="utf-8") for p in sorted(project.modules_dir.glob("*.md")))
    # the quote stays verbatim; what "it" is goes above it
    assert "On the International Coral Reef Initiative:\n\n> Although it is not a treaty body it does hold" in pages
    assert ("- **more than 20 countries** — It \\[the International Coral Reef Initiative\\] also works with "
            "research institutes and has offices in more than 20 countries.") in pages


def test_shipped_pages_read_alone():
    assert check_pages(REPO / "modules") > 40
    page = (REPO / "modules/03-social-perspective.md").read_text(encoding="utf-8")
    assert "- **more than 100 countries** — It \\[the International Organization for Migration\\] also works" in page
    # shown alone (here in a discussion question), the sentence loses its leading "And"
    assert "“Public opinions fluctuate with events" in page and "And public opinions" not in page
    assert "The actors include the Commission for Social Development, IOM and OECD." in page
    assert "legal status, and access to social services and social benefits." in page


def test_a_clause_leaning_on_an_earlier_sentence_is_not_shown_alone():
    from courseforge.generate.standalone import _strict
    assert not _strict("The topic of migration is frequently addressed: within their international framework in 1997.")
    assert not _strict("On 22 November at the session of the Board, it launched its programme on migration.")
    assert _strict("Migration is a structural feature of globalization; although it is an old phenomenon, migration has grown.")


def test_timeline_shows_an_event_name_but_not_a_body_as_one():
    from courseforge.generate.facts import Cite, Event
    from courseforge.generate.pages import timeline_page
    from gen_standins import simple_corpus

    corpus = simple_corpus({"a": ["x"]})
    page = timeline_page([
        Event(1949, "1949", "The main texts are Convention No 97 of 1949 and others.", Cite("a", "1"), "00",
              "Convention No 97"),
        Event(2000, "2000", "The report of the special session of the General Assembly held in 2000 says more.",
              Cite("a", "1"), "00", "General Assembly"),
    ], corpus)
    assert "- **Convention No 97** — The main texts" in page
    assert "- The report of the special session of the General Assembly held in 2000 says more." in page


def test_actor_names_read_as_running_text():
    from courseforge.generate.facts import Actor, Cite
    from courseforge.generate.pages import actor_names

    c = Cite("a", "1")
    actors = [Actor("United Nations", "UN", c), Actor("Commission for Social Development", "", c),
              Actor("International Labour Office", "ILO", c), Actor("International Labour Organization", "ILO", c),
              Actor("Global Forum on Migration and Development", "GFMD", c)]
    assert actor_names(actors) == "the UN, the Commission for Social Development and ILO"
    assert actor_names(actors, 4) == "the UN, the Commission for Social Development, ILO and GFMD"

