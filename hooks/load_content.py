"""Hook: load and validate all content and data once per build.

Runs first in ``on_config`` so that a bad file stops the build before anything is
written, with the editor-friendly report of every problem. The i18n plugin's second
language pass reuses what the first pass loaded.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from samen import build_cache
from samen.i18n import is_later_language_pass
from samen.problems import ContentError


# Highest priority: nothing else should run on content that is not valid.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if is_later_language_pass(config):
        return config
    docs_dir = Path(config.docs_dir)
    try:
        build_cache.load(docs_dir.parent, docs_dir)
    except ContentError as error:
        raise PluginError("\n" + error.report()) from None
    return config
