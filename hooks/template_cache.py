"""Hook: MkDocs' Jinja environment keeps compiled templates between builds.

See samen.template_cache.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from samen.template_cache import keep_compiled_templates


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    keep_compiled_templates(env)
    return env
