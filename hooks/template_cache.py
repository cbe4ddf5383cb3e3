"""Hook: MkDocs' Jinja environment keeps compiled templates between builds.

See samen.template_cache.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from samen.template_cache import compiled_templates


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = compiled_templates()
    return env
