"""Compiled Jinja templates, kept in memory between `serve` rebuilds."""

from __future__ import annotations

import jinja2


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's bytecode for templates already compiled in this process (it checks each against its source)."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()
