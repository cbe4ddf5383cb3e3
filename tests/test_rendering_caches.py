"""What the renderers keep between pages is dropped when the data is loaded again."""

from __future__ import annotations

from pathlib import Path

from conftest import edit
from samen import rendering
from samen.rendering import PageContext, product_card
from samen.site_data import load_site_data


def load(project: Path):
    return load_site_data(project, project / "docs")


def test_a_reload_renders_changed_content_afresh(minisite: Path) -> None:
    site = load(minisite)
    card = product_card(PageContext(site, "nl", "producten/"), site.products["testrapport"], 2)
    assert "Testrapport over normaliseren" in card
    edit(
        minisite / "docs/producten/testrapport.md",
        "title: Testrapport over normaliseren",
        "title: Herzien testrapport",
    )
    reloaded = load(minisite)
    card = product_card(
        PageContext(reloaded, "nl", "producten/"), reloaded.products["testrapport"], 2
    )
    assert "Herzien testrapport" in card and "Testrapport over normaliseren" not in card


def test_templates_are_looked_up_once_per_loaded_data(minisite: Path, monkeypatch) -> None:
    environment = rendering.environment()
    asked: list[str] = []
    get_template = environment.get_template

    def counting(name: str, *args, **kwargs):
        asked.append(name)
        return get_template(name, *args, **kwargs)

    monkeypatch.setattr(environment, "get_template", counting)
    site = load(minisite)
    for _ in range(3):
        rendering.news_listing(PageContext(site, "nl", "nieuws/"))
    assert asked == ["news-list.html"]
    rendering.news_listing(PageContext(load(minisite), "nl", "nieuws/"))
    assert asked == ["news-list.html", "news-list.html"], "a reload looks the template up again"
