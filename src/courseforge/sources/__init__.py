"""Seed documents → cleaned documents → sections → paragraphs with stable ids.

* :mod:`.catalog` reads and validates ``seeds/sources.yml`` (line-numbered errors);
* :mod:`.clean` removes what is not content (pure functions);
* :mod:`.paragraphs` finds headings, sections and paragraph ids (pure functions);
* :mod:`.ingest` is the I/O edge: ``load_corpus(seeds_dir, root)``;
* :mod:`.model` holds the dataclasses everything else reads.
"""
