"""Machine-readable metadata in the ``<head>`` of product pages.

schema.org JSON-LD, Google Scholar's ``citation_*`` tags and Open Graph tags, all from
the validated product data. Every value is escaped here; JSON-LD is written so that no
editor text can close its ``<script>`` element.
"""

from __future__ import annotations

import json

from markupsafe import escape

from samen.citation import PUBLISHER, authors, citable, full_title
from samen.site_data import Product, SiteData

_SCHEMA_TYPES = {"rapport": "Report", "artikel": "ScholarlyArticle"}
_OG_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def json_ld(site: SiteData, product: Product, lang: str, url: str, site_url: str) -> str:
    meta = product.meta
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": _SCHEMA_TYPES.get(meta.type, "CreativeWork"),
        "@id": url,
        "url": url,
        "name": product.title(lang),
        "description": product.summary(lang),
        "inLanguage": "nl",
        "genre": site.label("types", meta.type, lang),
        "creativeWorkStatus": meta.status,
        "about": [site.label("themes", i, lang) for i in meta.themes],
        "audience": [
            {"@type": "Audience", "audienceType": site.label("audiences", i, lang)}
            for i in meta.audiences
        ],
        "author": [{"@type": "Organization", "name": name} for name in authors(site, product)],
        "publisher": {"@type": "Organization", "name": PUBLISHER, "url": site_url},
        "isPartOf": {"@type": "WebSite", "name": "SAMEN", "url": site_url},
        "contributor": [
            {"@type": "Organization", "name": site.organisation_by_id(i).name}
            for i in meta.organisations
        ],
    }
    if meta.subtitle:
        data["alternativeHeadline"] = product.subtitle(lang)
    if meta.date:
        data["datePublished"] = meta.date.isoformat()
    elif product.year:
        data["datePublished"] = str(product.year)
    if meta.doi:
        data["identifier"] = f"https://doi.org/{meta.doi}"
    if meta.license:
        data["license"] = meta.license
    if meta.links:
        data["sameAs"] = [link.url for link in meta.links]
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # C encoder: no indent
    # "<" never appears raw, so "</script>" in editor text cannot end the element.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def product_head(site: SiteData, product: Product, lang: str, url: str, site_url: str) -> str:
    meta = product.meta
    tags: list[tuple[str, str, str]] = [
        ("property", "og:type", "article"),
        ("property", "og:title", product.title(lang)),
        ("property", "og:description", product.summary(lang)),
        ("property", "og:url", url),
        ("property", "og:site_name", "SAMEN"),
        ("property", "og:locale", _OG_LOCALES.get(lang, "nl_NL")),
    ]
    if citable(product):
        tags.append(("name", "citation_title", full_title(product)))
        tags += [("name", "citation_author", name) for name in authors(site, product)]
        tags.append(("name", "citation_publisher", PUBLISHER))
        if meta.date:
            tags.append(("name", "citation_publication_date", meta.date.strftime("%Y/%m/%d")))
        elif product.year:
            tags.append(("name", "citation_publication_date", str(product.year)))
        tags.append(("name", "citation_language", "nl"))
        if meta.doi:
            tags.append(("name", "citation_doi", meta.doi))
        for download in meta.downloads:
            if download.file.lower().endswith(".pdf"):
                tags.append(("name", "citation_pdf_url", site_url + download.file))
                break
    lines = [
        f'<meta {kind}="{escape(name)}" content="{escape(value)}">' for kind, name, value in tags
    ]
    lines.append(
        '<script type="application/ld+json">'
        + json_ld(site, product, lang, url, site_url)
        + "</script>"
    )
    return "\n  ".join(lines)
