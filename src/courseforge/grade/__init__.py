"""Grading learners' submissions: ``courseforge grade``.

Data flows one way: inputs (streamed records) → validate (shape against the
quiz, then scoring) → attempts (the chosen attempt per learner and quiz) →
outputs (gradebook.csv, results.json, errors.csv, warnings.csv) and report
(report.html with item statistics from stats). The entry point is
:func:`courseforge.grade.engine.grade`.
"""
