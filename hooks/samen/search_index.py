"""Per-language search indexes, prebuilt with lunr.py, for the browser's search worker.

Material for MkDocs writes one index for both languages and makes every visitor's browser
build the lunr index from it. We write one prebuilt index per language instead
(``search/search_index.nl.json``, ``search/search_index.en.json``): a Dutch page searches
only Dutch pages, and the browser only loads the index (``docs/assets/js/search-worker.js``).

The Dutch pipeline is lunr-languages' own, as the browser runs it: the trimmer's word
characters and the stop words are read from the ``lunr.nl.min.js`` that Material ships
(the very file the worker loads), and the stemmer is Snowball's original Dutch algorithm,
from which lunr-languages' own was made (``dutch_porter``, in Snowball's C build through
PyStemmer), registered as ``stemmer-nl``. lunr.py's ``lunr.languages`` would register nltk's
port of it, but importing nltk took 0.3 s of every build, a tenth of a build of 100
products; Snowball's pure-Python build (``snowballstemmer``) gives the same stems, some 30
times slower (about 30 µs a word: 0.18 s for the 5,700 words of the benchmark's site).

One step is ours: Dutch doubles a consonant in the plural (gezin, gezinnen), and the
Snowball stemmer leaves the double consonant (gezin, gezinn). ``undouble-nl`` removes it,
so that both forms meet; the worker registers the same function under the same name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import material
import Stemmer
from lunr import __TARGET_JS_VERSION__
from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.stemmer import PorterStemmer
from lunr.stop_word_filter import generate_stop_word_filter
from lunr.stop_word_filter import stop_word_filter as english_stop_word_filter
from lunr.token import Token
from lunr.tokenizer import SEPARATOR_CHARS
from lunr.trimmer import trimmer as english_trimmer

from samen.search_sections import PageSection

LUNR_DUTCH = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min/lunr.nl.min.js"

# How much of a section's text the result list shows; the index itself covers all of it.
TEASER_LENGTH = 160
FIELD_BOOSTS = {"title": 10, "text": 1}


@dataclass(frozen=True)
class SearchDocument:
    """One searchable unit: a page or a section of a page."""

    location: str  # site-relative URL, with "#anchor" for a section
    title: str  # plain text
    text: str  # plain text
    meta: str = ""  # product metadata: type, leernetwerk, themes, organisations, summary
    tags: tuple[str, ...] = field(default=())  # shown under the result: type, leernetwerk


def _dutch_pipeline_parts() -> tuple[str, list[str]]:
    source = LUNR_DUTCH.read_text(encoding="utf-8")
    characters = re.search(r'wordCharacters="([^"]+)"', source)
    stop_words = re.search(r'generateStopWordFilter\("([^"]+)"\.split\(" "\)\)', source)
    if not characters or not stop_words:
        raise RuntimeError(f"cannot read the Dutch trimmer and stop words from {LUNR_DUTCH}")
    return characters.group(1), stop_words.group(1).split()


def _trimmer(word_characters: str):
    """lunr-languages' trimmer: strip non-word characters at both ends (all of '"...",').

    lunr.py's own ``generate_trimmer`` leaves a token without word characters as it is,
    which would put punctuation into the index that the browser never matches.
    """
    start = re.compile(f"^[^{word_characters}]+")
    end = re.compile(f"[^{word_characters}]+$")

    def trimmer(token, i=None, tokens=None):
        token.update(lambda text, metadata=None: end.sub("", start.sub("", text)))
        return token if str(token) else None  # nothing left: no term

    return trimmer


_DOUBLED_CONSONANT = re.compile(r"([bcdfghjklmnpqrstvwxz])\1$")


def undouble_consonant(word: str) -> str:
    """'gezinn' -> 'gezin'; the worker's JavaScript twin must give the same answers."""
    return _DOUBLED_CONSONANT.sub(r"\1", word)


def _undouble(token, i=None, tokens=None):
    return token.update(lambda text, metadata=None: undouble_consonant(text))


class _LunrJsPorterStemmer(PorterStemmer):
    """lunr.py's Porter stemmer, made to agree with lunr.js, which runs the queries.

    In step 1c lunr.js turns a final y into i only after a consonant (``/^(.+?[^aeiou])y$/``:
    "day" stays "day"); lunr.py does it after any vowel in the stem ("day" -> "dai"), so an
    English query for "day" would miss an index built by lunr.py.
    """

    def step1c(self) -> None:
        if self.ends("y") and self.j > self.k0 and self.b[self.j] not in "aeiou":
            self.b = self.b[: self.k] + "i" + self.b[self.k + 1 :]


_english_porter = _LunrJsPorterStemmer()


def english_stemmer(token, i=None, tokens=None):
    return token.update(_english_porter.stem)


english_stemmer.label = "stemmer"  # lunr.js's name; the browser loads it under that name


_DUTCH_SNOWBALL = Stemmer.Stemmer("dutch_porter")  # Snowball 3's "dutch" is a newer one


def dutch_stemmer(token, i=None, tokens=None):
    return token.update(lambda word, metadata=None: _DUTCH_SNOWBALL.stemWord(word))


