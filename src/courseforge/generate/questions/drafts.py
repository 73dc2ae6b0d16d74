"""What a candidate question is made of: the paragraph and sentence it comes
from, the span it blanks, and the candidate itself with its score and place.

The drafting methods of :class:`.candidates.Builder` take and return these
values, so that each says what it works on rather than taking its parts one
by one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from courseforge.quiz.model import BLANK, SourceRef
from courseforge.sources.model import Paragraph


@dataclass
class Candidate:
    """A drafted question, how selection weighs it and where it goes in the quiz."""

    question: object
    score: float
    group: str  # the sentence (or paragraph) it is built on: one question per group
    order: tuple[int, int]  # passage rank, sentence index: the quiz follows reading order
    variant: str = ""  # "true" / "false" for true/false statements
    # the sentence groups a paragraph question draws on: a quiz with an ordering
    # of a paragraph's events asks nothing else on those sentences
    covers: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceParagraph:
    """A paragraph of the module's passages, as questions are drafted from it."""

    doc: str
    para: Paragraph
    rank: int  # its place among the module's passages, best first

    @cached_property
    def src(self) -> SourceRef:
        return SourceRef(self.doc, self.para.id)

    @property
    def text(self) -> str:
        return self.para.text

    @property
    def order(self) -> tuple[int, int]:
        """Where a question on the whole paragraph goes in the quiz: before its sentences' questions."""
        return (self.rank, -1)

    def group(self, part: str) -> str:
        """The group of a question on one part of the whole paragraph ("acronyms", "events")."""
        return f"{self.doc}|{self.para.id}|{part}"


@dataclass(frozen=True)
class SourceSentence:
    """The sentence a question comes from, as the learner reads it."""

    paragraph: SourceParagraph
    index: int  # its place in the paragraph
    # what the learner reads: the source's words, with the name a leading "It"
    # stands for inserted in brackets, or a resolution's clause with its subject
    text: str
    base: float  # how good a source of questions it is: its length and punctuation, its paragraph's rank

    @property
    def src(self) -> SourceRef:
        return self.paragraph.src

    @cached_property
    def group(self) -> str:
        """One question per sentence: the group every question on it shares."""
        return f"{self.paragraph.doc}|{self.paragraph.para.id}|{self.index}"

    @property
    def order(self) -> tuple[int, int]:
        return (self.paragraph.rank, self.index)


class Span(NamedTuple):
    """A span of a sentence worth blanking."""

    kind: str  # "year", "number", "number-word", "acronym", "name", "term"
    start: int
    end: int


@dataclass(frozen=True)
class Blank:
    """A span of a source sentence blanked out: the stem a question shows and the key it asks for."""

    sentence: SourceSentence
    start: int
    end: int

    @property
    def key(self) -> str:
        return self.sentence.text[self.start : self.end]

    @cached_property
    def stem(self) -> str:
        s = self.sentence.text
        return s[: self.start] + BLANK + s[self.end :]
