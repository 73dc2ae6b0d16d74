"""The learning site's core: quiz rendering, UI strings, offline packing.

Only :mod:`courseforge.site.build` touches MkDocs (to drive a build); the
rest is plain Python that the ``courseforge`` MkDocs plugin calls.
"""
