"""The MkDocs side of courseforge: a thin plugin over ``courseforge.site``.

Registered under the ``mkdocs.plugins`` entry point as ``courseforge``. All
quiz logic lives in the core (``courseforge.quiz``, ``courseforge.site``);
this package only wires it into MkDocs' build events.
"""
