"""Certificate verification codes: which submission a learner's certificate stands for.

When a learner downloads an assessment with every question answered, the site
prints on the certificate a code derived from that submission: its course,
quiz, quiz version, learner id, time and answers. ``courseforge grade
--verify CODE`` computes the same code for every submission it reads and says
which one matches, with its grade. The code proves nothing the trainer does
not hold: it ties a certificate to one of the submissions the trainer
collected, so that a certificate showing another learner's code, or one
made up, matches nothing or names someone else.

The code is the first 50 bits of the SHA-256 of the canonical text below, in
Crockford's base 32 (digits and capital letters without I, L, O, U), as two
groups of five: ``7K3QD-M2X9A``. When reading a code typed by a person, case,
spaces and hyphens do not matter, and O reads 0, I and L read 1.

The canonical text is the JSON array ``["courseforge-certificate/1", course,
quiz, quiz_version, learner id, submitted_at, answers]`` with object keys
sorted, no spaces, non-ASCII characters as themselves and numbers written as
JavaScript writes them (quiz.js computes the code in the browser from the
same values; tests/browser/test_certificate.py holds the two to each other).
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from typing import Any

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
TAG = "courseforge-certificate/1"
_TYPED = str.maketrans({"O": "0", "I": "1", "L": "1"})


def js_number(x: float | int) -> str:
    """A number as JavaScript's ``String(x)`` writes it (``1e21`` is ``"1e+21"``, ``1e-7`` is ``"1e-7"``)."""
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        x = float(x) if abs(x) >= 10 ** 21 else x
        if isinstance(x, int):
            return str(x)
    if not math.isfinite(x):
        return "null"  # as JSON.stringify writes them
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    # The shortest digits that read back as x (Python's repr), and the point's place n (ECMA-262 Number::toString).
    r = repr(abs(x))
    if "e" in r:
        digits_part, e = r.split("e")
        e = int(e)
    else:
        digits_part, e = r, 0
    if "." in digits_part:
        whole, frac = digits_part.split(".")
    else:
        whole, frac = digits_part, ""
    digits = (whole + frac).lstrip("0")
    lead = len(whole + frac) - len((whole + frac).lstrip("0"))
    n = len(whole) + e - lead
    digits = digits.rstrip("0") or "0"
    k = len(digits)
    if k <= n <= 21:
        out = digits + "0" * (n - k)
    elif 0 < n <= 21:
        out = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        out = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        out = digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return sign + out


def _canonical(value: Any) -> str:
    if value is None or value is True or value is False:
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return js_number(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ",".join(_canonical(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(str(k), ensure_ascii=False)}:{_canonical(v)}"
                              for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))) + "}"
    return json.dumps(str(value), ensure_ascii=False)


def canonical_text(submission: dict) -> str:
    learner = submission.get("learner") if isinstance(submission.get("learner"), dict) else {}
    return _canonical([TAG, submission.get("course"), submission.get("quiz"), submission.get("quiz_version"),
                       learner.get("id"), submission.get("submitted_at"), submission.get("answers")])


def verification_code(submission: dict) -> str:
    """The certificate code of a submission as the site downloads it."""
    digest = int.from_bytes(hashlib.sha256(canonical_text(submission).encode("utf-8")).digest()[:7], "big") >> 6
    chars = "".join(ALPHABET[(digest >> (5 * i)) & 31] for i in range(9, -1, -1))
    return f"{chars[:5]}-{chars[5:]}"


def normalise_code(typed: str) -> str | None:
    """``7k3qd m2x9a`` → ``7K3QD-M2X9A``; None when it cannot be a code (wrong length or letters)."""
    chars = "".join(c for c in typed.upper() if c not in " -\t").translate(_TYPED)
    if len(chars) != 10 or any(c not in ALPHABET for c in chars):
        return None
    return f"{chars[:5]}-{chars[5:]}"


@dataclass
class Match:
    file: str
    where: Any
    learner_id: str
    learner_name: str
    quiz: str
    quiz_title: str
    submitted_at: str
    score: float
    max_score: float
    percent: float
    passed: bool
    unanswered: list[str]


def find(code: str, files: list[tuple[str, str, str]], keys: dict, course_id: str | None) -> tuple[list[Match], int]:
    """Every graded submission among ``files`` whose code is ``code``, and how many were looked at."""
    from .inputs import read_records
    from .validate import Rejected, check_submission

    matches, seen = [], 0
    for kind, file, where, data, _ in read_records(files):
        if kind != "json" or not isinstance(data, dict):
            continue  # CSV rows and errors: the site never downloads them, so no certificate stands for them
        seen += 1
        if verification_code(data) != code:
            continue
        try:
            graded = check_submission(data, keys, course_id)
        except Rejected:
            continue
        key = graded.quiz
        percent = key.percent(graded.score)
        matches.append(Match(file, where, graded.learner_id, graded.learner_name, key.id, key.quiz.title,
                             graded.submitted_at, graded.score, key.max, percent, key.passed(percent),
                             graded.unanswered))
    return matches, seen
