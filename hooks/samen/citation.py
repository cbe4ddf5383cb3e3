"""How to cite a product: a ready reference and BibTeX, RIS and CSL-JSON records.

The sources name no personal authors for SAMEN's products, so the author is the body
a product came from: its leernetwerk(en) of SAMEN, published by SAMEN. Planned products
have nothing to cite yet and get no records.

The records describe the publication, which is Dutch (its title, authors and language), so
each product has one set, next to its Dutch page and pointing to it, which the English page
links to as well. (Per language they differed in the URL only, and doubled the files the
site is made of: three per product.)
"""

from __future__ import annotations

import json

from samen.site_data import DEFAULT_LANGUAGE, Product, SiteData, page_url

PUBLISHER = "SAMEN, Regionale Kenniswerkplaats Jeugd"

_TYPES = {  # our product type -> (BibTeX entry, RIS type, CSL type)
    "rapport": ("techreport", "RPRT", "report"),
    "artikel": ("article", "JOUR", "article-journal"),
    "handreiking": ("misc", "GEN", "document"),
}


def citable(product: Product) -> bool:
    return product.meta.status == "gepubliceerd"


def records_folder(product: Product) -> str:
    """Site URL of the folder that holds the product's records: that of its Dutch page."""
    return page_url(product.src_uri, DEFAULT_LANGUAGE)


def authors(site: SiteData, product: Product) -> list[str]:
    return [f"{site.label('leernetwerken', i, 'nl')} (SAMEN)" for i in product.meta.leernetwerken]


def full_title(product: Product) -> str:
    """The Dutch title of the publication, with its subtitle where the subtitle is Dutch too."""
    meta = product.meta
    return f"{meta.title}: {meta.subtitle}" if meta.subtitle else meta.title


def reference(site: SiteData, product: Product, url: str, lang: str) -> str:
    """A reference in APA style, as plain text."""
    no_date = "n.d." if lang == "en" else "z.d."
    year = str(product.year) if product.year else no_date
    parts = [f"{'; '.join(authors(site, product))} ({year}). {full_title(product)}."]
    parts.append(f"{site.label('types', product.meta.type, lang)}. {PUBLISHER}.")
    parts.append(f"https://doi.org/{product.meta.doi}" if product.meta.doi else url)
    return " ".join(parts)


def _kind(product: Product) -> tuple[str, str, str]:
    return _TYPES.get(product.meta.type, ("misc", "GEN", "document"))


def bibtex(site: SiteData, product: Product, url: str) -> str:
    fields = {
        "author": " and ".join(f"{{{a}}}" for a in authors(site, product)),
        "title": f"{{{full_title(product)}}}",
        "publisher": f"{{{PUBLISHER}}}",
        "year": product.year,
        "url": url,
        "doi": product.meta.doi,
        "language": "dutch",
    }
    if product.meta.date:
        fields["date"] = product.meta.date.isoformat()
    lines = [f"  {name} = {{{value}}}," for name, value in fields.items() if value]
    return f"@{_kind(product)[0]}{{{product.id},\n" + "\n".join(lines) + "\n}\n"


def ris(site: SiteData, product: Product, url: str) -> str:
    lines = [f"TY  - {_kind(product)[1]}"]
    lines += [f"AU  - {a}" for a in authors(site, product)]
    lines.append(f"TI  - {full_title(product)}")
    lines.append(f"PB  - {PUBLISHER}")
    if product.year:
        lines.append(f"PY  - {product.year}")
    if product.meta.date:
        lines.append(f"DA  - {product.meta.date.strftime('%Y/%m/%d')}")
    if product.meta.doi:
        lines.append(f"DO  - {product.meta.doi}")
    lines += [f"UR  - {url}", "LA  - nl", "ER  - "]
    return "\n".join(lines) + "\n"


def csl_json(site: SiteData, product: Product, url: str) -> str:
    item: dict[str, object] = {
        "id": product.id,
        "type": _kind(product)[2],
        "title": full_title(product),
        "author": [{"literal": a} for a in authors(site, product)],
        "publisher": PUBLISHER,
        "URL": url,
        "language": "nl",
    }
    if product.meta.date:
        d = product.meta.date
        item["issued"] = {"date-parts": [[d.year, d.month, d.day]]}
    elif product.year:
        item["issued"] = {"date-parts": [[product.year]]}
    if product.meta.doi:
        item["DOI"] = product.meta.doi
    return json.dumps([item], ensure_ascii=False, indent=1) + "\n"


CITATION_FILES = {"cite.bib": bibtex, "cite.ris": ris, "cite.json": csl_json}