dutch_stemmer.label = "stemmer-nl"  # lunr-languages' name; the worker loads it under that name


@cache
def _pipelines() -> dict[str, tuple[list, list]]:
    """(indexing pipeline, search pipeline) per language, registered under lunr.js's names."""
    characters, stop_words = _dutch_pipeline_parts()
    trimmer_nl = _trimmer(characters)
    Pipeline.register_function(trimmer_nl, "trimmer-nl")
    stop_words_nl = generate_stop_word_filter(stop_words, language="nl")
    Pipeline.register_function(_undouble, "undouble-nl")
    Pipeline.register_function(dutch_stemmer, "stemmer-nl")
    stemmer_nl = dutch_stemmer
    return {
        "nl": ([trimmer_nl, stop_words_nl, stemmer_nl, _undouble], [stemmer_nl, _undouble]),
        "en": (
            [english_trimmer, english_stop_word_filter, english_stemmer],
            [english_stemmer],
        ),
    }


def dutch_stop_words() -> list[str]:
    return _dutch_pipeline_parts()[1]


_SEPARATORS = re.compile(f"[{re.escape(SEPARATOR_CHARS)}]+")
# str.split() splits at white space (in C, far faster than the regular expression): lunr's
# separators that are not white space become spaces first, and a text with white space that
# lunr does not separate at (U+2009 thin space, say) takes the regular expression. Every
# white space character of Unicode lies below U+3001.
_SEPARATORS_NOT_SPACE = [c for c in SEPARATOR_CHARS if not c.isspace()]
_SPACE_LUNR_KEEPS = "".join(
    c for c in map(chr, range(0x3001)) if c.isspace() and c not in SEPARATOR_CHARS
)
_HAS_SPACE_LUNR_KEEPS = re.compile(f"[{re.escape(_SPACE_LUNR_KEEPS)}]")


def _words(text: str) -> list[str]:
    """The words of ``text``, lowercased, split where lunr's tokenizer splits.

    (The regular expression's way may also give empty strings, which make no term.)
    """
    lowered = text.lower()
    if _HAS_SPACE_LUNR_KEEPS.search(lowered):
        return _SEPARATORS.split(lowered)
    for separator in _SEPARATORS_NOT_SPACE:
        lowered = lowered.replace(separator, " ")
    return lowered.split()


class _TermOfWord(dict):
    """word -> its term (None for a stop word), running the pipeline once per new word."""

    def __init__(self, pipeline: Pipeline) -> None:
        super().__init__({"": None})  # what splitting leaves before and after separators
        self._pipeline = pipeline

    def __missing__(self, word: str) -> str | None:
        terms = self._pipeline.run([Token(word, {})])
        term = self[word] = str(terms[0]) if terms else None
        return term


class _MemoisingBuilder(Builder):
    """lunr.py's Builder, giving the same index in a fraction of the time.

    lunr.py tokenises character by character and runs every pipeline step on a Token object
    for every word of every document; a site repeats the same few thousand words many
    times over. This builder splits on lunr's own separators with one regular expression,
    runs the pipeline once per distinct word of the site and counts a field's terms with
    ``Counter``; only a field's new terms, rare after the first pages, take a Python loop.
    A Counter lists terms by first occurrence, so terms are numbered in the order lunr.py
    meets them. The postings (which documents hold a term) follow from the frequencies:
    they are written when lunr.py's ``build`` needs them (``compact_index`` does not).

    That is only valid because no step here looks at a word's neighbours or metadata, and
    no term metadata is kept (a test compares its state and output with lunr.py's own
    ``Builder``).
    """

    def __init__(self) -> None:
        super().__init__()
        self._term_of_word = _TermOfWord(self.pipeline)

    def add(self, doc: dict, attributes: dict | None = None) -> None:
        assert not self.metadata_whitelist, "term metadata needs lunr.py's own Builder.add"
        doc_ref = str(doc[self._ref])
        self._documents[doc_ref] = attributes or {}
        self.document_count += 1
        term_of_word = self._term_of_word.__getitem__
        known_terms = self.inverted_index.keys()
        for field_name in self._fields:
            words = _words(str(doc[field_name] or ""))
            frequencies = Counter(map(term_of_word, words))
            length = len(words) - frequencies.pop(None, 0)  # stop words and empty splits
            if not frequencies.keys() <= known_terms:
                self._add_terms(frequencies)
            field_ref = f"{field_name}/{doc_ref}"  # str(FieldRef(doc_ref, field_name))
            self.field_term_frequencies[field_ref] = frequencies
            self.field_lengths[field_ref] = length

    def _add_terms(self, terms: Iterable[str]) -> None:
        """Give the terms not yet in the index their posting, numbered as they come."""
        for term in terms:
            if term not in self.inverted_index:
                posting: dict = {name: {} for name in self._fields}
                posting["_index"] = self.term_index
                self.term_index += 1
                self.inverted_index[term] = posting

    def _write_postings(self) -> None:
        # In the order lunr.py's add writes them: document by document, field by field.
        inverted_index = self.inverted_index
        for field_ref, frequencies in self.field_term_frequencies.items():
            field_name, _, doc_ref = field_ref.partition("/")
            for term in frequencies:
                inverted_index[term][field_name][doc_ref] = {}

    def build(self):
        self._write_postings()
        return super().build()


