"""report.html: one self-contained page a trainer opens offline.

No scripts, no fonts, no external requests (a Content-Security-Policy forbids
them); charts are inline SVG. Every string that comes from a learner or a
file (names, ids, file names, reasons) and from the quiz goes through
:func:`esc`, so a learner named ``<script>…`` is shown, never run.
"""

from __future__ import annotations

import datetime as _dt
import html
from typing import Any

from . import stats as st

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0 auto;max-width:1100px;
padding:1rem 1.5rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:2px solid #d0d7de;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#f3f5f7}td.num{text-align:right;white-space:nowrap}
.flag{color:#8a1c00;font-weight:600}.ok{color:#1a6b2c}.muted{color:#5a6470}.cards{display:flex;flex-wrap:wrap;
gap:.8rem}.card{border:1px solid #d0d7de;border-radius:6px;padding:.5rem .9rem;min-width:9rem}
.card b{display:block;font-size:1.4rem}details{margin:.4rem 0}summary{cursor:pointer}
svg text{font-family:inherit;font-size:11px}code{background:#f3f5f7;padding:0 .2rem}
@media print{details{display:block}}
"""


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.0f} %"


def _num(x: float | None, digits: int = 2) -> str:
    return "—" if x is None else f"{round(x, digits) + 0.0:.{digits}f}"  # + 0.0: never "-0.00"


def histogram_svg(counts: list[int], label: str) -> str:
    w, h, pad = 560, 180, 28
    top = max(counts) or 1
    bw = (w - pad * 2) / len(counts)
    parts = [f'<svg role="img" aria-label="{esc(label)}" viewBox="0 0 {w} {h + 30}" width="100%" '
             f'style="max-width:{w}px" xmlns="http://www.w3.org/2000/svg">']
    for i, c in enumerate(counts):
        bh = (h - pad) * c / top
        x = pad + i * bw
        parts.append(f'<rect x="{x + 2:.1f}" y="{h - bh:.1f}" width="{bw - 4:.1f}" height="{bh:.1f}" fill="#3b6fb6">'
                     f'<title>{i * 10}–{i * 10 + 10} %: {c}</title></rect>')
        parts.append(f'<text x="{x + bw / 2:.1f}" y="{h - bh - 4:.1f}" text-anchor="middle">{c}</text>')
        parts.append(f'<text x="{x + bw / 2:.1f}" y="{h + 14}" text-anchor="middle">{i * 10}–{i * 10 + 10}</text>')
    parts.append(f'<line x1="{pad}" y1="{h}" x2="{w - pad}" y2="{h}" stroke="#555"/>')
    parts.append(f'<text x="{w / 2}" y="{h + 28}" text-anchor="middle">score, % of the maximum</text></svg>')
    return "".join(parts)


def bars_svg(rows: list[tuple[str, float, bool, str]], label: str, lw: int = 220, bw: int = 300) -> str:
    """Horizontal bars: (label, value 0–1, highlighted, text after the bar)."""
    rh = 20
    h = rh * len(rows) + 6
    parts = [f'<svg role="img" aria-label="{esc(label)}" viewBox="0 0 {lw + bw + 130} {h}" width="100%" '
             f'style="max-width:{lw + bw + 130}px" xmlns="http://www.w3.org/2000/svg">']
    for i, (name, value, hi, after) in enumerate(rows):
        y = 3 + i * rh
        fit = lw // 7
        short = name if len(name) <= fit else name[: fit - 1] + "…"
        parts.append(f'<text x="{lw - 6}" y="{y + 14}" text-anchor="end">{esc(short)}<title>{esc(name)}</title></text>')
        parts.append(f'<rect x="{lw}" y="{y + 3}" width="{bw}" height="{rh - 6}" fill="#eef1f4"/>')
        parts.append(f'<rect x="{lw}" y="{y + 3}" width="{bw * max(0.0, min(1.0, value)):.1f}" height="{rh - 6}" '
                     f'fill="{"#2f8f46" if hi else "#9aa7b4"}"/>')
        parts.append(f'<text x="{lw + bw + 6}" y="{y + 14}">{esc(after)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def diverging_svg(rows: list[tuple[str, float | None]], label: str, low: float) -> str:
    """Bars from −1 to 1 around a centre line; values below ``low`` drawn in the warning colour."""
    lw, half, rh = 220, 150, 20
    h = rh * len(rows) + 22
    x0 = lw + half
    parts = [f'<svg role="img" aria-label="{esc(label)}" viewBox="0 0 {lw + 2 * half + 80} {h}" width="100%" '
             f'style="max-width:{lw + 2 * half + 80}px" xmlns="http://www.w3.org/2000/svg">']
    for i, (name, value) in enumerate(rows):
        y = 3 + i * rh
        parts.append(f'<text x="{lw - 6}" y="{y + 14}" text-anchor="end">{esc(name)}</text>')
        if value is None:
            parts.append(f'<text x="{x0 + 6}" y="{y + 14}">— (no variation)</text>')
            continue
        # drawn, coloured and labelled as shown, to two places (as the flags judge it): 0.1987
        # reads 0.20 and is not below 0.20; -0.0 or -1e-17 reads 0.00, never "-0.00"
        value = round(value, 2) + 0.0
        w = half * max(-1.0, min(1.0, value))
        colour = "#b3261e" if value < low else "#3b6fb6"
        parts.append(f'<rect x="{min(x0, x0 + w):.1f}" y="{y + 3}" width="{abs(w):.1f}" height="{rh - 6}" '
                     f'fill="{colour}"/>')
        parts.append(f'<text x="{x0 + max(w, 0) + 6:.1f}" y="{y + 14}">{value:.2f}</text>')
    bottom = rh * len(rows) + 4
    parts.append(f'<line x1="{x0}" y1="0" x2="{x0}" y2="{bottom}" stroke="#555"/>')
    parts.append(f'<text x="{lw}" y="{bottom + 14}">−1</text><text x="{x0}" y="{bottom + 14}" '
                 f'text-anchor="middle">0</text><text x="{x0 + half}" y="{bottom + 14}" text-anchor="end">1</text>')
    parts.append("</svg>")
    return "".join(parts)


def _options_block(q: st.QuestionStats) -> str:
    n = q.n or 1
    blocks = []
    groups = [("", q.options)] if q.options else [(left, opts) for left, opts in q.pairs]
    for left, opts in groups:
        if not opts:
            continue
        rows = [((("✓ " if o.correct else "") + o.text), o.count / n, o.correct,
                 f"{o.count} ({o.count / n * 100:.0f} %) · top {o.upper}") for o in opts]
        title = f"{left}: " if left else ""
        blocks.append(f"<p class=muted>{esc(title)}choices picked (✓ key; top: by the upper 27 %)</p>"
                      + bars_svg(rows, f"choices for {q.id} {left}", lw=160, bw=180))
    return "".join(blocks)


def _learners_block(qs: st.QuizStats, rows: list[tuple]) -> str:
    if not rows:
        return ""
    more = (f"<p class=muted>The first {len(rows):,} of {qs.n:,} learners by id; all are in "
            "<code>gradebook.csv</code>.</p>" if qs.n > len(rows) else "")
    body = "".join(
        f"<tr><td>{esc(lid)}</td><td>{esc(name)}</td><td class=num>{score:g} / {qs.max:g}</td>"
        f"<td class=num>{percent:.0f} %</td><td>{'yes' if passed else '<span class=flag>no</span>'}</td>"
        f"<td class=num>{attempt} of {attempts}</td></tr>"
        for lid, name, score, percent, passed, attempt, attempts in rows)
    return (f"<details><summary>Learners ({qs.n:,})</summary>{more}<table><tr><th>learner id</th><th>name</th>"
            f"<th>score</th><th>percent</th><th>passed</th><th>attempt</th></tr>{body}</table></details>")


def _quiz_section(qs: st.QuizStats, key: Any, rows: list[tuple] = ()) -> str:
    out = [f'<h2 id="quiz-{esc(qs.id)}">{esc(qs.title)} <span class=muted>({esc(qs.id)})</span></h2>']
    if not qs.n:
        out.append("<p class=muted>No graded attempts for this quiz.</p>")
        return "".join(out)
    few = (f'<p class=muted>Only {qs.n} learner{"s" if qs.n != 1 else ""}: item statistics are unreliable '
           "below about 20 learners; read the flags as hints.</p>") if qs.n < 20 else ""
    out.append('<div class=cards>'
               f'<div class=card>learners<b>{qs.n}</b></div>'
               f'<div class=card>mean score<b>{_num(qs.mean, 1)} / {_num(qs.max, 0)}</b></div>'
               f'<div class=card>median<b>{_num(qs.median, 1)}</b></div>'
               f'<div class=card>passed (≥ {_num(qs.pass_mark, 0)} %)<b>{qs.passed} ({qs.passed / qs.n * 100:.0f} %)</b></div>'
               f'<div class=card>Cronbach\'s alpha<b>{_num(qs.alpha)}</b></div></div>' + few)
    out.append("<h3>Score distribution</h3>" + histogram_svg(qs.histogram, f"score distribution of {qs.title}"))
    out.append(_learners_block(qs, list(rows)))
    out.append("<h3>Facility per question</h3>")
    out.append(bars_svg([(f"{q.id}", q.facility or 0.0, not q.flags, f"{_pct(q.facility)}"
                          + ("  ⚑" if q.flags else "")) for q in qs.questions], f"facility of {qs.title}"))
    out.append(f"<h3>Discrimination per question</h3><p class=muted>Red: below {st.LOW_DISCRIMINATION:.2f} "
               "(low or negative).</p>")
    out.append(diverging_svg([(q.id, q.discrimination) for q in qs.questions], f"discrimination of {qs.title}",
                             st.LOW_DISCRIMINATION))
    flagged = sum(1 for q in qs.questions if q.flags)
    out.append(f"<h3>Questions</h3><p>{flagged} of {len(qs.questions)} question"
               f"{'s' if len(qs.questions) != 1 else ''} flagged.</p>")
    out.append("<table><tr><th>#</th><th>question</th><th>type</th><th>facility</th><th>discrimination</th>"
               "<th>answered</th><th>flags</th></tr>")
    for i, q in enumerate(qs.questions, 1):
        flags = "".join(f"<div class=flag>⚑ {esc(f)}</div>" for f in q.flags) or "<span class=ok>none</span>"
        prompt = q.prompt if len(q.prompt) <= 160 else q.prompt[:159] + "…"
        detail = _options_block(q)
        if detail:
            detail = f"<details><summary>choices</summary>{detail}</details>"
        out.append(f"<tr><td class=num>{i}</td><td><code>{esc(q.id)}</code> {esc(prompt)}{detail}</td>"
                   f"<td>{esc(q.type)}</td><td class=num>{_pct(q.facility)}</td>"
                   f"<td class=num>{_num(q.discrimination)}</td><td class=num>{q.answered}</td><td>{flags}</td></tr>")
    out.append("</table>")
    return "".join(out)


def _problems(title: str, rows: list[tuple[str, Any, str]], total: int, file: str) -> str:
    if not total:
        return ""
    more = (f"<p class=muted>Showing the first {len(rows)} of {total}; all are in <code>{esc(file)}</code>.</p>"
            if total > len(rows) else f"<p class=muted>Also in <code>{esc(file)}</code>.</p>")
    body = "".join(f"<tr><td>{esc(f)}</td><td class=num>{esc(w or '')}</td><td>{esc(r)}</td></tr>"
                   for f, w, r in rows)
    return (f"<h2>{esc(title)} ({total})</h2>{more}<table><tr><th>file</th><th>line</th><th>reason</th></tr>"
            f"{body}</table>")


def render_report(summary: Any, keys: dict[str, Any], policy: str, course_title: str = "") -> str:
    now = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    head_title = f"Grading report — {course_title}" if course_title else "Grading report"
    toc = "".join(f'<li><a href="#quiz-{esc(s.id)}">{esc(s.title)}</a> — {s.n} learner{"s" if s.n != 1 else ""}, '
                  f'{sum(1 for q in s.questions if q.flags)} flagged question(s)</li>' for s in summary.stats)
    policy_text = {
        "best": "best: the highest score counts (between equal scores, the latest attempt)",
        "last": "last: the latest attempt counts",
        "first": "first: the earliest attempt counts",
    }[policy]
    body = [
        f"<h1>{esc(head_title)}</h1><p class=muted>Made {esc(now)} by courseforge grade.</p>",
        '<div class=cards>'
        f'<div class=card>submissions graded<b>{summary.graded:,}</b></div>'
        f'<div class=card>learners<b>{summary.learners:,}</b></div>'
        f'<div class=card>rejected<b class="{"flag" if summary.rejected else "ok"}">{summary.rejected:,}</b></div>'
        f'<div class=card>graded with a warning<b>{summary.warnings:,}</b></div></div>',
        f"<p>Attempts: {esc(policy_text)}. Every attempt's marks are in <code>results.json</code>; "
        "the graded ones are in <code>gradebook.csv</code>. Statistics use graded attempts only.</p>",
        f"<ul>{toc}</ul>",
    ]
    body.extend(_quiz_section(s, keys.get(s.id), summary.learner_rows.get(s.id, [])) for s in summary.stats)
    body.append(_problems("Rejected submissions", summary.errors_shown, summary.rejected, "errors.csv"))
    body.append(_problems("Graded with a warning", summary.warnings_shown, summary.warnings, "warnings.csv"))
    body.append(f"""<h2>How to read this report</h2>
<dl>
<dt>Facility</dt><dd>Mean mark ÷ maximum mark: the share of the points learners earned. Flagged above
{st.EASY * 100:.0f} % (too easy to tell learners apart) and below {st.HARD * 100:.0f} % (often a wrong key or
unclear wording).</dd>
<dt>Discrimination</dt><dd>Correlation between the marks on the question and the marks on the rest of the quiz
(−1 to 1). Good questions are answered better by learners who do well overall. Flagged when negative or below
{st.LOW_DISCRIMINATION:.2f}.</dd>
<dt>Cronbach's alpha</dt><dd>Internal consistency of the whole quiz (0 to 1): above about 0.7 the questions
measure the same thing consistently.</dd>
<dt>Upper group</dt><dd>The {st.UPPER_SHARE * 100:.0f} % of learners with the highest scores. A question is flagged
when they pick a distractor more often than the key.</dd>
<dt>Scoring</dt><dd>single and true/false: all or nothing. multiple ("partial"): (right options chosen − wrong
options chosen) ÷ number of right options, never below 0; ("all_or_nothing"): full marks only for exactly the right
options. fill-in-the-blank: matches an accepted answer ignoring case, extra spaces, Unicode variants and a final
full stop. numeric: within the tolerance. matching and ordering: the share of pairs or positions that are right.
</dd></dl>""")
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:\">"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>{esc(head_title)}</title><style>{CSS}</style></head><body>"
        + "".join(body) + "</body></html>\n"
    )
