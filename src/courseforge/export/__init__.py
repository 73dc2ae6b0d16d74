"""Exports of a course to what learning management systems import.

One module per format: ``gift`` and ``moodle_xml`` (Moodle's two question
import formats), ``qti`` (an IMS QTI 2.1 content package, for Canvas and
others) and ``scorm`` (the whole site as a SCORM 1.2 package). Each writer
is a pure function from quiz objects to text or bytes plus a list of
:class:`~courseforge.export.report.Note`: whatever a format cannot express is
named there, question by question, never dropped silently.
"""
