"""Hook: build the English pass in a second process, while this one builds the Dutch pass.

mkdocs-static-i18n builds the languages one after the other in one process, so a
bilingual build takes twice as long as a Dutch one on a machine with cores to spare.
Here the process forks once the content is loaded and validated (hooks/load_content.py
runs first): the child runs the English pass exactly as the plugin would, into a staging
folder beside ``site_dir``; the parent builds Dutch, waits, and moves the English output
into place (``samen.parallel_build``). Both passes share the validated data through the
fork, so it is still loaded once. A test builds the site both ways and compares every file.

Sequential instead: for ``mkdocs serve`` (a server's threads do not survive a fork), where
``os.fork`` does not exist, on one CPU, and with ``SAMEN_SEQUENTIAL_BUILD=1``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import sys
import tempfile
import traceback
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.plugins import event_priority

from samen.i18n import is_later_language_pass
from samen.parallel_build import merge_language_pass

_command: str | None = None
_pending: dict | None = None  # the child of this build: pid, staging folder, language
_restore: list = []  # (plugin, language) marked as not to build while the plugin finishes


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def _later_language(config: MkDocsConfig) -> str | None:
    plugin = config.plugins.get("i18n")
    if plugin is None or is_later_language_pass(config):
        return None
    later = [lang for lang in plugin.build_languages if lang != plugin.default_language]
    return later[0] if len(later) == 1 else None


def _may_fork() -> bool:
    return (
        _command == "build"
        and hasattr(os, "fork")
        and (os.cpu_count() or 1) > 1
        and os.environ.get("SAMEN_SEQUENTIAL_BUILD", "") not in ("1", "true", "yes")
    )


def _run_later_pass(config: MkDocsConfig, lang: str, staging: Path) -> None:
    """In the child: the plugin's own later-language pass, into ``staging``; never returns."""
    code = 1
    try:
        plugin = config.plugins["i18n"]
        plugin.current_language = lang
        plugin.building = True  # what the plugin sets around its later passes
        config.site_dir = str(staging)
        build(config, dirty=False)
        code = 0
    except MkDocsException as error:  # a PluginError's report, or Abort in strict mode
        print(error.format_message(), file=sys.stderr)
    except KeyboardInterrupt:  # Ctrl+C, or stopped by the parent (_abandon_child): no trace
        code = 130
    except BaseException:
        traceback.print_exc()
    finally:
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


# Right after hooks/load_content.py (100): the data is loaded and valid, nothing is built yet.
@event_priority(90)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _pending
    lang = _later_language(config)
    if lang is None or not _may_fork():
        return config
    site_dir = Path(config.site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".samen-{lang}-pass-", dir=site_dir.parent))
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    pid = os.fork()
    if pid == 0:
        _run_later_pass(config, lang, staging)
    _pending = {"pid": pid, "staging": staging, "lang": lang}
    return config


# After every other hook has finished the Dutch pass, before mkdocs-static-i18n (-100)
# would start the English pass: that pass is done already.
@event_priority(-90)
def on_post_build(config: MkDocsConfig) -> None:
    global _pending
    if _pending is None or is_later_language_pass(config):
        return
    pending, _pending = _pending, None
    _, status = os.waitpid(pending["pid"], 0)
    try:
        if os.waitstatus_to_exitcode(status) != 0:
            raise PluginError(
                f"Het bouwen van de taal '{pending['lang']}' is mislukt (zie de meldingen "
                f"hierboven) / building the '{pending['lang']}' pages failed (see above)."
            )
        merge_language_pass(pending["staging"], Path(config.site_dir))
    finally:
        shutil.rmtree(pending["staging"], ignore_errors=True)
    # The plugin skips languages that are not to be built; this one was, in the child.
    plugin = config.plugins["i18n"]
    plugin.get_language_config(pending["lang"]).build = False
    _restore.append((plugin, pending["lang"]))


def _abandon_child() -> None:
    global _pending
    if _pending is None:
        return
    pending, _pending = _pending, None
    with contextlib.suppress(ProcessLookupError):
        os.kill(pending["pid"], signal.SIGTERM)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pending["pid"], 0)
    shutil.rmtree(pending["staging"], ignore_errors=True)


def on_build_error(error: Exception) -> None:
    """The Dutch pass failed: stop the English one and leave nothing behind."""
    _abandon_child()


def on_shutdown() -> None:
    """Also after an interrupted build (Ctrl-C skips on_build_error): no child, no staging.
    And the language counts as built again, should this configuration be built once more."""
    _abandon_child()
    while _restore:
        plugin, lang = _restore.pop()
        plugin.get_language_config(lang).build = True
