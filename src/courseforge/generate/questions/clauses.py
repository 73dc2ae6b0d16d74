"""Clauses of resolutions and preambles, read as the sentences they are.

A resolution is one long sentence: "The General Assembly, / Recalling ..., /
Noting with concern that ..., / 1. Urges Member States to ...; / 2. Requests
...". Each clause is a paragraph that ends with a comma or a semicolon and
whose subject is the body named at the top. A learner reads a clause as a
sentence with its subject: "The General Assembly urges Member States to ...".
A :class:`Reading` makes that sentence from the clause and takes it back, so
every check still compares the source's own words.

Preambles of treaties ("Whereas ...,") read without a subject: "Whereas
recognition of ... is the foundation ...," -> "Recognition of ... is the foundation ...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening words of preambular clauses, with the verb a sentence uses instead:
# "Recalling" -> "recall", "Deeply concerned" -> "be deeply concerned".
_PREAMBLE_VERBS = {
    "Acknowledging": "acknowledge", "Affirming": "affirm", "Appreciating": "appreciate", "Bearing": "bear",
    "Believing": "believe", "Commending": "commend", "Considering": "consider", "Desiring": "desire",
    "Emphasizing": "emphasize", "Emphasising": "emphasise", "Encouraging": "encourage", "Expressing": "express",
    "Having": "have", "Highlighting": "highlight", "Underlining": "underline", "Noting": "note",
    "Observing": "observe", "Reaffirming": "reaffirm", "Recalling": "recall", "Recognizing": "recognize",
    "Recognising": "recognise", "Reiterating": "reiterate", "Seeking": "seek", "Stressing": "stress",
    "Taking": "take", "Underscoring": "underscore", "Welcoming": "welcome", "Referring": "refer",
    "Endorsing": "endorse", "Regretting": "regret", "Deploring": "deplore", "Wishing": "wish",
}
_PREAMBLE_STATES = ("Aware", "Conscious", "Concerned", "Convinced", "Determined", "Mindful", "Alarmed",
                    "Guided", "Encouraged", "Disturbed", "Gratified", "Cognizant", "Confident", "Persuaded",
                    "Resolved", "Satisfied", "Fully aware", "Deeply concerned", "Gravely concerned",
                    "Seriously concerned", "Deeply convinced", "Firmly convinced")
_ADVERB = r"(?:Also|Further|Again|Strongly|Once again|Further also|Finally|Also further)"
# An operative clause opens with its verb, third person: "Urges", "Calls upon", "Also requests".
_OPERATIVE_VERBS = frozenset("""urges calls requests decides encourages invites recommends reaffirms welcomes
    takes emphasizes emphasises stresses notes adopts approves declares condemns expresses affirms recognizes
    recognises underlines underscores acknowledges appeals authorizes authorises endorses commends reiterates
    proclaims designates demands deplores regrets supports urges encourages agrees resolves considers
    invites notes believes""".split())
# The subject line at the top of a resolution: "The General Assembly,".
_SUBJECT = re.compile(r"^(The\s+[A-Z][\w’'-]*(?:\s+(?:of|for|on|and|the|[A-Z][\w’'-]*)){0,8}),$")


@dataclass(frozen=True)
class Reading:
    """How one clause reads as a sentence: its opening words as written and as
    read, and the mark that ends it."""

    said_head: str  # "Urges", "Noting with deep concern", "Whereas"
    read_head: str  # "The Regional Health Assembly urges", "The Regional Health Assembly notes with deep concern", ""
    said_end: str  # "," ";" or "."
    subject: str = ""  # "The Regional Health Assembly"

    def read(self, clause: str) -> str:
        rest = clause[len(self.said_head):].rstrip()
        rest = rest[:-1] if rest.endswith(self.said_end) else rest
        if self.read_head:
            return f"{self.read_head}{rest}."
        rest = rest.lstrip(" ,")
        return rest[:1].upper() + rest[1:] + "."

    def unread(self, text: str) -> str:
        """The clause's own words back from a sentence :meth:`read` made (or one a
        question changed after the head); any other text is returned unchanged."""
        if self.read_head:
            if not text.startswith(self.read_head):
                return text
            rest = text[len(self.read_head):]
        else:
            if not text[:1].isupper():
                return text
            rest = " " + text[:1].lower() + text[1:]
        if rest.endswith("."):
            rest = rest[:-1] + self.said_end
        return self.said_head + rest


def _third_person(verb: str, plural: bool) -> str:
    if plural:
        return verb
    if verb == "have":
        return "has"
    if verb == "be":
        return "is"
    return verb + ("es" if re.search(r"(?:s|sh|ch|x|z|o)$", verb) else "s")


def reading_of(clause: str, subject: str) -> Reading | None:
    """The reading of one clause under ``subject`` (empty when the document names none)."""
    text = clause.strip()
    if not text or text[-1] not in ",;.:":
        return None
    end = text[-1]
    if text.startswith("Whereas "):
        return Reading("Whereas", "", end)
    if not subject:
        return None
    plural = bool(re.search(r"s\b", subject.split(",")[0].split()[-1])) and not subject.endswith(("ss", "us"))
    plural = plural or subject.split()[1:2] in (["States"], ["Parties"], ["Governments"])
    first = text.split()[0]
    if first in _PREAMBLE_VERBS:
        verb = _third_person(_PREAMBLE_VERBS[first], plural)
        return Reading(first, f"{subject} {verb}", end, subject)
    for state in sorted(_PREAMBLE_STATES, key=len, reverse=True):
        if text.startswith(state + " "):
            be = "are" if plural else "is"
            return Reading(state, f"{subject} {be} {state[:1].lower()}{state[1:]}", end, subject)
    m = re.match(rf"^((?:{_ADVERB}\s+)?)([A-Za-z][a-z]+)\b", text)
    if m and m.group(2).lower() in _OPERATIVE_VERBS and end in ";.:" and (m.group(1) or m.group(2)[0].isupper()):
        head = m.group(0)
        adverb, verb = m.group(1).strip(), m.group(2).lower()
        if plural:
            verb = verb[:-2] if verb.endswith(("sses", "shes", "ches", "xes")) else verb[:-1]
        read = f"{subject} {adverb.lower() + ' ' if adverb else ''}{verb}"
        return Reading(head, read, end, subject)
    return None


def readings(paragraphs: list[tuple[str, str]]) -> dict[str, Reading]:
    """Paragraph id -> reading, for the clauses of one document's paragraphs
    ``[(id, text)]`` in reading order: those after a subject line, and "Whereas" clauses."""
    out: dict[str, Reading] = {}
    subject = ""
    lead = ""  # "The Assembly requests the Director": the clause ending in ":" its items complete
    for pid, text in paragraphs:
        text = text.strip()
        m = _SUBJECT.match(text)
        if m and len(m.group(1).split()) <= 10:
            subject, lead = m.group(1), ""
            continue
        if lead and text[:1].islower() and text[-1:] in ",;.":
            # "(a) to support Member States ...;" under "Requests the Director:"
            out[pid] = Reading("", lead + " ", text[-1], subject)
            continue
        r = reading_of(text, subject)
        lead = ""
        if r is not None and r.said_end == ":":
            lead = r.read(text)[:-1]  # its items are read with it; the clause itself is no statement
        elif r is not None:
            out[pid] = r
    return out
