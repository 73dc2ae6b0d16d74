"""Quizzes as an IMS QTI 2.1 content package (a zip), for Canvas and other LMSs.

The package holds ``imsmanifest.xml`` (IMS Content Packaging 1.1), one
``assessmentItem`` per question under ``items/<quiz>/`` and one
``assessmentTest`` per quiz under ``tests/`` that lists its items in order.
All seven courseforge types are expressible:

==============  =====================================================  ===============================
type            interaction                                            response processing
==============  =====================================================  ===============================
single          choiceInteraction, maxChoices=1                        match_correct (1 point),
                                                                       else map_response
multiple        choiceInteraction                                      map_response (partial); all or
                                                                       nothing: match_correct (1 point)
                                                                       else custom
true_false      choiceInteraction with choices ``true`` / ``false``    as single
fill_blank      textEntryInteraction (string) where the blank is       map_response
numeric         textEntryInteraction (float)                           custom: equal, with tolerance
matching        matchInteraction (directedPair), distractors unmatched map_response
ordering        orderInteraction (ordered identifiers)                 custom: a share per item in its
                                                                       right place
==============  =====================================================  ===============================

Response processing uses the standard templates (``template="...rptemplates/
match_correct"`` or ``map_response``) wherever they express the scoring rule,
so that a player that only knows the templates scores the item: match_correct
gives 1, so it serves only 1-point questions; map_response sums the mapping,
which carries the points. Only numeric answers (a tolerance; ``match`` is not
for floats) and ordering (a share per position, as the site and ``courseforge
grade`` mark it) need rules of their own. ``SCORE`` is in the question's points.

Feedback: the templates set only ``SCORE``. An item with feedback to show
(per-choice ``feedbackInline``, the explanation in ``modalFeedback``) also
carries the template's rules written out, followed by one rule that sets
``FEEDBACK``. QTI lets a player take either the template or the item's
rules: both give the same score, and a player that runs the rules also shows
the feedback. Markdown is rendered to XHTML in the
QTI namespace; text that is not well-formed XHTML goes in as plain text.
QTI identifiers may not start with a digit, so choice ids get a prefix
(``C_a``, ``L_p1``, ``R_p1``, ``I_i1``).

How a question of each type is written is the ``qti`` method of its type
(``quiz/types/``), given a :class:`QtiWriter`: the type declares its response,
builds its interaction and names its template or rule; the writer knows the
item's frame (outcomes, body, feedback, Markdown to XHTML, identifiers).
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass

import markdown as md

from ..quiz.model import BLANK, Quiz
from ..quiz.types import type_of
from .common import Writer, format_number, question_name
from .report import OMITTED, Notes

FORMAT = "QTI 2.1"
QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

_BLANK_MARK = "CFBLANKMARK7Q"
_NCNAME_BAD = re.compile(r"[^A-Za-z0-9_.-]")


def q(tag: str) -> str:
    # Elements are built unqualified and the root carries xmlns=QTI_NS: ElementTree
    # cannot write a default namespace with unqualified attributes otherwise.
    return tag


def ident(prefix: str, raw: str) -> str:
    """A QTI identifier: must start with a letter, so every id gets a prefix."""
    return f"{prefix}_{_NCNAME_BAD.sub('_', raw)}"


def item_identifier(quiz: Quiz, qid: str) -> str:
    raw = _NCNAME_BAD.sub("_", f"{quiz.id}.{qid}")
    return raw if raw[0].isalpha() or raw[0] == "_" else f"Q_{raw}"


# ---------------------------------------------------------------- Markdown → QTI XHTML

def render_block(text: str, notes: Notes, where: tuple[str, str]) -> list[ET.Element]:
    """Markdown → block elements in the QTI namespace (plain paragraphs if not XHTML)."""
    html = md.markdown(text or "", output_format="xhtml")
    try:
        wrapper = ET.fromstring(f"<div>{html}</div>")
    except ET.ParseError:
        notes.add(*where, "text with raw HTML that is not well-formed XHTML — exported as plain text",
                  kind="raw HTML", summary="not well-formed XHTML ({count}): exported as plain text")
        out = []
        for para in (text or "").split("\n\n"):
            p = ET.Element(q("p"))
            p.text = para
            out.append(p)
        return out
    if wrapper.text and wrapper.text.strip():
        p = ET.Element(q("p"))
        p.text = wrapper.text
        return [p, *wrapper]
    return list(wrapper)


def fill_inline(parent: ET.Element, text: str, notes: Notes, where: tuple[str, str]) -> None:
    """Markdown rendered into ``parent`` as inline content (one paragraph unwrapped)."""
    blocks = render_block(text, notes, where)
    if len(blocks) == 1 and blocks[0].tag == q("p"):
        src = blocks[0]
        parent.text = (parent.text or "") + (src.text or "")
        for child in list(src):
            parent.append(child)
    else:
        for b in blocks:
            parent.append(b)


def _replace_marker(root: ET.Element, marker: str, make) -> bool:
    """Replace the first occurrence of ``marker`` in the text of ``root`` by the element ``make()``."""
    for parent in root.iter():
        if parent.text and marker in parent.text:
            before, after = parent.text.split(marker, 1)
            parent.text = before
            new = make()
            new.tail = after
            parent.insert(0, new)
            return True
        for i, child in enumerate(list(parent)):
            if child.tail and marker in child.tail:
                before, after = child.tail.split(marker, 1)
                child.tail = before
                new = make()
                new.tail = after
                parent.insert(i + 1, new)
                return True
    return False


# ---------------------------------------------------------------- response processing pieces

def _sub(parent: ET.Element, tag: str, attrib: dict | None = None, text: str | None = None) -> ET.Element:
    el = ET.SubElement(parent, q(tag), attrib or {})
    if text is not None:
        el.text = text
    return el


def _base(parent: ET.Element, base_type: str, value: str) -> ET.Element:
    return _sub(parent, "baseValue", {"baseType": base_type}, value)


def _set_score(parent: ET.Element, value: str) -> None:
    _base(_sub(parent, "setOutcomeValue", {"identifier": "SCORE"}), "float", value)


def _rp_match_correct(rp: ET.Element, points: float, compare: ET.Element | None = None) -> None:
    """match_correct: full points when the response is the correct one (or ``compare`` holds)."""
    cond = _sub(rp, "responseCondition")
    rif = _sub(cond, "responseIf")
    if compare is None:
        compare = ET.Element(q("match"))
        ET.SubElement(compare, q("variable"), {"identifier": "RESPONSE"})
        ET.SubElement(compare, q("correct"), {"identifier": "RESPONSE"})
    rif.append(compare)
    _set_score(rif, format_number(points))
    _set_score(_sub(cond, "responseElse"), "0")


def _rp_map_response(rp: ET.Element) -> None:
    """map_response: the sum of the mapped values (bounded by the mapping), 0 when unanswered."""
    cond = _sub(rp, "responseCondition")
    rif = _sub(cond, "responseIf")
    ET.SubElement(_sub(rif, "isNull"), q("variable"), {"identifier": "RESPONSE"})
    _set_score(rif, "0")
    rel = _sub(cond, "responseElse")
    ET.SubElement(_sub(rel, "setOutcomeValue", {"identifier": "SCORE"}), q("mapResponse"), {"identifier": "RESPONSE"})


TEMPLATES = {
    "match_correct": "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct",
    "map_response": "http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response",
}


def _processing(template: str | None, custom, feedback: bool, with_response: bool) -> ET.Element:
    """The item's responseProcessing: the template alone, or (to show feedback, or where no template
    fits) rules written out -- the template's own, or ``custom(rp)`` -- then the FEEDBACK rule."""
    rp = ET.Element(q("responseProcessing"))
    if template:
        rp.set("template", TEMPLATES[template])
        if not feedback:
            return rp
    if template == "match_correct":
        _rp_match_correct(rp, 1)
    elif template == "map_response":
        _rp_map_response(rp)
    else:
        custom(rp)
    if feedback:
        _rp_feedback(rp, with_response)
    return rp


