"""QTI 2.1 package read back with a real XML parser: manifest, items, responses, feedback."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from courseforge.export.qti import QTI_NS, export_qti
from courseforge.quiz.model import FillBlank, Matching, MultipleChoice, Numeric, Ordering, SingleChoice, TrueFalse

NS = {"q": QTI_NS, "cp": "http://www.imsglobal.org/xsd/imscp_v1p1"}
# assessmentItem's children must come in this order (QTI 2.1 XSD sequence)
ORDER = ["responseDeclaration", "outcomeDeclaration", "itemBody", "responseProcessing", "modalFeedback"]


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def plain(markdown_text: str) -> str:
    """The words a reader sees once Markdown is rendered (what the item must show)."""
    import markdown

    html = markdown.markdown(markdown_text, output_format="xhtml")
    return _text(ET.fromstring(f"<div>{html}</div>"))


def _package(quizzes):
    data, notes = export_qti(quizzes, "migration", "Migration")
    return zipfile.ZipFile(io.BytesIO(data)), notes


def test_manifest_lists_every_file_and_every_file_is_well_formed(quizzes):
    zf, _ = _package(quizzes)
    manifest = ET.fromstring(zf.read("imsmanifest.xml"))
    assert manifest.tag == f"{{{NS['cp']}}}manifest"
    assert manifest.find("cp:metadata/cp:schema", NS).text == "QTIv2.1 Package"
    resources = manifest.findall("cp:resources/cp:resource", NS)
    hrefs = {r.get("href"): r.get("type") for r in resources}
    assert set(hrefs) == set(zf.namelist()) - {"imsmanifest.xml"}
    n_questions = sum(len(z.questions) for z in quizzes)
    assert list(hrefs.values()).count("imsqti_item_xmlv2p1") == n_questions  # all seven types expressible
    assert list(hrefs.values()).count("imsqti_test_xmlv2p1") == len(quizzes)
    for r in resources:
        assert [f.get("href") for f in r.findall("cp:file", NS)] == [r.get("href")]
    ids = [r.get("identifier") for r in resources]
    for dep in manifest.iter(f"{{{NS['cp']}}}dependency"):
        assert dep.get("identifierref") in ids
    for name in zf.namelist():
        root = ET.fromstring(zf.read(name))  # raises on malformed XML
        if name.startswith("items/"):
            assert root.tag == f"{{{QTI_NS}}}assessmentItem"
            tags = [c.tag.split("}")[1] for c in root]
            assert tags == sorted(tags, key=ORDER.index), name
            assert root.get("identifier")[0].isalpha()
    test = ET.fromstring(zf.read("tests/costs-quiz.xml"))
    refs = [r.get("href") for r in test.iter(f"{{{QTI_NS}}}assessmentItemRef")]
    assert refs == [f"../items/costs-quiz/{q.id}.xml" for q in quizzes[1].questions]


def test_each_question_survives_as_an_item(quizzes):
    notes = assert_qti_round_trip(quizzes)
    assert [str(n) for n in notes if n.question] == ["nexus-check/remittances: QTI items have no hints — 1 hint(s) left out"]
    zf, _ = _package(quizzes)
    sdg = ET.fromstring(zf.read("items/costs-quiz/sdg.xml")).find("q:itemBody/q:p", NS)
    assert sdg.text == "The SDG target is " and sdg[0].tag == f"{{{QTI_NS}}}textEntryInteraction"
    assert sdg[0].tail == " per cent."  # the input box stands where the blank was


def assert_qti_round_trip(quizzes):
    """Every question of ``quizzes`` read back from the QTI package with its answers and feedback."""
    from courseforge.export.common import format_number

    zf, notes = _package(quizzes)
    for quiz in quizzes:
        for q in quiz.questions:
            item = ET.fromstring(zf.read(f"items/{quiz.id}/{q.id}.xml"))
            assert item.get("title") == f"{quiz.id}/{q.id}"
            decl = item.find("q:responseDeclaration", NS)
            correct = [v.text for v in decl.findall("q:correctResponse/q:value", NS)]
            body = item.find("q:itemBody", NS)
            modal = item.find("q:modalFeedback", NS)
            assert _text(modal) == plain(q.explanation)
            assert modal.get("outcomeIdentifier") == "FEEDBACK" and modal.get("identifier") == "explanation"
            mx = item.find("q:outcomeDeclaration[@identifier='MAXSCORE']/q:defaultValue/q:value", NS)
            assert float(mx.text) == q.points
            if isinstance(q, (SingleChoice, MultipleChoice)):
                inter = body.find("q:choiceInteraction", NS)
                assert inter.get("maxChoices") == ("1" if isinstance(q, SingleChoice) else "0")
                choices = inter.findall("q:simpleChoice", NS)
                assert [c.get("identifier") for c in choices] == [f"C_{o.id}" for o in q.options]
                for c, o in zip(choices, q.options):
                    fb = c.find("q:feedbackInline", NS)
                    assert (fb is not None and _text(fb)) == (plain(o.feedback) if o.feedback else False)
                    if fb is not None:
                        c.remove(fb)
                    assert _text(c) == plain(o.text)
                assert correct == [f"C_{o.id}" for o in q.options if o.correct]
            elif isinstance(q, TrueFalse):
                choices = body.findall("q:choiceInteraction/q:simpleChoice", NS)
                got = [(c.get("identifier"), c.find("q:feedbackInline", NS)) for c in choices]
                assert [(i, fb is not None and _text(fb)) for i, fb in got] == [
                    ("C_true", plain(q.feedback_true) if q.feedback_true else False),
                    ("C_false", plain(q.feedback_false) if q.feedback_false else False)]
                assert correct == ["C_true" if q.answer else "C_false"]
            elif isinstance(q, FillBlank):
                assert decl.get("baseType") == "string"
                entries = decl.findall("q:mapping/q:mapEntry", NS)
                assert [(e.get("mapKey"), e.get("caseSensitive")) for e in entries] == [(a, "false") for a in q.answers]
                assert len(body.findall(".//q:textEntryInteraction", NS)) == 1
                assert _text(body) == plain(q.prompt.replace("___", " "))  # the box stands where the blank was
            elif isinstance(q, Numeric):
                assert decl.get("baseType") == "float" and correct == [format_number(q.answer)]
                equal = item.find(".//q:equal", NS)
                if q.tolerance:
                    t = format_number(q.tolerance)
                    assert (equal.get("toleranceMode"), equal.get("tolerance")) == ("absolute", f"{t} {t}")
                else:
                    assert equal.get("toleranceMode") == "exact"
                assert (body.find("q:p/q:textEntryInteraction", NS).tail or "").strip() == (q.unit or "")
            elif isinstance(q, Matching):
                assert decl.get("baseType") == "directedPair"
                assert correct == [f"L_{p.id} R_{p.id}" for p in q.pairs]
                sets = body.findall("q:matchInteraction/q:simpleMatchSet", NS)
                assert [_text(c) for c in sets[0]] == [plain(p.left) for p in q.pairs]
                assert [_text(c) for c in sets[1]] == [plain(x) for x in [p.right for p in q.pairs] + [d.text for d in q.distractors]]
            elif isinstance(q, Ordering):
                assert decl.get("cardinality") == "ordered"
                assert correct == [f"I_{i.id}" for i in q.items]
                assert [_text(c) for c in body.findall("q:orderInteraction/q:simpleChoice", NS)] == [plain(i.text) for i in q.items]
    assert notes.skipped() == set()
    return notes


def test_multiple_scoring_is_exact_in_qti(quizzes):
    zf, _ = _package(quizzes)
    partial = ET.fromstring(zf.read("items/nexus-check/drivers.xml"))
    entries = {e.get("mapKey"): float(e.get("mappedValue")) for e in partial.iter(f"{{{QTI_NS}}}mapEntry")}
    assert entries == {"C_a": 1.0, "C_b": 1.0, "C_c": -1.0}  # 2 points over 2 right options
    assert partial.find(".//q:mapResponse", NS) is not None
    strict = ET.fromstring(zf.read("items/costs-quiz/three.xml"))  # all_or_nothing: match the correct set
    assert strict.find(".//q:mapping", NS) is None
    assert strict.find(".//q:responseIf/q:match/q:correct", NS) is not None


def test_the_package_is_the_same_bytes_each_time(quizzes):
    assert export_qti(quizzes, "m", "M")[0] == export_qti(quizzes, "m", "M")[0]
