"""What the renderers keep between pages is dropped when the data is loaded again."""

from __future__ import annotations

from pathlib import Path

from conftest import edit
from samen import rendering
from samen.rendering import PageContext, product_card, product_page_parts, related_product
from samen.site_data import load_site_data


def load(project: Path):
    return load_site_data(project, project / "docs")


def _card_and_related_item(site, product_id: str) -> tuple[str, str]:
    context = PageContext(site, "nl", "producten/andere/")
    product = site.products[product_id]
    return product_card(context, product, 2), related_product(context, product)


def test_a_reload_renders_changed_content_afresh(minisite: Path) -> None:
    for html in _card_and_related_item(load(minisite), "testrapport"):
        assert "Testrapport over normaliseren" in html and 'href="../testrapport/"' in html
    edit(
        minisite / "docs/producten/testrapport.md",
        "title: Testrapport over normaliseren",
        "title: Herzien testrapport",
    )
    for html in _card_and_related_item(load(minisite), "testrapport"):
        assert "Herzien testrapport" in html and "Testrapport over normaliseren" not in html


def _names_passed_to(owner: object, function: str, monkeypatch) -> list[str]:
    """The first argument of every later call of ``owner.function``, in order."""
    names: list[str] = []
    original = getattr(owner, function)

    def recording(name: str, *args, **kwargs):
        names.append(name)
        return original(name, *args, **kwargs)

    monkeypatch.setattr(owner, function, recording)
    return names


def test_templates_are_looked_up_once_per_loaded_data(minisite: Path, monkeypatch) -> None:
    asked = _names_passed_to(rendering.environment(), "get_template", monkeypatch)
    site = load(minisite)
    for _ in range(3):
        rendering.news_listing(PageContext(site, "nl", "nieuws/"))
    assert asked == ["news-list.html"]
    rendering.news_listing(PageContext(load(minisite), "nl", "nieuws/"))
    assert asked == ["news-list.html", "news-list.html"], "a reload looks the template up again"


def test_download_sizes_are_read_again_on_a_reload(minisite: Path) -> None:
    pdf = minisite / "docs" / "bestanden" / "testrapport.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"x" * 3000)
    edit(
        minisite / "docs/producten/testrapport.md",
        "related:",
        "downloads:\n  - file: bestanden/testrapport.pdf\n    title: Het rapport\nrelated:",
    )

    def summary() -> str:
        site = load(minisite)
        context = PageContext(site, "nl", "producten/testrapport/")
        return product_page_parts(site.products["testrapport"], context, "/")[0]

    assert "(PDF, 3 kB)" in summary()
    pdf.write_bytes(b"x" * 2_500_000)
    assert "(PDF, 2,5 MB)" in summary()


def test_a_card_is_rendered_once_per_language_whatever_its_heading_level(
    minisite: Path, monkeypatch
) -> None:
    site = load(minisite)
    product = site.products["testrapport"]
    rendered = _names_passed_to(rendering, "render_fragment", monkeypatch)
    catalogue, by_theme = (PageContext(site, "nl", url) for url in ("producten/", "themas/"))
    level_2 = product_card(catalogue, product, 2)
    level_3 = product_card(by_theme, product, 3)
    assert rendered == ["product-card.html"]
    assert level_2.startswith('<h2 class="samen-card__title"><a href="testrapport/"')
    assert level_3.startswith('<h3 class="samen-card__title"><a href="../producten/testrapport/"')
    assert level_2.count("</h2>") == 1 and level_3.count("</h3>") == 1
    assert "samen-heading-level" not in level_2 + level_3
    product_card(PageContext(site, "en", "en/producten/"), product, 3)
    assert rendered == ["product-card.html", "product-card.html"], "once per language"


def test_a_title_that_looks_like_a_stand_in_stays_text(minisite: Path) -> None:
    edit(
        minisite / "docs/producten/testrapport.md",
        "title: Testrapport over normaliseren",
        "title: 'Rapport <!--samen-heading-level--> samen-product-link'",
    )
    site = load(minisite)
    card = product_card(PageContext(site, "nl", "producten/"), site.products["testrapport"], 3)
    assert "Rapport &lt;!--samen-heading-level--&gt; samen-product-link</a></h3>" in card