def _rp_feedback(rp: ET.Element, with_response: bool) -> None:
    """FEEDBACK = {the chosen choices (for feedbackInline), "explanation"}; NULLs are ignored by <multiple>."""
    mult = _sub(_sub(rp, "setOutcomeValue", {"identifier": "FEEDBACK"}), "multiple")
    if with_response:
        ET.SubElement(mult, q("variable"), {"identifier": "RESPONSE"})
    _base(mult, "identifier", "explanation")


# ---------------------------------------------------------------- items

def _declare_response(item: ET.Element, cardinality: str, base_type: str, correct: list[str]) -> ET.Element:
    decl = _sub(item, "responseDeclaration",
                {"identifier": "RESPONSE", "cardinality": cardinality, "baseType": base_type})
    cr = _sub(decl, "correctResponse")
    for v in correct:
        _sub(cr, "value", text=v)
    return decl


def _declare_outcomes(item: ET.Element, points: float) -> None:
    score = _sub(item, "outcomeDeclaration", {"identifier": "SCORE", "cardinality": "single", "baseType": "float"})
    _sub(_sub(score, "defaultValue"), "value", text="0")
    mx = _sub(item, "outcomeDeclaration", {"identifier": "MAXSCORE", "cardinality": "single", "baseType": "float"})
    _sub(_sub(mx, "defaultValue"), "value", text=format_number(points))
    _sub(item, "outcomeDeclaration", {"identifier": "FEEDBACK", "cardinality": "multiple", "baseType": "identifier"})


