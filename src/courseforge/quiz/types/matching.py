"""``matching``: left-hand terms each matched to a right, with optional extra rights."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..alias import public_alias
from ..fields import ID, TEXT, Field, Objects
from .base import Question, QuestionType
from .marking import AnswerError, Marker, kind, show, split_cell


@dataclass
class Pair:
    id: str
    left: str
    right: str


@dataclass
class Distractor:
    id: str
    text: str


PAIR = (
    Field("id", ID, True, "Pair id, unique in the question.", example="id: p1"),
    Field("left", TEXT, True, "The term on the left.", example="left: the term on the left"),
    Field("right", TEXT, True, "Its match on the right.", example="right: its match on the right"),
)

DISTRACTOR = (
    Field("id", ID, True, "Distractor id, unique in the question and different from the pair ids.",
          example="id: x1"),
    Field("text", TEXT, True, "An extra choice on the right that matches no left.", example="text: a right-hand choice that matches no left"),
)


@dataclass(kw_only=True)
class Matching(Question):
    type: ClassVar[str] = "matching"
    pairs: list[Pair]
    distractors: list[Distractor] = field(default_factory=list)

    @property
    def key(self) -> dict[str, str]:
        return {p.id: p.id for p in self.pairs}


class MatchingType(QuestionType):
    name = "matching"
    model = Matching
    fields = (
        Field("pairs", Objects("pair", min_items=2), True, "Left-right pairs; at least 2.",
              example="pairs:\n  - {id: p1, left: ..., right: ...}"),
        Field("distractors", Objects("distractor"), False, "Extra rights that match no left."),
    )
    parts = {"pair": (Pair, PAIR), "distractor": (Distractor, DISTRACTOR)}

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    def check(self, vals, what, reader):
        if "pairs" not in vals:
            return
        # Answers name a right by its pair's id or by a distractor's id: the two must not overlap.
        pair_ids = {v["id"][0] for v, _ in vals["pairs"][0] if v and "id" in v}
        for v, _ in vals.get("distractors", ([], None))[0]:
            if v and "id" in v and v["id"][0] in pair_ids:
                reader.error(v["id"][1], f"distractor id '{v['id'][0]}' of {what} is also a pair id: answers "
                                         "name rights by id, so give the distractor its own id")
        rights = [(v["right"][0], v["right"][1]) for v, _ in vals["pairs"][0] if v and "right" in v]
        rights += [(v["text"][0], v["text"][1]) for v, _ in vals.get("distractors", ([], None))[0]
                   if v and "text" in v]
        reader.unique_values(rights, "right-hand text", what)
        reader.unique_texts(vals["pairs"][0], "left", "pair", what)

    def data(self, q):
        d = {"pairs": [{"id": p.id, "left": p.left, "right": p.right} for p in q.pairs]}
        if q.distractors:
            d["distractors"] = [{"id": x.id, "text": x.text} for x in q.distractors]
        return d

    # --- the browser's view of a question (quiz.public) ---
    def public(self, q: Matching, with_key: bool) -> dict[str, Any]:
        rights = [{"id": public_alias(q, p.right), "text": p.right} for p in q.pairs] + [
            {"id": public_alias(q, d.text), "text": d.text} for d in q.distractors
        ]
        out: dict[str, Any] = {
            "lefts": [{"id": p.id, "text": p.left} for p in q.pairs],
            # Rights are offered sorted by text, under aliases: neither their order
            # nor their ids may mirror the lefts' (a right named by its pair id
            # would tell every learner which left it belongs to).
            "rights": sorted(rights, key=lambda r: (r["text"].casefold(), r["id"])),
        }
        if with_key:
            out["key"] = {p.id: public_alias(q, p.right) for p in q.pairs}
        return out

    def aliases(self, q: Matching) -> dict[str, str]:
        return {**{public_alias(q, p.right): p.id for p in q.pairs},
                **{public_alias(q, d.text): d.id for d in q.distractors}}

    def resolve_answer(self, q: Matching, answer: Any) -> Any:
        """Rights chosen by alias become pair or distractor ids; lefts are pair ids already."""
        if not isinstance(answer, dict):
            return answer
        table = self.aliases(q)
        return {k: table.get(v, v) if isinstance(v, str) else v for k, v in answer.items()}

    # --- rendering on a page (site.render) ---
    template = "courseforge/questions/matching.html"

    def page_view(self, q, *, practice, shuffle, derange):
        rights = {r["id"]: r for r in q["rights"]}
        return {"rights": [rights[rid] for rid in shuffle(list(rights))]}

    def page_data(self, q, inline):
        return {"key": q["key"]}  # left id -> alias of its right (see quiz.public)

    # --- marking an answer (grade) ---

    answer_classes = (dict,)

    @staticmethod
    def answer_key(answer: dict) -> tuple:
        return tuple(answer.items())

    def mark(self, question: Matching, answer: dict[str, str], quiz: Any = None) -> float:
        """Correct pairs ÷ number of pairs: a left (pair id) is right when matched to its own pair id."""
        pairs = [p.id for p in question.pairs]
        if not pairs:
            return 0.0
        return sum(1 for p in pairs if answer.get(p) == p) / len(pairs)

    def marker(self, question: Matching, quiz: Any = None) -> Marker:
        from ..public import aliases  # here, not at the top: quiz.public imports the types

        pts = float(question.points)
        pairs = [p.id for p in question.pairs]
        rights = {r: i + 1 for i, r in enumerate(pairs + [d.id for d in question.distractors])}
        place = {p: n for n, p in enumerate(pairs)}
        base = len(rights) + 1
        # The site names rights by alias (quiz.public): the same choice, the same code.
        alias = aliases(question)
        rights.update({a: rights[m] for a, m in alias.items()})

        def mark(ans: Any) -> tuple[float, int]:
            if ans.__class__ is not dict:
                raise AnswerError(f"expected pairs {{left id: right id}}, got {kind(ans)}")
            code = 0  # per pair n, its right's number (0: none) in base len(rights) + 1
            for left, right in ans.items():
                n = place.get(left) if left.__class__ is str else None
                if n is None:
                    raise AnswerError(f"pair {show(left)} does not exist")
                if right is None:
                    continue
                r = rights.get(right) if right.__class__ is str else None
                if r is None:
                    if right.__class__ is not str:
                        raise AnswerError(f"expected a right id (text) for pair {show(left)}, got {kind(right)}")
                    raise AnswerError(f"right {show(right)} (matched to {show(left)}) does not exist")
                code += r * base**n
            if alias:
                ans = {k: alias.get(v, v) if v.__class__ is str else v for k, v in ans.items()}
            return self.mark(question, ans, quiz) * pts, code

        return mark

    def read_cell(self, question: Matching, text: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in split_cell(text):  # pair=right|pair=right
            left, sep, right = part.partition("=")
            if not sep or not left.strip() or not right.strip():
                raise AnswerError(f"expected pairs written left=right separated by |, got {show(part)}")
            out[left.strip()] = right.strip()
        return out

    def choice_groups(self, question: Matching) -> list:
        rights = [(p.id, p.right) for p in question.pairs] + [(d.id, d.text) for d in question.distractors]
        return [(p.left, [(rid, text, rid == p.id) for rid, text in rights]) for p in question.pairs]

    def chosen(self, question: Matching, code: int) -> list[tuple[int, int]]:
        base = len(question.pairs) + len(question.distractors) + 1
        out = []
        for j in range(len(question.pairs)):
            code, r = divmod(code, base)
            if r:
                out.append((j, r - 1))
        return out

    # --- exports (export.gift, export.moodle_xml, export.qti) ---

    def gift(self, q, w):
        if any("->" in p.left for p in q.pairs):
            return w.skip(q, "a left-hand item contains '->', which GIFT cannot escape — skipped; use Moodle XML")
        if q.distractors:
            ids = ", ".join(d.id for d in q.distractors)
            w.note(q, f"GIFT has no distractors for matching — extra answers left out ({ids}); "
                   "Moodle XML and QTI keep them", kind="matching distractors",
                   summary="not carried by GIFT ({count}): the extra answers are left out; Moodle XML and QTI "
                   "keep them")
        if len(q.pairs) < 3:
            w.note(q, "Moodle's question editor asks for at least 3 answers in a matching question: "
                   "it imports as is, but add a pair before editing it in Moodle", kind="matching with 2 pairs",
                   summary="imports as is ({count}), but Moodle's editor asks for 3 answers: add a pair before "
                   "editing in Moodle")
        return w.question(q, w.block(q, [f"\t={w.escape(p.left)} -> {w.escape(p.right)}\n" for p in q.pairs]))

    def moodle_xml(self, q, w):
        el = w.question(q, "matching")
        if len(q.pairs) + len(q.distractors) < 3:
            w.note(q, "Moodle's question editor asks for at least 3 answers in a matching question: "
                   "it imports as is, but add a distractor before editing it in Moodle",
                   kind="matching with 2 answers", summary="imports as is ({count}), but Moodle's editor asks "
                   "for 3 answers: add a distractor before editing in Moodle")
        w.value(el, "shuffleanswers", "true")
        w.combined_feedback(el)
        for p in q.pairs:
            w.subquestion(el, p.left, p.right)
        # A subquestion with empty text is how Moodle stores an extra (wrong) answer.
        for d in q.distractors:
            w.subquestion(el, "", d.text)
        return el

    def qti(self, q, w):
        """A matchInteraction of directed pairs, the distractors matching nothing; each right pair adds
        its share of the points (map_response)."""
        it = w.item(q)
        correct = [f"{w.ident('L', p.id)} {w.ident('R', p.id)}" for p in q.pairs]
        mapping = w.sub(it.response("multiple", "directedPair", correct), "mapping",
                        {"lowerBound": "0", "upperBound": w.number(q.points), "defaultValue": "0"})
        for pair in correct:
            w.sub(mapping, "mapEntry", {"mapKey": pair, "mappedValue": repr(round(q.points / len(q.pairs), 7)),
                                        "caseSensitive": "true"})
        inter = w.sub(it.body(), "matchInteraction", {"responseIdentifier": "RESPONSE", "shuffle": "true",
                                                      "maxAssociations": str(len(q.pairs))})
        lefts = w.sub(inter, "simpleMatchSet")
        for p in q.pairs:
            it.inline(w.sub(lefts, "simpleAssociableChoice", {"identifier": w.ident("L", p.id), "matchMax": "1"}),
                      p.left)
        rights = w.sub(inter, "simpleMatchSet")
        for rid, text in ([(w.ident("R", p.id), p.right) for p in q.pairs]
                          + [(w.ident("R", d.id), d.text) for d in q.distractors]):
            it.inline(w.sub(rights, "simpleAssociableChoice", {"identifier": rid, "matchMax": "1"}), text)
        return it.done("map_response")


TYPE = MatchingType()
