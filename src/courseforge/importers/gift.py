"""A readable GIFT parser: Moodle question banks back into courseforge quizzes.

GIFT (Moodle's "General Import Format Template") keeps one question per
block of lines; blocks are separated by blank lines and ``//`` starts a
comment line. A question is ``::name::[format]text{answers}``; a backslash
escapes ``~ = # { } :`` and ``\\n`` is a line break. The reading follows
Moodle's own importer (``qformat_gift::readquestion``) so a file Moodle
accepts reads the same here, but every problem is reported with the file
and line it is on instead of being skipped.

Parsing happens in two steps, like text2qti's: :func:`parse_gift` turns
text into :class:`GiftQuestion` records (pure, no course needed);
:func:`to_quizzes` groups them into :class:`~courseforge.quiz.model.Quiz`
objects. What the courseforge model cannot hold (partial credit on a
short answer, per-answer feedback on numbers, essays ...) comes back as a
warning naming the line; nothing is dropped silently.

Sources: courseforge cites a seed paragraph for every question, GIFT has no
such field. A ``// source: DOC#PARA`` comment (which ``courseforge export``
writes) or ``--source DOC#PARA`` supplies it; otherwise the question gets
``source: {doc: imported, para: <file>-<line>}``, which ``courseforge
check`` rejects until the trainer replaces it with a real seed id and
paragraph id -- the importer says so for every such quiz.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic
from ..quiz.spec import ID_PATTERN
from ..quiz.model import (
    BLANK,
    BLOOM_LEVELS,
    Distractor,
    FillBlank,
    Item,
    Matching,
    MultipleChoice,
    Numeric,
    Option,
    Ordering,
    Pair,
    Quiz,
    SingleChoice,
    SourceRef,
    TrueFalse,
)

SPECIAL = "~=#{}:"
_ESC_BASE = 0xF000  # escaped characters live in the Private Use Area while parsing
ESC_NEWLINE = chr(0xF0FF)  # "\\n": a line break inside a text, not between lines
IMPORTED_DOC = "imported"
FORMATS = ("moodle", "html", "plain", "markdown")
ID_RE = re.compile(ID_PATTERN)
WEIGHT_RE = re.compile(r"^%(-?\d+(?:\.\d*)?)%")
SOURCE_RE = re.compile(r"^//\s*source:\s*([^\s#]+)#(\S+)\s*$")
QUIZ_RE = re.compile(r"^//\s*quiz:\s*(\S+)\s+—\s+(.+?)\s*$")
TAG_RE = re.compile(r"\[tag:([^\]]+)\]")
ID_TAG_RE = re.compile(r"\[id:([^\]]+)\]")


# ---------------------------------------------------------------- records

@dataclass
class GiftAnswer:
    text: str
    weight: float  # 1.0 = fully right, 0 = wrong, negative = penalty
    feedback: str | None
    line: int
    marker: str  # "=" or "~"


@dataclass
class GiftQuestion:
    kind: str  # multichoice | truefalse | shortanswer | numerical | matching | ordering | description | essay
    prompt: str
    line: int
    name: str | None = None
    format: str = "moodle"
    category: str | None = None
    quiz_hint: tuple[str, str] | None = None  # (quiz id, title) from a "// quiz:" comment
    answers: list[GiftAnswer] = field(default_factory=list)
    general_feedback: str = ""
    single: bool = True  # multichoice: one right answer ("=") or checkboxes
    tf_answer: bool | None = None
    tf_wrong_feedback: str | None = None
    tf_right_feedback: str | None = None
    numbers: list[tuple[float, float, float, str | None, int]] = field(default_factory=list)  # (value, tol, weight, fb, line)
    pairs: list[tuple[str, str, int]] = field(default_factory=list)  # (left, right, line); left "" = distractor
    items: list[tuple[str, int]] = field(default_factory=list)  # ordering: (text, line) in the right order
    source: SourceRef | None = None
    tags: list[str] = field(default_factory=list)
    idnumber: str | None = None


# ---------------------------------------------------------------- text helpers

class _Text:
    """A chunk of GIFT with escapes folded into single characters and a line for each character."""

    def __init__(self, raw_lines: list[tuple[int, str]]):
        chars: list[str] = []
        lines: list[int] = []
        for n, (lineno, line) in enumerate(raw_lines):
            i = 0
            while i < len(line):
                ch = line[i]
                if ch == "\\" and i + 1 < len(line):
                    nxt = line[i + 1]
                    if nxt in SPECIAL or nxt == "\\":
                        chars.append(chr(_ESC_BASE + ord(nxt)))
                        lines.append(lineno)
                        i += 2
                        continue
                    if nxt == "n":
                        chars.append(ESC_NEWLINE)
                        lines.append(lineno)
                        i += 2
                        continue
                chars.append(ch)
                lines.append(lineno)
                i += 1
            if n < len(raw_lines) - 1:
                chars.append("\n")
                lines.append(lineno)
        self.s = "".join(chars)
        self.lines = lines
        self.first = raw_lines[0][0] if raw_lines else 0

    def line_at(self, index: int) -> int:
        if not self.lines:
            return self.first
        return self.lines[min(max(index, 0), len(self.lines) - 1)]


def unescape(text: str) -> str:
    return "".join(
        "\n" if c == ESC_NEWLINE else chr(ord(c) - _ESC_BASE) if _ESC_BASE <= ord(c) < _ESC_BASE + 128 else c
        for c in text
    )


def _split_format(text: str) -> tuple[str | None, str]:
    m = re.match(r"^\s*\[(\w+)\]", text)
    if m and m.group(1) in FORMATS:
        return m.group(1), text[m.end():]
    return None, text


def _clean(text: str) -> str:
    """Unescape and tidy one text: GIFT lets authors wrap and indent lines freely."""
    return re.sub(r"[ \t]*\n[ \t]*", "\n", unescape(text)).strip()


def _num(x: float) -> float:
    """Undo binary noise from range arithmetic: (3.141 + 3.142) / 2 is 3.1415, not 3.1414999999999997."""
    return float(f"{x:.12g}")


def _weighted(raw: str, default: float) -> tuple[float, str]:
    """An answer's weight (``%50%`` → 0.5, else ``default``) and the answer without it."""
    raw = raw.strip()
    m = WEIGHT_RE.match(raw)
    return (float(m.group(1)) / 100, raw[m.end():]) if m else (default, raw)


