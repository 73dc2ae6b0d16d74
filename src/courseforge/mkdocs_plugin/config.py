"""Options of the ``courseforge`` plugin in mkdocs.yml (all optional)."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import Type


class CourseforgeConfig(Config):
    # Turn the plugin off without removing it from mkdocs.yml.
    enabled = Type(bool, default=True)
    # Run everything `courseforge check` checks before building; an error stops the build.
    check = Type(bool, default=True)
    # Check and load the course in a second process while MkDocs reads the pages
    # (where os.fork exists; never under `mkdocs serve` or with other threads).
    # false: do it in the build's own process; same result, same messages.
    background = Type(bool, default=True)
    # A site that works from file:// (no directory URLs, inlined search index,
    # a local iframe-worker shim for the search worker). `courseforge build
    # --offline` turns it on; it can also be set here.
    offline = Type(bool, default=False)
    # Add the certificate page (certificate.md) unless the course has its own.
    certificate = Type(bool, default=True)
    # Show the learner's course progress on the home page.
    progress = Type(bool, default=True)
