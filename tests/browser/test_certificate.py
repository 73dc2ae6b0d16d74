"""The certificate: it unlocks when every practice quiz is passed and every assessment was downloaded with
each question answered (never on an empty or partial one); the name is text, never HTML; each assessment's
verification code on it is the one `courseforge grade --verify` finds in the learner's submission."""

from __future__ import annotations

import hashlib
import io
import json
import re

import pytest
from pypdf import PdfReader

from courseforge.cli import main
from courseforge.grade.certificate import verification_code

from learner import answer_all_right
from test_quiz_assessment import E, answer_exam, download, q

NAME = '<img src=x onerror="window.hacked=1">Aïcha Ndiaye'


def pass_quiz(page, base: str, module: str, quiz: str) -> None:
    page.goto(base + module + "/")
    page.wait_for_selector(f"#quiz-{quiz}[data-cf-ready]")
    answer_all_right(page) if quiz == "q-basics" else answer_all_right_as(page, quiz)
    assert page.inner_text(f"#quiz-{quiz} .cf-quiz__summary").endswith("You passed this quiz.")


def answer_all_right_as(page, quiz: str) -> None:
    """The second practice quiz has the same questions under another quiz id."""
    page.evaluate("""quiz => {
        // Re-point the helper's selectors: the question ids are the same, only the quiz id differs.
        document.querySelectorAll(`#quiz-${quiz} [id^="cf-${quiz}-"]`).forEach(e => e.id = e.id.replace(`cf-${quiz}-`, 'cf-q-basics-'));
        // ... and the labels with them, since matching's selects are found by their label.
        document.querySelectorAll(`#quiz-${quiz} label[for^="cf-${quiz}-"]`).forEach(l => l.htmlFor = l.htmlFor.replace(`cf-${quiz}-`, 'cf-q-basics-'));
    }""", quiz)
    answer_all_right(page)


def test_certificate_locked_then_printed(page, sites):
    base = sites["practice"]
    page.goto(base + "certificate/")
    page.wait_for_selector(".cf-cert__locked")
    assert page.inner_text(".cf-cert__locked") == (
        "The certificate unlocks when every module quiz is passed: 0 of 2 so far.")
    assert page.locator(".cf-cert__form").is_hidden()

    pass_quiz(page, base, "01-basics", "q-basics")
    pass_quiz(page, base, "02-exam", "q-exam")

    page.goto(base)
    assert page.inner_text(".cf-progress__text") == "2 of 2 module quizzes completed"
    page.click("text=Get your certificate")
    page.wait_for_selector(".cf-cert__form:not([hidden])")
    assert page.locator(".cf-cert__locked").is_hidden()
    page.fill("#cf-cert-name", NAME)
    page.click(".cf-cert__form button")
    cert = page.locator(".cf-cert")
    assert cert.is_visible()
    assert page.text_content(".cf-cert__name") == NAME
    assert page.locator(".cf-cert img").count() == 0
    assert page.evaluate("window.hacked") is None
    assert page.inner_text(".cf-cert__course") == "Test Course on Migration"
    rows = page.locator(".cf-cert__modules tbody tr").all_inner_texts()
    assert [r.replace("\t", " | ") for r in rows] == ["Basics of migration | Passed (100%)", "Exam module | Passed (100%)"]
    assert re.fullmatch(r"Date: [A-Z][a-z]+ \d{1,2}, \d{4}", page.inner_text(".cf-cert__date"))
    assert page.evaluate("document.activeElement.className") == "cf-btn cf-cert__print"

    # Print: only the certificate shows; Material's header, sidebars and the form do not.
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('.cf-cert__form')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('.cf-cert')).visibility") == "visible"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-content h1')).visibility") == "hidden"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-") and len(pdf) > 1000
    page.emulate_media(media="screen")

    # The name is remembered: coming back shows the certificate again.
    page.reload()
    page.wait_for_selector(".cf-cert:not([hidden])")
    assert page.text_content(".cf-cert__name") == NAME
    assert page.locator(".cf-cert__verify").is_hidden()  # no assessment in this course: no code


EXAM_LOCKED = ("The certificate unlocks when every practice quiz is passed and your answers to every assessment are "
               "downloaded with each question answered: {done} of 2 so far.")


def locked_text(page, base: str) -> str:
    page.goto(base + "certificate/")
    page.wait_for_selector("[data-cf-certificate][data-cf-ready]")
    assert page.locator(".cf-cert").is_hidden() and page.locator(".cf-cert__form").is_hidden()
    return page.inner_text(".cf-cert__locked")


def send_exam(page, base: str, tmp_path, *, answer: bool, skip: str | None = None) -> dict:
    page.goto(base + "02-exam/")
    page.wait_for_selector(f"{E}[data-cf-ready]")
    page.fill(f"{E} .cf-learner-name", "Amina Diallo")
    page.fill(f"{E} .cf-learner-id", "UN-0042")
    if answer:
        answer_exam(page, skip=skip)
    if not answer or skip:
        page.click(f"{E} .cf-download")  # questions left blank: asked first, sent the second time
        assert "no answer" in page.inner_text(f"{E} .cf-quiz__summary")
    data, name = download(page, tmp_path=tmp_path, base=base)
    data["_file"] = tmp_path / name
    return data


