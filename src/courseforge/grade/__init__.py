"""Grading learners' submissions: ``courseforge grade``.

Data flows one way, one submission at a time:

inputs (files, folders, JSON Lines, CSV → records) → validate (the
submission's fields; markers check and score each answer, cells turn CSV
text into answers, scoring holds the pure rules, fast marks a quiz's
answers already seen in one compiled pass) → attempts (the graded
attempt per learner and quiz, as arrays of numbers) → outputs
(gradebook.csv, results.json, errors.csv, warnings.csv, all atomic) and
report (report.html, with item statistics from stats).

The entry point is :func:`courseforge.grade.engine.grade`.
"""
