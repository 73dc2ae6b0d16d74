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


# ---- response processing: standard templates where they express the rule ---------------------------------
# The two templates as IMS publishes them (rptemplates/match_correct.xml and map_response.xml), and a small
# interpreter for the QTI expressions courseforge writes, to score responses by the template a template-only
# player would use, by the item's own rules, and by courseforge's grader, and compare.

TEMPLATE_RULES = {
    "match_correct": """<responseProcessing xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1"><responseCondition>
      <responseIf><match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>
        <setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue></responseIf>
      <responseElse><setOutcomeValue identifier="SCORE"><baseValue baseType="float">0</baseValue></setOutcomeValue>
      </responseElse></responseCondition></responseProcessing>""",
    "map_response": """<responseProcessing xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1"><responseCondition>
      <responseIf><isNull><variable identifier="RESPONSE"/></isNull>
        <setOutcomeValue identifier="SCORE"><baseValue baseType="float">0.0</baseValue></setOutcomeValue></responseIf>
      <responseElse><setOutcomeValue identifier="SCORE"><mapResponse identifier="RESPONSE"/></setOutcomeValue>
      </responseElse></responseCondition></responseProcessing>""",
}
TEMPLATE_URL = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"


def _local(el) -> str:
    return el.tag.split("}")[1]


class _Item:
    """Just enough of a QTI 2.1 delivery engine for the processing courseforge writes."""

    def __init__(self, item):
        self.item = item
        decl = item.find("q:responseDeclaration", NS)
        self.cardinality, self.base_type = decl.get("cardinality"), decl.get("baseType")
        self.correct = [v.text for v in decl.findall("q:correctResponse/q:value", NS)]
        self.mapping = decl.find("q:mapping", NS)

    def _value(self, v):
        if self.cardinality == "single":
            return v
        return list(v)

    def _map(self, response):
        m = self.mapping
        entries = [(e.get("mapKey"), float(e.get("mappedValue")), e.get("caseSensitive") != "false") for e in m]

        def value_of(r):
            for key, val, case in entries:
                if (key == r) if case else (key.casefold() == r.casefold()):
                    return val
            return float(m.get("defaultValue", "0"))
        values = [value_of(r) for r in (set(response) if self.cardinality != "single" else [response])]
        total = sum(values)
        if m.get("lowerBound") is not None:
            total = max(total, float(m.get("lowerBound")))
        if m.get("upperBound") is not None:
            total = min(total, float(m.get("upperBound")))
        return total

    def expr(self, el, env):
        tag = _local(el)
        kids = list(el)
        if tag == "variable":
            return env[el.get("identifier")]
        if tag == "correct":
            return self.correct[0] if self.cardinality == "single" else self.correct
        if tag == "baseValue":
            return float(el.text) if el.get("baseType") == "float" else el.text
        if tag == "isNull":
            v = self.expr(kids[0], env)
            return v is None or v == [] or v == ""
        if tag == "mapResponse":
            r = env["RESPONSE"]
            return 0.0 if r in (None, []) else self._map(r)
        if tag == "match":
            a, b = (self.expr(k, env) for k in kids)
            if a is None or b is None:
                return None
            if self.cardinality == "multiple" and isinstance(a, list) and isinstance(b, list):
                return sorted(a) == sorted(b)
            return a == b
        if tag == "equal":
            a, b = (self.expr(k, env) for k in kids)
            if a is None:
                return None
            a, b = float(a), float(b)
            if el.get("toleranceMode") == "exact":
                return a == b
            lo, hi = (float(t) for t in el.get("tolerance").split())
            return b - lo <= a <= b + hi
        if tag == "index":
            v = self.expr(kids[0], env)
            n = int(el.get("n"))
            return v[n - 1] if v and n <= len(v) else None
        if tag == "sum":
            return sum(float(self.expr(k, env)) for k in kids)
        if tag == "multiple":
            out = []
            for k in kids:
                v = self.expr(k, env)
                out += v if isinstance(v, list) else ([] if v is None else [v])
            return out
        raise AssertionError(f"unexpected QTI expression {tag}")

    def run(self, rules, env):
        for rule in rules:
            tag = _local(rule)
            if tag == "setOutcomeValue":
                env[rule.get("identifier")] = self.expr(rule[0], env)
            elif tag == "responseCondition":
                for branch in rule:
                    b = _local(branch)
                    if b == "responseElse" or self.expr(branch[0], env):
                        self.run(list(branch)[0 if b == "responseElse" else 1:], env)
                        break
            else:
                raise AssertionError(f"unexpected QTI rule {tag}")

    def score(self, response, *, template_only: bool) -> float:
        rp = self.item.find("q:responseProcessing", NS)
        rules = list(rp)
        if template_only or not rules:
            template = rp.get("template")
            assert template, "no rules and no template"
            rules = list(ET.fromstring(TEMPLATE_RULES[template.removeprefix(TEMPLATE_URL)]))
        env = {"RESPONSE": response, "SCORE": 0.0, "FEEDBACK": []}
        self.run(rules, env)
        return env["SCORE"]


