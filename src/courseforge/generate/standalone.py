"""Sentences a page can show on their own, out of their paragraph.

Key facts, takeaways and timeline entries quote one sentence each; a reader
sees it without the sentences around it. A sentence that opens with "And"
loses nothing when the word goes; one that opens with "It" needs its
referent, which is named in brackets the way the quiz drafts do ("It [the
International Organization for Migration] currently has ...") when the
paragraph, its section heading or the paragraph before names exactly one
body. Anything else that leans on its neighbours is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from ..sources.model import Corpus, Paragraph
from . import prose

# Additive openers: the sentence says the same without them. Contrast and
# consequence ("However", "Therefore", "Yet") refer to what came before, so
# such sentences are skipped rather than stripped.
_CONNECTIVE = re.compile(r"^(?:(?:And|But|Also|Moreover|Furthermore|In addition|Besides|Indeed)(?:\s*,)?|Then\s*,)\s+(?=\S)")
# A section number left on the sentence: "II-An integrated approach ...".
_ENUMERATOR = re.compile(r"^[IVX]{1,4}\s*[-–.)]\s*(?=[A-Z][a-z])")
# A frame around the statement: "It should be noted that X" says X.
_FRAME = re.compile(r"^It\s+(?:should|must|might|may|can|could)\s+be\s+(?:noted|recalled|remembered|stressed|"
                    r"emphasi[sz]ed|underlined|mentioned|observed)\s+that\s+(?=\S)")
# "It is ..." and its kin are usually expletive ("It is estimated that"): no referent to name.
_EXPLETIVE = re.compile(r"^It\s+(?:is|was|has been|seems|appears|would|might|could|may|should|must|will)\b")
_IT = re.compile(r"^It\s+(?=[a-z])")
# "..., it launched", "...: within their framework": a clause whose subject
# or owner is someone named before the sentence
_CLAUSE_PRONOUN = re.compile(r",\s+(?:it|they|he|she)\s"
                             r"|[:;]\s+(?:(?:in|within|for|on|by|through|with|at|under)\s+)?(?:its|their)\s")
# Bodies too common to be the one a pronoun stands for.
_TOO_COMMON = frozenset({"United Nations", "UN", "General Assembly of the United Nations"})


def strip_connective(sentence: str) -> str:
    """The sentence without a leading additive connective or a frame such as
    "It should be noted that", capitalised again."""
    for pattern in (_ENUMERATOR, _CONNECTIVE, _FRAME):
        m = pattern.match(sentence)
        if m:
            rest = sentence[m.end():]
            sentence = rest[:1].upper() + rest[1:]
    return sentence


def opens_alone(sentence: str) -> bool:
    """No leading pronoun, connective or back-reference ("It", "And", "The Forum")."""
    probe = read_resolved(sentence)
    s = probe.strip().lstrip(prose.QUOTES + "-–—•* ")
    return bool(s) and s[0].isupper() and not (
        prose.leans_back(s)
        # "On 22 November, it launched ...": the subject is someone named before
        or _CLAUSE_PRONOUN.search(s))


def _strict(sentence: str) -> bool:
    return prose.self_contained(sentence) and not _CLAUSE_PRONOUN.search(sentence)


def read_resolved(text: str) -> str:
    """How a reader takes "It [the IOM] has": "The IOM has"."""
    m = re.match(r"^It \[(?:the )?([^\[\]]+)\]", text)
    return "The " + m.group(1) + text[m.end():] if m else text


@dataclass(frozen=True)
class Body:
    name: str
    acronym: str = ""


@dataclass
class Standalone:
    """Makes sentences of a corpus stand alone, given the bodies it names."""

    corpus: Corpus
    bodies: list[Body]
    _context: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.bodies = [b for b in self.bodies if b.name not in _TOO_COMMON]
        self._name_re = [(b, re.compile(r"(?<![\w-])" + re.escape(b.name) + r"(?![\w-])")) for b in self.bodies]
        self._acr_re = [(b, re.compile(r"(?<![\w/.-])" + re.escape(b.acronym) + r"(?![\w/.-])"))
                        for b in self.bodies if b.acronym and b.acronym not in _TOO_COMMON]
        for d in self.corpus.documents:
            for s in d.sections:
                prev: Paragraph | None = None
                for p in s.paragraphs:
                    self._context[d.id, p.id] = (s.title or "", prev.text if prev else "")
                    prev = p

    def bodies_in(self, text: str) -> list[str]:
        """Full names of the bodies ``text`` names (by name or acronym); a name
        inside a longer one counts once."""
        if not text:
            return []
        found = {b.name for b, r in self._name_re if b.name in text and r.search(text)}
        found |= {b.name for b, r in self._acr_re if b.acronym in text and r.search(text)}
        return sorted(n for n in found if not any(n != o and n in o for o in found))

    def referent(self, doc: str, para: str, before: str = "") -> str | None:
        """The one body a leading "it" can stand for: named in the paragraph so
        far or its section heading, else in the paragraph before; None when
        that is not certain."""
        title, prev = self._context.get((doc, para), ("", ""))
        names = set(self.bodies_in(before)) | set(self.bodies_in(title))
        if not names:
            names = set(self.bodies_in(prev))
        return names.pop() if len(names) == 1 else None

    def sentence(self, doc: str, para: str, sentence: str, *, strict: bool = True) -> str | None:
        """``sentence`` as it can be shown alone, or None.

        ``strict`` also refuses "this", "such" and the like inside the
        sentence (prose.self_contained); otherwise only its opening counts."""
        s = " ".join(sentence.split())
        s = strip_connective(s)
        ok = _strict if strict else opens_alone
        if ok(s):
            return s
        if _IT.match(s) and not _EXPLETIVE.match(s):
            p = self.corpus.paragraph(doc, para)
            text = " ".join(p.text.split()) if p else ""
            at = text.find(s[3:])  # the sentence after "It " (a stripped connective may precede it)
            name = self.referent(doc, para, text[:max(at, 0)])
            if name:
                resolved = f"It [the {name}]{s[2:]}"
                if ok(read_resolved(resolved)):
                    return resolved
        return None

    def opening_referent(self, doc: str, para: str) -> str | None:
        """For a paragraph whose first sentence does not open alone: the body
        it is about, when certain (a reading then gets "On the ...:" above it)."""
        p = self.corpus.paragraph(doc, para)
        if not p:
            return None
        first = (prose.sentences(p.text) or [""])[0]
        if not re.search(r"\b(?:it|its|it[’']s)\b", first, re.I):
            return None
        return self.referent(doc, para)


def standalone_for(corpus: Corpus, actors: Iterable) -> Standalone:
    return Standalone(corpus, [Body(a.name, a.acronym or "") for a in actors])
