"""Hook: give every page, the 404 page included, its Content-Security-Policy meta tag."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from samen.csp import with_policy


# Lowest priority: the policy goes into the final HTML.
@event_priority(-90)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_policy(output)


@event_priority(-90)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html"):
        return with_policy(output_content)
    return output_content