def _feedback_split(text: str) -> tuple[str, str | None]:
    if "#" in text:
        ans, fb = text.split("#", 1)
        fb = _clean(_split_format(fb)[1])
        return ans, fb or None
    return text, None


# ---------------------------------------------------------------- parser

class GiftParser:
    def __init__(self, text: str, path: str):
        self.path = path
        self.text = text
        self.errors: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []

    def error(self, line: int, message: str) -> None:
        self.errors.append(Diagnostic(self.path, line, 0, message))

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(Diagnostic(self.path, line, 0, message, severity="warning"))

    def chunks(self):
        """Blocks of (line number, text) separated by blank lines; comment lines kept apart."""
        block: list[tuple[int, str]] = []
        comments: list[str] = []
        for lineno, line in enumerate(self.text.splitlines(), start=1):
            stripped = line.strip()
            if not stripped:
                if block or comments:
                    yield block, comments
                block, comments = [], []
            elif stripped.startswith("//"):
                comments.append(stripped)
            else:
                block.append((lineno, line))
        if block or comments:
            yield block, comments

    def parse(self) -> list[GiftQuestion]:
        questions: list[GiftQuestion] = []
        category: str | None = None
        quiz_hint: tuple[str, str] | None = None
        for block, comments in self.chunks():
            for c in comments:
                m = QUIZ_RE.match(c)
                if m:
                    quiz_hint = (m.group(1), m.group(2))
            if not block:
                continue
            first_text = block[0][1].strip()
            if first_text.startswith("$CATEGORY:"):
                category = " ".join(t.strip() for _, t in block)[len("$CATEGORY:"):].strip()
                quiz_hint = None
                continue
            q = self.question(_Text(block))
            if q is None:
                continue
            q.category = category
            q.quiz_hint = quiz_hint
            for c in comments:
                m = SOURCE_RE.match(c)
                if m:
                    q.source = SourceRef(m.group(1), m.group(2))
                q.tags += TAG_RE.findall(c)
                ids = ID_TAG_RE.findall(c)
                if ids:
                    q.idnumber = ids[0].strip()
            questions.append(q)
        return questions

    def question(self, t: _Text) -> GiftQuestion | None:
        s = t.s.strip()
        offset = len(t.s) - len(t.s.lstrip())
        line = t.line_at(offset)
        name = None
        if s.startswith("::"):
            end = s.find("::", 2)
            if end < 0:
                self.error(line, "the question name starts with '::' but has no closing '::'")
                return None
            name = _clean(s[2:end])
            offset += end + 2
            s = s[end + 2:]
        start = s.find("{")
        close = s.find("}", start + 1) if start >= 0 else s.find("}")
        if start < 0 and close < 0:
            self.warn(line, "text without answers (a Moodle 'description') is not a question — skipped")
            return None
        if 0 <= s.find("}") < start:  # a "}" before the "{": stray
            close, start = s.find("}"), -1
        if start < 0:
            self.error(t.line_at(offset + close), "'}' closes an answer block that was never opened with '{' "
                       "(write \\} for a literal brace)")
            return None
        if close < 0:
            self.error(t.line_at(offset + start), "the answer block opened here with '{' is never closed with '}' "
                       "(write \\{ for a literal brace)")
            return None
        answer_text = s[start + 1:close]
        lead = len(answer_text) - len(answer_text.lstrip())
        answer_line = t.line_at(offset + start + 1 + lead)  # where the first answer starts
        rest = s[close + 1:]
        if "{" in rest or "}" in rest:
            self.error(t.line_at(offset + close + 1 + max(rest.find("{"), rest.find("}"))),
                       "a question may have only one answer block {...}; separate questions with a blank line")
            return None
        before = s[:start]
        fmt, before = _split_format(before)
        # Answers inside the sentence are Moodle's "missing word" form: a blank goes there.
        prompt_raw = before + BLANK + rest if rest.strip() else before
        prompt = _clean(prompt_raw)
        q = GiftQuestion(kind="", prompt=prompt, line=line, name=name, format=fmt or "moodle")
        if "####" in answer_text:
            cut = answer_text.rfind("####")
            q.general_feedback = _clean(_split_format(answer_text[cut + 4:])[1])
            answer_text = answer_text[:cut]
        body = answer_text.strip()
        if not body:
            self.warn(line, "an empty answer block {} is a Moodle essay question, which courseforge cannot grade — skipped")
            return None
        if body.startswith(">"):  # Moodle lets the ordering type try first, before any other reading
            return self._ordering(q, body, answer_line)
        if body.startswith("#"):
            return self._numerical(q, body[1:], answer_line)
        if "~" in body:
            return self._multichoice(q, body, answer_line)
        if "=" in body and "->" in body:
            return self._matching(q, body, answer_line)
        tf = body.split("#", 1)[0].strip()
        if tf in ("T", "TRUE", "F", "FALSE"):
            return self._truefalse(q, body, tf)
        return self._shortanswer(q, body, answer_line)

    # Each answer starts at its marker; its line is where the marker stands.
    def _answers(self, body: str, markers: str, answer_line: int) -> list[tuple[str, str, int]]:
        out: list[tuple[str, str, int]] = []
        line = answer_line
        current: list[str] | None = None
        marker = ""
        start_line = line
        for ch in body:
            if ch in markers:
                if current is not None:
                    out.append((marker, "".join(current), start_line))
                current, marker, start_line = [], ch, line
            elif current is not None:
                current.append(ch)
            elif not ch.isspace():
                current, marker, start_line = [ch], "", line
            if ch == "\n":
                line += 1
        if current is not None:
            out.append((marker, "".join(current), start_line))
        return out

    def _multichoice(self, q: GiftQuestion, body: str, answer_line: int) -> GiftQuestion | None:
        q.kind = "multichoice"
        q.single = "=" in body
        for marker, raw, line in self._answers(body, "=~", answer_line):
            if marker == "":
                self.error(line, f"'{_clean(raw)[:40]}' stands before the first answer: begin each answer with = (right) or ~ (wrong)")
                return None
            # Moodle reads no weight after "="
            weight, raw = _weighted(raw, 0.0) if marker == "~" else (1.0, raw.strip())
            text, fb = _feedback_split(raw)
            q.answers.append(GiftAnswer(_clean(_split_format(text)[1]), weight, fb, line, marker))
        if len(q.answers) < 2:
            self.error(answer_line, "a multiple-choice question needs at least two answers")
            return None
        return q

    def _matching(self, q: GiftQuestion, body: str, answer_line: int) -> GiftQuestion | None:
        q.kind = "matching"
        for marker, raw, line in self._answers(body, "=", answer_line):
            if "->" not in raw:
                self.error(line, f"matching pair '{_clean(raw)[:40]}' needs '->' between the item and its match")
                return None
            left, right = raw.split("->", 1)
            left = _clean(_split_format(left)[1])
            # Feedback starts at an unescaped '#', found before unescaping: "\#1" is the text "#1".
            right, fb = _feedback_split(right)
            if fb:
                self.warn(line, "feedback on a matching pair has no place in courseforge — left out")
            right = _clean(right)
            if not right:
                self.error(line, "matching pair has nothing after '->'")
                return None
            q.pairs.append((left, right, line))
        if sum(1 for left, _, _ in q.pairs if left) < 2:
            self.error(answer_line, "a matching question needs at least two pairs 'item -> match'")
            return None
        return q

    def _ordering(self, q: GiftQuestion, body: str, answer_line: int) -> GiftQuestion | None:
        """Moodle's ordering question: ``{>COUNT [SELECT] [LAYOUT] [GRADING] [SHOW] [NUMBERING]``, then one
        item per line in the right order (``qtype_ordering::import_from_gift``)."""
        m = ORDERING_RE.match(body)
        if not m:
            self.error(answer_line, "'{>' starts an ordering question: write the number of items to show next, "
                       "like {>4 ALL VERTICAL ABSOLUTE_POSITION SHOW none, then one item per line")
            return None
        q.kind = "ordering"
        count, select, _layout, grading, _show, _numbering, rest = m.groups()
        line = answer_line + body[:m.start(7)].count("\n")
        for raw in rest.split("\n"):
            text = _clean(raw)
            if text:
                q.items.append((text, line))
            line += 1
        if len(q.items) < 2:
            self.error(answer_line, "an ordering question needs at least two items, one per line")
            return None
        if select and select.upper() not in ("ALL", "EXACT") and int(count) < len(q.items):
            self.warn(answer_line, f"Moodle shows {count} of the {len(q.items)} items; courseforge shows them all")
        if grading and grading.upper() not in ("ABSOLUTE_POSITION", "ABSOLUTE", "ABS"):
            self.warn(answer_line, f"graded {grading} in Moodle; courseforge gives each item in its right place "
                      "its share (Moodle's ABSOLUTE_POSITION)")
        return q

    def _truefalse(self, q: GiftQuestion, body: str, tf: str) -> GiftQuestion:
        q.kind = "truefalse"
        q.tf_answer = tf in ("T", "TRUE")
        bits = body.split("#", 2)
        if len(bits) > 1:
            q.tf_wrong_feedback = _clean(_split_format(bits[1])[1]) or None
        if len(bits) > 2:
            q.tf_right_feedback = _clean(_split_format(bits[2])[1]) or None
        return q

    def _shortanswer(self, q: GiftQuestion, body: str, answer_line: int) -> GiftQuestion | None:
        q.kind = "shortanswer"
        for marker, raw, line in self._answers(body, "=", answer_line):
            weight, raw = _weighted(raw, 1.0)
            text, fb = _feedback_split(raw)
            text = _clean(_split_format(text)[1])
            if not text:
                self.error(line, "an empty accepted answer; write the answer after '='")
                return None
            q.answers.append(GiftAnswer(text, weight, fb, line, marker or "="))
        if not q.answers:
            self.error(answer_line, "a short-answer question needs at least one answer")
            return None
        return q

    def _numerical(self, q: GiftQuestion, body: str, answer_line: int) -> GiftQuestion | None:
        q.kind = "numerical"
        wrong_fb = None
        if "~" in body:
            body, wrong = body.split("~", 1)
            wrong_fb = _feedback_split(wrong)[1]
        entries = self._answers(body, "=", answer_line)
        if not entries:
            self.error(answer_line, "a numerical question needs a number after '{#', like {#42} or {#42:0.5}")
            return None
        for marker, raw, line in entries:
            weight, raw = _weighted(raw, 1.0)
            text, fb = _feedback_split(raw)
            text = unescape(text).strip()
            try:
                if ".." in text:
                    lo, hi = (float(x) for x in text.split("..", 1))
                    value, tol = _num((lo + hi) / 2), _num((hi - lo) / 2)
                elif ":" in text:
                    a, b = text.split(":", 1)
                    value, tol = float(a), float(b)
                else:
                    value, tol = float(text), 0.0
            except ValueError:
                self.error(line, f"'{text}' is not a number; write {{#answer}}, {{#answer:margin}} or {{#min..max}}")
                return None
            if tol < 0:
                self.error(line, f"the margin in '{text}' is negative")
                return None
            q.numbers.append((value, tol, weight, fb, line))
        if wrong_fb:
            q.answers.append(GiftAnswer("*", 0.0, wrong_fb, answer_line, "~"))
        return q


