"""Generate a realistic SAMEN site with N extra knowledge products, next to the real site.

The project is a copy of the real ``docs/`` and ``data/`` with N generated products in both
languages; ``mkdocs.yml``, ``hooks/`` and ``overrides/`` are linked, so the build uses our
full configuration. Products use the real taxonomies, partners and leernetwerken, carry
about 400 words of Dutch-like (or English-like) text made of the words of the real pages,
and some have a download, a web link and related products. Seeded: the same N gives the
same site.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
WORDS_PER_PRODUCT = 400


def _vocabulary(lang: str) -> list[str]:
    pattern = "*.en.md" if lang == "en" else "*.md"
    words: list[str] = []
    for page in sorted((REPO / "docs").rglob(pattern)):
        if lang == "nl" and page.name.endswith(".en.md"):
            continue
        body = page.read_text(encoding="utf-8").split("---", 2)[-1]
        words += re.findall(r"[^\W\d_]{2,}", body)
    return words


def _sentence(rng: random.Random, words: list[str], length: int) -> str:
    chosen = [rng.choice(words) for _ in range(length)]
    return " ".join(chosen).capitalize() + "."


def _paragraphs(rng: random.Random, words: list[str], total: int) -> list[str]:
    paragraphs, count = [], 0
    while count < total:
        sentences = [_sentence(rng, words, rng.randint(8, 18)) for _ in range(rng.randint(3, 5))]
        paragraphs.append(" ".join(sentences))
        count += sum(len(s.split()) for s in sentences)
    return paragraphs


def _front_matter(data: dict) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def generate(target: Path, products: int, seed: int = 1) -> Path:
    """Write the project into ``target`` (replaced if it exists) and return it."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copytree(REPO / "docs", target / "docs")
    shutil.copytree(REPO / "data", target / "data")
    for name in ("hooks", "overrides", "mkdocs.yml"):
        (target / name).symlink_to(REPO / name)
    taxonomy = yaml.safe_load((REPO / "data/taxonomie.yml").read_text(encoding="utf-8"))
    partners = yaml.safe_load((REPO / "data/partners.yml").read_text(encoding="utf-8"))
    ids = {v: [t["id"] for t in taxonomy[v]] for v in ("types", "themes", "audiences")}
    leernetwerken = [t["id"] for t in taxonomy["leernetwerken"]]
    organisations = [o["id"] for o in partners["organisations"]]
    dutch, english = _vocabulary("nl"), _vocabulary("en")
    rng = random.Random(seed)
    folder = target / "docs" / "producten"
    downloads = target / "docs" / "bestanden"
    downloads.mkdir(exist_ok=True)
    for number in range(products):
        product_id = f"bench-{number:05d}"
        title = _sentence(rng, dutch, rng.randint(3, 7)).rstrip(".")
        meta: dict = {
            "id": product_id,
            "title": title,
            "type": rng.choice(ids["types"]),
            "leernetwerken": rng.sample(leernetwerken, rng.randint(1, 2)),
            "themes": rng.sample(ids["themes"], rng.randint(1, 2)),
            "audiences": rng.sample(ids["audiences"], rng.randint(1, 2)),
            "status": "gepubliceerd",
            "date": f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "organisations": rng.sample(organisations, rng.randint(0, 2)),
            "summary": _sentence(rng, dutch, 25),
        }
        if number % 3 == 0:
            file = f"bestanden/{product_id}.pdf"
            (target / "docs" / file).write_bytes(b"%PDF-1.4\n% benchmark file\n")
            meta["downloads"] = [{"file": file, "title": f"{title} (pdf)"}]
        if number % 4 == 0:
            meta["links"] = [{"url": f"https://example.org/{product_id}", "title": title}]
        if number >= 5 and number % 2 == 0:
            meta["related"] = [f"bench-{rng.randrange(number):05d}"]
        body = _paragraphs(rng, dutch, WORDS_PER_PRODUCT)
        sections = ["## Waarover het gaat", "## Hoe het tot stand kwam"]
        text = f"# {title}\n\n{body[0]}\n\n{sections[0]}\n\n" + "\n\n".join(body[1:-1])
        text += f"\n\n{sections[1]}\n\n{body[-1]}\n"
        (folder / f"{product_id}.md").write_text(_front_matter(meta) + "\n" + text, "utf-8")
        title_en = _sentence(rng, english, rng.randint(3, 7)).rstrip(".")
        meta_en = {"title": title_en, "summary": _sentence(rng, english, 25)}
        body_en = _paragraphs(rng, english, WORDS_PER_PRODUCT)
        text_en = f"# {title_en}\n\n" + "\n\n## What it is about\n\n".join(
            ["\n\n".join(body_en[:2]), "\n\n".join(body_en[2:])]
        )
        (folder / f"{product_id}.en.md").write_text(
            _front_matter(meta_en) + "\n" + text_en + "\n", "utf-8"
        )
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--products", type=int, default=100)
    args = parser.parse_args()
    generate(args.target, args.products)


if __name__ == "__main__":
    main()