def _filled_builder(
    documents: Sequence[SearchDocument], lang: str, builder_class: type[Builder]
) -> Builder:
    indexing, searching = _pipelines()[lang]
    builder = builder_class()
    builder.pipeline.add(*indexing)
    builder.search_pipeline.add(*searching)
    builder.ref("ref")
    for name, boost in FIELD_BOOSTS.items():
        builder.field(name, boost=boost)
    for ref, document in enumerate(documents):
        builder.add(
            {
                "ref": str(ref),
                "title": document.title,
                # Metadata joins the text field: a third field would cost an entry per term.
                "text": f"{document.text} {document.meta}" if document.meta else document.text,
            }
        )
    return builder


def lunr_index(
    documents: Sequence[SearchDocument], lang: str, builder_class: type[Builder] = _MemoisingBuilder
):
    """The lunr index of ``documents`` as lunr.py builds it (references: "0", "1", ...)."""
    return _filled_builder(documents, lang, builder_class).build()


def build_index(documents: Sequence[SearchDocument], lang: str) -> dict:
    """The JSON payload the worker loads: the compact index and a store of what results show.

    References are list positions, which keeps the inverted index small; no term positions
    are stored (the worker highlights by stemming the shown words).
    """
    index = compact_index(_filled_builder(documents, lang, _MemoisingBuilder))
    parents = {doc.location: ref for ref, doc in enumerate(documents) if "#" not in doc.location}
    store = []
    for document in documents:
        item: dict = {"l": document.location, "t": document.title, "x": teaser(document.text)}
        if document.tags:
            item["g"] = list(document.tags)
        parent = parents.get(document.location.split("#", 1)[0])
        if "#" in document.location and parent is not None:
            item["p"] = parent
        store.append(item)
    return {"lang": lang, "index": index, "docs": store}


def _utf16(term: str) -> bytes:
    return term.encode("utf-16-be")  # the order of JavaScript's string comparison


def compact_index(builder: Builder) -> dict:
    """What lunr.js needs to rebuild the index, in far fewer bytes than lunr's own format.

    lunr's serialised index carries a vector of BM25 weights for every field of every
    document, about half its size; those weights follow from term frequencies and field
    lengths, so the worker computes them (docs/assets/js/search-index-format.js, tested
    against lunr.py's own vectors). What is kept, per term in the order lunr.js must
    insert terms (sorted as JavaScript sorts strings): for each field, the documents that
    contain it as gaps from the previous document number, each followed by ``-tf`` where
    the term occurs more than once (``[3, 5, -2]``: document 3 once, document 8 twice).
    """
    fields = list(builder._fields)
    field_number = {name: number for number, name in enumerate(fields)}
    # One pass over the frequencies, in the order the documents were added (their numbers,
    # as _filled_builder adds them), so the gaps come out as they go; the inverted index
    # would need a sort and a frequency look-up per posting (and _MemoisingBuilder writes
    # its postings only on build()).
    encoded: dict[str, tuple[list[int], ...]] = {
        term: tuple([] for _ in fields) for term in builder.inverted_index
    }
    previous: list[dict[str, int]] = [{} for _ in fields]
    documents_seen = [0 for _ in fields]
    for field_ref, frequencies in builder.field_term_frequencies.items():
        name, _, ref = field_ref.partition("/")
        number, document = field_number[name], int(ref)
        if document != documents_seen[number]:
            raise ValueError("compact_index needs documents numbered 0, 1, ... as added")
        documents_seen[number] += 1
        previous_document = previous[number]
        last_document = previous_document.get
        for term, tf in frequencies.items():
            postings = encoded[term][number]
            postings.append(document - last_document(term, 0))
            previous_document[term] = document
            if tf > 1:
                postings.append(-tf)
    terms = sorted(builder.inverted_index, key=_utf16)
    postings = [list(encoded[term]) for term in terms]
    return {
        "version": __TARGET_JS_VERSION__,
        "fields": fields,
        "boosts": [builder._fields[name].boost for name in fields],
        "pipeline": builder.search_pipeline.serialize(),
        "documents": builder.document_count,
        "terms": terms,
        "postings": postings,
    }


def teaser(text: str) -> str:
    if len(text) <= TEASER_LENGTH:
        return text
    cut = text.rfind(" ", 0, TEASER_LENGTH)
    return text[: cut if cut > TEASER_LENGTH // 2 else TEASER_LENGTH].rstrip(" ,;:") + " …"


def documents_from_sections(
    sections: Iterable[PageSection], metadata: dict[str, tuple[str, tuple[str, ...]]]
) -> list[SearchDocument]:
    """The pages' sections as our documents, with product metadata on the product pages.

    ``metadata`` maps a page URL to its searchable metadata text and its result tags.
    """
    no_metadata = ("", ())
    return [
        SearchDocument(
            section.location,
            section.title,
            section.text,
            *metadata.get(section.location, no_metadata),
        )
        for section in sections
    ]