def parse_gift(text: str, path: str = "<gift>") -> tuple[list[GiftQuestion], list[Diagnostic]]:
    """Parse GIFT text: questions plus diagnostics (errors and warnings), each naming path:line."""
    parser = GiftParser(text, path)
    questions = parser.parse()
    return questions, sorted(parser.errors + parser.warnings, key=lambda d: (d.line, d.severity != "error"))


# ---------------------------------------------------------------- to the quiz model

def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return s[:60].strip("-")


def _letters(n: int) -> list[str]:
    out = []
    for i in range(n):
        s = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            s = chr(97 + r) + s
        out.append(s)
    return out


@dataclass
class ImportOptions:
    module: str | None = None  # put every question in one quiz for this module
    quiz_id: str | None = None
    source: SourceRef | None = None
    mode: str = "practice"
    pass_mark: float = 70


# qtype_ordering's GIFT header; every part but the count is optional, in this order
ORDERING_RE = re.compile(
    r">\s*(\d+)\s*(ALL|EXACT|RANDOM|REL|CONTIGUOUS|CONTIG)?\s*(HORIZONTAL|HORI|H|1|VERTICAL|VERT|V|0)?\s*"
    r"(ALL_OR_NOTHING|ABSOLUTE_POSITION|ABSOLUTE|ABS|RELATIVE_NEXT_EXCLUDE_LAST|RELATIVE_NEXT_INCLUDE_LAST|"
    r"RELATIVE_ONE_PREVIOUS_AND_NEXT|RELATIVE_ALL_PREVIOUS_AND_NEXT|RELATIVE_TO_CORRECT|RELATIVE|REL|"
    r"LONGEST_ORDERED_SUBSET|LONGEST_CONTIGUOUS_SUBSET)?\s*(SHOW|TRUE|YES|1|HIDE|FALSE|NO|0)?\s*"
    r"(none|123|abc|ABCD|iii|IIII)?[ \t]*\n?(.*?)\s*$", re.S)