def _norm(el):
    """An element as (tag, attributes, text, children), numbers as floats, for comparing rule trees."""
    text = (el.text or "").strip()
    try:
        text = float(text)
    except ValueError:
        pass
    return (_local(el), dict(el.attrib), text, [_norm(c) for c in el])


def _items(quizzes):
    zf, notes = _package(quizzes)
    return {(z.id, q.id): (q, ET.fromstring(zf.read(f"items/{z.id}/{q.id}.xml"))) for z in quizzes for q in z.questions}


def test_standard_templates_wherever_they_express_the_rule(quizzes):
    """1-point choice questions: match_correct; partial multiple, fill-in, matching and other marks of a single
    choice: map_response; numbers (a tolerance) and ordering (a share per position) have rules of their own."""
    got = {}
    for (quiz, qid), (q, item) in _items(quizzes).items():
        rp = item.find("q:responseProcessing", NS)
        template = (rp.get("template") or "").removeprefix(TEMPLATE_URL) or None
        got[qid] = template
        if template:
            # the template's own rules, then (only to show feedback) the FEEDBACK rule: scoring never differs
            rules = list(rp)
            if rules:
                assert _local(rules[-1]) == "setOutcomeValue" and rules[-1].get("identifier") == "FEEDBACK"
                assert [_norm(r) for r in rules[:-1]] == [_norm(r) for r in ET.fromstring(TEMPLATE_RULES[template])]
    assert got == {"remittances": "match_correct", "drivers": "map_response", "tf": "match_correct",
                   "sdg": "map_response", "cost": None, "match": "map_response", "order": None,
                   "three": "match_correct"}


def test_an_item_without_feedback_is_the_bare_template(quizzes):
    for q in quizzes[0].questions:
        q.explanation = ""
        for o in getattr(q, "options", []):
            o.feedback = None
    tf = quizzes[0].questions[2]
    tf.feedback_true = tf.feedback_false = None
    for (quiz, qid), (q, item) in _items([quizzes[0]]).items():
        rp = item.find("q:responseProcessing", NS)
        assert rp.get("template", "").startswith(TEMPLATE_URL) and list(rp) == [], qid
        assert item.find("q:modalFeedback", NS) is None


def test_templates_and_rules_score_every_response_as_courseforge_grade_does(quizzes):
    import itertools

    from courseforge.quiz.types import TYPES

    quizzes[0].questions[0].points = 3  # a single choice worth 3: map_response carries the mark
    quizzes[1].questions[3].points = 3  # ordering worth 3: a point per item in place
    for (quiz, qid), (q, item) in _items(quizzes).items():
        engine = _Item(item)
        template = item.find("q:responseProcessing", NS).get("template")
        cases = []
        if isinstance(q, (SingleChoice, TrueFalse)):
            ids = [o.id for o in q.options] if isinstance(q, SingleChoice) else ["true", "false"]
            for c in ids:
                right = q.key if isinstance(q, SingleChoice) else ("true" if q.answer else "false")
                cases.append((f"C_{c}", float(c == right)))
        elif isinstance(q, MultipleChoice):
            of_quiz = next(z for z in quizzes if z.id == quiz)  # its multiple_scoring
            ids = [o.id for o in q.options]
            for n in range(len(ids) + 1):
                for chosen in itertools.combinations(ids, n):
                    cases.append(([f"C_{c}" for c in chosen],
                                  TYPES[q.type].mark(q, chosen, of_quiz)))
        elif isinstance(q, FillBlank):
            cases += [(a.upper(), 1.0) for a in q.answers] + [("nope", 0.0)]
        elif isinstance(q, Numeric):
            cases += [(str(q.answer + d), TYPES[q.type].mark(q, q.answer + d))
                      for d in (0, q.tolerance, -q.tolerance, q.tolerance + 0.01, -1)]
        elif isinstance(q, Matching):
            ids = [p.id for p in q.pairs]
            for perm in itertools.permutations(ids + [d.id for d in q.distractors], len(ids)):
                chosen = dict(zip(ids, perm))
                cases.append(([f"L_{a} R_{b}" for a, b in chosen.items()], TYPES[q.type].mark(q, chosen)))
        elif isinstance(q, Ordering):
            ids = [i.id for i in q.items]
            for perm in itertools.permutations(ids):
                cases.append(([f"I_{i}" for i in perm], TYPES[q.type].mark(q, perm)))
        cases.append((None if engine.cardinality == "single" else [], 0.0))  # no answer
        for response, fraction in cases:
            want = round(fraction * q.points, 6)
            assert round(engine.score(response, template_only=False), 6) == want, (qid, response)
            if template:  # what a player that only knows the templates computes
                assert round(engine.score(response, template_only=True), 6) == want, (qid, response)
