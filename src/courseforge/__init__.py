"""courseforge: policy documents in, a self-paced course out.

The core (sources, quiz, generate, grade, export) never imports MkDocs; the
MkDocs plugin in ``courseforge.mkdocs_plugin`` is a thin adapter over it.
"""

__version__ = "0.1.0"