UNIT_RE = re.compile(r"^(?P<prompt>.*\S)\s+\(answer in (?P<unit>[^()]+)\)$", re.S)


def _convert(g: GiftQuestion, qid: str, source: SourceRef, warn) -> object | None:
    # courseforge's export writes the Bloom level as the tag "bloom-<level>"
    bloom = next((t[6:] for t in g.tags if t.startswith("bloom-") and t[6:] in BLOOM_LEVELS), None)
    tags = [t for t in g.tags if t != f"bloom-{bloom}"]
    common = dict(id=qid, prompt=g.prompt, explanation=g.general_feedback, source=source, tags=tags,
                  bloom=bloom, line=g.line)
    if g.format == "html":
        warn(g.line, "the prompt is HTML; courseforge keeps it as is (Markdown allows HTML) — check how it reads")
    if g.kind == "multichoice":
        ids = _letters(len(g.answers))
        if g.single:
            rights = [a for a in g.answers if a.weight >= 1]
            partial = [a for a in g.answers if 0 < a.weight < 1]
            for a in partial:
                warn(a.line, f"partial credit ({a.weight:.0%}) for '{a.text[:40]}' cannot be kept: counted as wrong")
            if len(rights) != 1:
                warn(g.line, f"{len(rights)} answers marked '=': a single-choice question needs exactly one — "
                     "imported as multiple choice")
                opts = [Option(i, a.text, a.weight > 0, a.feedback) for i, a in zip(ids, g.answers)]
                return MultipleChoice(options=opts, **common)
            opts = [Option(i, a.text, a.weight >= 1, a.feedback) for i, a in zip(ids, g.answers)]
            return SingleChoice(options=opts, **common)
        positive = [a.weight for a in g.answers if a.weight > 0]
        if not positive:
            warn(g.line, "no answer has a positive weight, so none is right — mark the right ones with ~%50% etc.")
        elif abs(sum(positive) - 1) > 0.02 or max(positive) - min(positive) > 0.02:
            warn(g.line, "the right answers have unequal weights; courseforge scores every right choice the same")
        opts = [Option(i, a.text, a.weight > 0, a.feedback) for i, a in zip(ids, g.answers)]
        return MultipleChoice(options=opts, **common)
    if g.kind == "truefalse":
        right, wrong = g.tf_right_feedback, g.tf_wrong_feedback
        fb_true, fb_false = (right, wrong) if g.tf_answer else (wrong, right)
        return TrueFalse(answer=bool(g.tf_answer), feedback_true=fb_true, feedback_false=fb_false, **common)
    if g.kind == "shortanswer":
        kept = [a.text for a in g.answers if a.weight >= 1]
        for a in g.answers:
            if a.weight < 1:
                warn(a.line, f"'{a.text[:40]}' gives {a.weight:.0%} credit; courseforge accepts only fully right "
                     "answers — left out")
            if a.feedback:
                warn(a.line, f"feedback on the answer '{a.text[:40]}' has no place in a fill-in-the-blank question — left out")
        if not kept:
            warn(g.line, "no answer gives full credit — imported with none; add the accepted answers")
        if BLANK not in common["prompt"]:
            common["prompt"] = common["prompt"].rstrip() + " " + BLANK
        return FillBlank(answers=kept, **common)
    if g.kind == "numerical":
        best = [n for n in g.numbers if n[2] >= 1] or g.numbers
        value, tol, _w, fb, _line = best[0]
        for n in g.numbers:
            if n is not best[0]:
                warn(n[4], f"the extra answer {n[0]:g} ({n[2]:.0%} credit) cannot be kept: courseforge takes one "
                     "number with a margin — left out")
        if fb or any(n[3] for n in g.numbers) or g.answers:
            warn(g.line, "feedback on numerical answers has no place in courseforge — left out; "
                 "put it in the explanation")
        unit = None
        m = UNIT_RE.match(common["prompt"])  # the unit courseforge's export adds to the prompt
        if m:
            common["prompt"], unit = m.group("prompt"), m.group("unit").strip()
        return Numeric(answer=value, tolerance=tol, unit=unit, **common)
    if g.kind == "ordering":
        return Ordering(items=[Item(f"i{n}", text) for n, (text, _line) in enumerate(g.items, start=1)], **common)
    if g.kind == "matching":
        lefts = [(l, r) for l, r, _ in g.pairs if l]
        extra = [r for l, r, _ in g.pairs if not l]
        pairs = [Pair(f"p{i}", l, r) for i, (l, r) in enumerate(lefts, start=1)]
        distractors = [Distractor(f"x{i}", r) for i, r in enumerate(extra, start=1)]
        return Matching(pairs=pairs, distractors=distractors, **common)
    return None


