"""What search knows about a product beyond its page text: kind, leernetwerk, themes, makers.

Visitors search for "handreiking normaliseren" or an organisation's name; these words are
not always in the page text, so they go into the index's ``meta`` field of the product page.
The kind and the leernetwerk are also shown under the result.
"""

from __future__ import annotations

from samen.site_data import SiteData, page_url


def product_search_metadata(site: SiteData, lang: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Page URL -> (searchable metadata text, result tags) for every product in ``lang``."""
    # One table per vocabulary (ids are unique, checked on loading): SiteData.label and
    # organisation_by_id scan a list per call, several calls per product.
    labels = {
        vocabulary: {term.id: term.label.get(lang) for term in getattr(site.taxonomy, vocabulary)}
        for vocabulary in ("types", "leernetwerken", "themes", "audiences")
    }
    organisations = {o.id: o.display_name(lang) for o in site.partners.organisations}
    metadata = {}
    for product in site.products.values():
        meta = product.meta
        kind = labels["types"][meta.type]
        leernetwerken = [labels["leernetwerken"][i] for i in meta.leernetwerken]
        words = [
            kind,
            *leernetwerken,
            *(labels["themes"][i] for i in meta.themes),
            *(labels["audiences"][i] for i in meta.audiences),
            *(organisations[i] for i in meta.organisations),
            product.subtitle(lang) or "",
            product.summary(lang),
        ]
        url = page_url(product.src_uri, lang)
        metadata[url] = (" ".join(w for w in words if w), (kind, *leernetwerken))
    return metadata
