"""Pausing Python's garbage collector while a step makes many objects and no garbage cycles.

The collector's full collections walk every object that is still alive. Loading the content
(hundreds of thousands of YAML nodes) and building a search index (a dictionary per term and
field) made it start full collections over and over, each walking all of that again, for
nothing: those steps make no reference cycles, so reference counting frees what they drop.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