def to_quizzes(questions: list[GiftQuestion], path: str, options: ImportOptions | None = None
               ) -> tuple[list[Quiz], list[Diagnostic]]:
    """Group parsed questions into quizzes.

    Questions named ``quiz-id/question-id`` (as courseforge exports them) go
    back to that quiz; otherwise each ``$CATEGORY`` becomes one quiz whose id
    is the category's last level. ``options.module`` puts everything in one
    quiz for that module.
    """
    options = options or ImportOptions()
    diags: list[Diagnostic] = []
    stem = slug(Path(path).stem) or "imported"

    def warn(line: int, message: str) -> None:
        diags.append(Diagnostic(path, line, 0, message, severity="warning"))

    groups: dict[str, dict] = {}
    for g in questions:
        name = g.idnumber or g.name or ""
        quiz_id = qid = None
        if "/" in name:
            a, b = name.rsplit("/", 1)
            if ID_RE.match(a) and ID_RE.match(b):
                quiz_id, qid = a, b
        module = None
        category_last = None
        if g.category:
            # "//" is a literal slash inside one level of a Moodle category path
            levels = [p.replace("\0", "/") for p in g.category.replace("//", "\0").split("/")]
            category_last = levels[-1].strip() if levels else None
        if options.module:
            module = options.module
            quiz_id = options.quiz_id or options.module
        elif quiz_id is None:
            quiz_id = options.quiz_id or slug(category_last or "") or stem
        if module is None:
            # courseforge's export names the category after the module id, a slug already
            module = slug(category_last or "") or quiz_id
        title = g.quiz_hint[1] if g.quiz_hint and g.quiz_hint[0] == quiz_id else (category_last or quiz_id)
        group = groups.setdefault(quiz_id, {"module": module, "title": title, "questions": [], "ids": set()})
        if qid is None or qid in group["ids"]:
            # A Moodle name becomes the id ("Grants tomb" -> grants-tomb); unnamed questions are q1, q2 ...
            base = slug(g.name or "") or f"q{len(group['questions']) + 1}"
            qid, n = base, 2
            while qid in group["ids"]:
                qid, n = f"{base}-{n}", n + 1
        group["ids"].add(qid)
        source = g.source or options.source or SourceRef(IMPORTED_DOC, f"{stem}-{g.line}")
        q = _convert(g, qid, source, warn)
        if q is not None:
            group["questions"].append(q)
    quizzes = [
        Quiz(id=qz_id, module=grp["module"], title=grp["title"], mode=options.mode, pass_mark=options.pass_mark,
             questions=grp["questions"])
        for qz_id, grp in groups.items() if grp["questions"]
    ]
    return quizzes, diags


def needs_source(quiz: Quiz) -> list[str]:
    """Ids of questions still carrying the ``imported`` placeholder source."""
    return [q.id for q in quiz.questions if q.source.doc == IMPORTED_DOC]
