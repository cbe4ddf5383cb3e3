"""A cache of compiled Jinja templates, shared by MkDocs' environment and ours.

Jinja compiles a template to Python the first time it is loaded in a process. Every build
(and every rebuild of `mkdocs serve`, which makes a new environment each time) compiled some
seventy templates (Material's and overrides/fragments/) again: about 0.3 s, a fifth of a
build of the real site. Jinja's own file cache keeps the compiled code between processes, in
a folder of this user's only, and compiles again whenever a template's source changes (it
stores a checksum of the source) or Jinja or Python is another version.
"""

from __future__ import annotations

from functools import cache

from jinja2 import FileSystemBytecodeCache


@cache
def compiled_templates() -> FileSystemBytecodeCache:
    # Jinja's default folder: <temp>/_jinja2-cache-<uid>, created private and checked to be so.
    return FileSystemBytecodeCache()