def _choice(parent: ET.Element, cid: str, text: str, feedback: str | None, notes: Notes, where) -> None:
    choice = _sub(parent, "simpleChoice", {"identifier": cid})
    fill_inline(choice, text, notes, where)
    if feedback:
        fb = _sub(choice, "feedbackInline", {"outcomeIdentifier": "FEEDBACK", "identifier": cid, "showHide": "show"})
        fill_inline(fb, feedback, notes, where)


@dataclass
class QtiItem:
    """One ``assessmentItem`` as a type's ``qti`` method builds it, in the order QTI wants: response
    declaration, then :meth:`body` (outcomes, the rendered prompt), then :meth:`done`."""

    w: QtiWriter
    q: object
    el: ET.Element
    prompt: list[ET.Element]  # the prompt, rendered

    @property
    def where(self) -> tuple[str, str]:
        return (self.w.quiz.id, self.q.id)

    def response(self, cardinality: str, base_type: str, correct: list[str]) -> ET.Element:
        """The RESPONSE declaration with its correct response; a mapping goes in it."""
        return _declare_response(self.el, cardinality, base_type, correct)

    def body(self) -> ET.Element:
        """Declares the outcomes and returns the itemBody holding the prompt; the interaction goes in it."""
        _declare_outcomes(self.el, self.q.points)
        body = _sub(self.el, "itemBody")
        body.extend(self.prompt)
        return body

    def inline(self, parent: ET.Element, text: str) -> None:
        fill_inline(parent, text, self.w.notes, self.where)

    def choice(self, parent: ET.Element, cid: str, text: str, feedback: str | None) -> None:
        """A simpleChoice, with its feedback inline (shown when chosen)."""
        _choice(parent, cid, text, feedback, self.w.notes, self.where)

    def at_blank(self, body: ET.Element, make) -> None:
        """Put ``make()`` where the prompt's blank is (see ``w.item(q, at_blank=True)``), else after the prompt."""
        if not _replace_marker(body, _BLANK_MARK, make):
            _sub(body, "p").append(make())

    def done(self, template: str | None = None, custom=None, *, with_response: bool = False,
             choice_feedback: bool = False) -> ET.Element:
        """The item, finished: its responseProcessing by ``template`` (a standard one) or ``custom(rp)``
        (rules of its own), feedback that names the chosen choices when ``with_response``, and the
        explanation. ``choice_feedback``: some choice has feedback to show."""
        qn = self.q
        rp = _processing(template, custom, bool(qn.explanation) or choice_feedback, with_response)
        self.el.append(rp)
        if qn.explanation:
            modal = _sub(self.el, "modalFeedback", {"outcomeIdentifier": "FEEDBACK", "identifier": "explanation",
                                                    "showHide": "show", "title": "Explanation"})
            modal.extend(render_block(qn.explanation, self.w.notes, self.where))
        if qn.hints:
            self.w.note(qn, f"QTI items have no hints — {len(qn.hints)} hint(s) left out",
                        kind="hints", summary="QTI items have no hints ({count}); Moodle XML keeps them", level=OMITTED)
        return self.el


