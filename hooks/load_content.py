"""Hook: load and validate all content and data once per build.

Runs first in ``on_config`` so that a bad file stops the build before anything is
written, with the editor-friendly report of every problem. The i18n plugin's second
language pass reuses what the first pass loaded.
"""

from __future__ import annotations

import gc
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from samen import build_cache
from samen.i18n import is_later_language_pass
from samen.problems import ContentError

_command: str | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


# Highest priority: nothing else should run on content that is not valid.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if is_later_language_pass(config):
        return config
    docs_dir = Path(config.docs_dir)
    # What an earlier build in this process froze (`mkdocs serve --clean` rebuilds with the
    # "build" command too; tests build many times) may be collected again.
    gc.unfreeze()
    try:
        build_cache.load(docs_dir.parent, docs_dir)
    except ContentError as error:
        raise PluginError("\n" + error.report()) from None
    if _command == "build":
        # What is loaded now lives until the build ends: the garbage collector's full
        # collections need not walk it again, and hooks/parallel_languages.py forks next
        # (the documented use of freeze: no copy-on-write of objects the collector touches).
        gc.freeze()
    return config


def on_shutdown() -> None:
    gc.unfreeze()