def test_an_empty_or_partial_assessment_never_unlocks_the_certificate(page, sites, tmp_path):
    base = sites["exam"]
    assert locked_text(page, base) == EXAM_LOCKED.format(done=0)
    pass_quiz(page, base, "01-basics", "q-basics")
    assert locked_text(page, base) == EXAM_LOCKED.format(done=1)

    empty = send_exam(page, base, tmp_path, answer=False)
    assert [k for k in empty["answers"] if k != "e5"] == []  # an ordering always has an order
    assert locked_text(page, base) == EXAM_LOCKED.format(done=1)
    page.goto(base)
    assert page.inner_text(".cf-progress__text") == "1 of 2 module quizzes completed"
    assert page.inner_text(".cf-progress__list li >> nth=1") == "Exam module: Answers downloaded with questions unanswered"

    send_exam(page, base, tmp_path, answer=True, skip="e1")  # all but one
    assert locked_text(page, base) == EXAM_LOCKED.format(done=1)


def test_a_complete_assessment_unlocks_a_certificate_its_code_verifies(page, sites, tmp_path, capsys):
    base = sites["exam"]
    pass_quiz(page, base, "01-basics", "q-basics")
    sub = send_exam(page, base, tmp_path, answer=True)
    file = sub.pop("_file")
    page.goto(base)
    assert page.inner_text(".cf-progress__text") == "2 of 2 module quizzes completed"
    assert page.inner_text(".cf-progress__list li >> nth=1") == "Exam module: Answers downloaded"

    page.goto(base + "certificate/")
    page.wait_for_selector(".cf-cert__form:not([hidden])")
    page.fill("#cf-cert-name", "Amina Diallo")
    page.click(".cf-cert__form button")
    rows = page.locator(".cf-cert__modules tbody tr").all_inner_texts()
    assert [r.replace("\t", " | ") for r in rows] == ["Basics of migration | Passed (100%)", "Exam module | Answers downloaded"]
    code = verification_code(json.loads(file.read_text(encoding="utf-8")))
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}", code)
    assert page.inner_text(".cf-cert__codes") == f"Verification code for Final assessment: {code}"
    assert page.inner_text(".cf-cert__note") == "Your trainer can confirm this code against the answers you sent."
    page.emulate_media(media="print")  # the code prints with it, on one page
    for options in ({"format": "A4"}, {"format": "Letter", "landscape": True}):
        reader = PdfReader(io.BytesIO(page.pdf(**options)))
        assert len(reader.pages) == 1 and code in reader.pages[0].extract_text()
    page.emulate_media(media="screen")

    # The trainer checks the code against the answers collected; the typed code may be lower case, spaced.
    folder = file.parent
    capsys.readouterr()
    typed = code.lower().replace("-", " ")
    assert main(["grade", str(folder), "--verify", typed, "--course", str(sites["exam_dir"])]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{code} matches the answers of Amina Diallo (learner ID UN-0042) to quiz 'q-exam' "
                          f"(Final assessment), submitted {sub['submitted_at']}, in ")
    assert out.rstrip().endswith(": 5.5 of 7 points (79%), passed.")
    # A code that is not this submission's matches nothing; a mistyped one is said to be no code.
    other = "00000-00000" if code != "00000-00000" else "11111-11111"
    assert main(["grade", str(folder), "--verify", other, "--course", str(sites["exam_dir"])]) == 1
    assert "no submission matches this code" in capsys.readouterr().err
    assert main(["grade", str(folder), "--verify", "ABC", "--course", str(sites["exam_dir"])]) == 2
    assert "is not a verification code" in capsys.readouterr().err
    # Nothing was written beside the submissions.
    assert sorted(p.name for p in folder.iterdir()) == [file.name]


# Values a submission can hold, as the browser writes them and Python reads them back.
SUBMISSIONS = [
    {"course": "c", "quiz": "q", "quiz_version": "v1", "learner": {"id": "L1", "name": "A"},
     "submitted_at": "2026-01-02T03:04:05Z", "answers": {}},
    {"course": "test-course", "quiz": "q-exam", "quiz_version": "abc", "learner": {"id": "Aïcha «N’D» 東京 😀"},
     "submitted_at": "2026-12-03T11:00:00Z",
     "answers": {"e4": 1600, "e9": 3.5, "big": 1e21, "tiny": 1e-7, "neg": -0.25, "e2": False, "e1": "y\n\"q\"\t\u0001",
                 "e6": {"m2": "r1", "m1": "r2"}, "e7": ["o3", "o1"], "z": None, "e16": 1e16}},
]
TEXTS = ["", "abc", "a" * 55, "a" * 56, "a" * 64, "a" * 119, "Straße 東京 😀"]


def test_the_browser_computes_the_graders_codes(page, sites):
    page.goto(sites["exam"])
    page.wait_for_function("window.courseforgeCertificate")
    got = page.evaluate("subs => subs.map(s => window.courseforgeCertificate.code(s))", SUBMISSIONS)
    assert got == [verification_code(s) for s in SUBMISSIONS]
    sums = page.evaluate("""texts => texts.map(t => window.courseforgeCertificate.sha256(t)
        .map(b => b.toString(16).padStart(2, '0')).join(''))""", TEXTS)
    assert sums == [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in TEXTS]