class QtiWriter(Writer):
    """QTI 2.1's primitives, for the ``qti`` method of each question type."""

    format = FORMAT

    ident = staticmethod(ident)
    sub = staticmethod(_sub)
    base = staticmethod(_base)
    match_correct = staticmethod(_rp_match_correct)

    @staticmethod
    def element(tag: str, attrib: dict | None = None) -> ET.Element:
        return ET.Element(q(tag), attrib or {})

    def item(self, qn, *, at_blank: bool = False) -> QtiItem:
        """A new item for ``qn`` with its prompt rendered; ``at_blank``: the interaction goes where the
        prompt's blank is (:meth:`QtiItem.at_blank`)."""
        where = (self.quiz.id, qn.id)
        el = ET.Element(q("assessmentItem"), {
            f"{{{XSI_NS}}}schemaLocation": f"{QTI_NS} {QTI_XSD}",
            "identifier": item_identifier(self.quiz, qn.id),
            "title": question_name(self.quiz, qn.id),
            "adaptive": "false",
            "timeDependent": "false",
        })
        prompt = qn.prompt.replace(BLANK, _BLANK_MARK, 1) if at_blank and BLANK in qn.prompt else qn.prompt
        return QtiItem(self, qn, el, render_block(prompt, self.notes, where))


def _xml(el: ET.Element, namespace: str = QTI_NS) -> bytes:
    el.set("xmlns", namespace)
    ET.indent(el, space="  ")
    body = ET.tostring(el, encoding="utf-8")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


def _test(quiz: Quiz, refs: list[tuple[str, str]]) -> ET.Element:
    test = ET.Element(q("assessmentTest"), {
        f"{{{XSI_NS}}}schemaLocation": f"{QTI_NS} {QTI_XSD}",
        "identifier": _NCNAME_BAD.sub("_", f"T.{quiz.id}"),
        "title": quiz.title,
    })
    part = _sub(test, "testPart", {"identifier": "P1", "navigationMode": "nonlinear", "submissionMode": "simultaneous"})
    section = _sub(part, "assessmentSection", {"identifier": "S1", "title": quiz.title, "visible": "true"})
    for ident_, href in refs:
        _sub(section, "assessmentItemRef", {"identifier": ident_, "href": f"../{href}"})
    return test


def export_qti(quizzes: list[Quiz], course_id: str, course_title: str) -> tuple[bytes, Notes]:
    """A QTI 2.1 content package (zip bytes) with every quiz."""
    notes = Notes()
    files: dict[str, bytes] = {}
    manifest = ET.Element("manifest", {
        "identifier": _NCNAME_BAD.sub("_", f"MANIFEST.{course_id}"),
        f"{{{XSI_NS}}}schemaLocation": f"{CP_NS} {CP_XSD}",
    })
    meta = ET.SubElement(manifest, "metadata")
    ET.SubElement(meta, "schema").text = "QTIv2.1 Package"
    ET.SubElement(meta, "schemaversion").text = "1.0.0"
    ET.SubElement(manifest, "organizations")
    resources = ET.SubElement(manifest, "resources")

    def resource(identifier: str, rtype: str, href: str, deps: list[str] = ()) -> None:
        res = ET.SubElement(resources, "resource", {"identifier": identifier, "type": rtype, "href": href})
        ET.SubElement(res, "file", {"href": href})
        for d in deps:
            ET.SubElement(res, "dependency", {"identifierref": d})

    for quiz in sorted(quizzes, key=lambda z: (z.module, z.id)):
        notes.add(quiz.id, None, f"pass mark ({format_number(quiz.pass_mark)}%) and mode ({quiz.mode}) are not part of "
                  "QTI items: set them on the LMS quiz; source citations and tags are not carried",
                  kind="quiz settings", level="setting",
                  summary="pass mark and mode are not part of QTI items ({count}): set them on the LMS quiz, as "
                  "each quiz's YAML file gives them; source citations and tags are not carried")
        refs = []
        w = QtiWriter(quiz, notes)
        for qn in quiz.questions:
            item = type_of(qn).qti(qn, w)
            if item is None:
                continue
            ident_ = item.get("identifier")
            href = f"items/{quiz.id}/{qn.id}.xml"
            files[href] = _xml(item)
            resource(f"RES.{ident_}", "imsqti_item_xmlv2p1", href)
            refs.append((ident_, href))
        if refs:
            href = f"tests/{quiz.id}.xml"
            files[href] = _xml(_test(quiz, refs))
            resource(_NCNAME_BAD.sub("_", f"RES.T.{quiz.id}"), "imsqti_test_xmlv2p1", href,
                     [f"RES.{i}" for i, _ in refs])
    manifest_xml = _xml(manifest, CP_NS)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(_zinfo("imsmanifest.xml"), manifest_xml)
        for name in sorted(files):
            zf.writestr(_zinfo(name), files[name])
    return buf.getvalue(), notes


def _zinfo(name: str) -> zipfile.ZipInfo:
    # A fixed timestamp: the same course gives the same bytes.
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info
