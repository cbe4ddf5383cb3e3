"""Hook: mend the few parts of Material's HTML that no template block reaches.

- Material's two toggle checkboxes carry ``autocomplete="off"``, which the HTML
  standard does not allow on checkboxes (the Nu Html Checker reports it); section
  labels in the nav carry an empty ``tabindex=""``; and pages without a table of
  contents keep a ``<label for="__toc">`` whose checkbox is not rendered.
- Material renders a skip link only for pages with a table of contents; the 404 page
  gets one to its heading.
- The i18n plugin renders the static 404 page in every language pass into the same
  file; the page is bilingual (overrides/404.html), so the first (Dutch) pass's output
  is kept and later passes do not overwrite it with ``lang="en"``.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from samen.i18n import is_later_language_pass

_TOGGLE_AUTOCOMPLETE = 'type="checkbox" id="__drawer" autocomplete="off"'
_SEARCH_AUTOCOMPLETE = 'type="checkbox" id="__search" autocomplete="off"'
_SKIP_SLOT = '<div data-md-component="skip">'

_first_pass_404: str | None = None


def _without_checkbox_autocomplete(html: str) -> str:
    return html.replace(_TOGGLE_AUTOCOMPLETE, 'type="checkbox" id="__drawer"').replace(
        _SEARCH_AUTOCOMPLETE, 'type="checkbox" id="__search"'
    )


def _valid_html(html: str) -> str:
    html = _without_checkbox_autocomplete(html).replace(' tabindex=""', "")
    if 'id="__toc"' not in html:
        html = html.replace(
            '<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">'
        )
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _valid_html(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    global _first_pass_404
    if template_name != "404.html":
        return output_content
    if is_later_language_pass(config) and _first_pass_404 is not None:
        return _first_pass_404
    html = _valid_html(output_content)
    html = html.replace(
        _SKIP_SLOT,
        f'{_SKIP_SLOT}<a href="#niet-gevonden" class="md-skip">'
        "Naar de inhoud / Skip to content</a>",
        1,
    )
    _first_pass_404 = html
    return html
