"""A cache of compiled Jinja templates, kept between builds, for MkDocs' environment and ours.

Jinja compiles a template to Python the first time it is loaded in a process. Every build
(and every rebuild of `mkdocs serve`, which makes a new environment each time) compiled some
seventy templates (Material's and overrides/fragments/) again: about 0.3 s, a fifth of a
build of the real site. Jinja's own file cache keeps the compiled code between processes, in
a folder of this user's only, and compiles again when a template's source changes (it keeps
a checksum of the source). The compiled code also depends on the environment's settings
(autoescaping, whitespace control, extensions) and on Jinja's and Python's versions, which
Jinja's key leaves out: here they are part of the key.
"""

from __future__ import annotations

import sys

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache


class _SettingsAwareCache(FileSystemBytecodeCache):
    def __init__(self, environment: Environment) -> None:
        # Jinja's default folder: <temp>/_jinja2-cache-<uid>, created private, checked so.
        super().__init__()
        self._environment = environment

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        env = self._environment
        autoescape = env.autoescape(name) if callable(env.autoescape) else env.autoescape
        settings = (
            autoescape,
            env.trim_blocks,
            env.lstrip_blocks,
            env.keep_trailing_newline,
            env.newline_sequence,
            env.optimized,
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            tuple(sorted(env.extensions)),
            jinja2.__version__,
            sys.version,
        )
        return super().get_cache_key(name, f"{filename}|{settings!r}")


def keep_compiled_templates(environment: Environment) -> None:
    """Let ``environment`` load compiled templates from the cache, and store them there."""
    environment.bytecode_cache = _SettingsAwareCache(environment)
