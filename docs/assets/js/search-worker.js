/*
 * SAMEN search worker: answers Material for MkDocs' search box from a prebuilt index.
 *
 * Material lets a theme name its own search worker (overrides/main.html, "search" in the
 * page config); this one speaks Material's message format (SETUP 0, READY 1, QUERY 2,
 * RESULT 3), so visitors keep Material's search box, keyboard handling and result list.
 * Unlike Material's worker it builds no index in the browser: it loads the one index of
 * its page's language (?lang= in its own URL), prebuilt by hooks/search_index.py, on the
 * first query. Titles and teasers are plain text in the index; they are escaped here,
 * because Material inserts result titles and texts as HTML.
 */
'use strict';

const MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 };
const LANG = new URL(self.location.href).searchParams.get('lang') === 'en' ? 'en' : 'nl';

importScripts('../vendor/lunr/lunr.min.js', 'search-index-format.js');
if (LANG === 'nl') {
  importScripts(
    '../javascripts/lunr/min/lunr.stemmer.support.min.js',
    '../javascripts/lunr/min/lunr.nl.min.js',
  );
  // Twin of samen.search_index.undouble_consonant: "gezinn" (from gezinnen) -> "gezin".
  const undouble = (token) => token.update((word) => word.replace(/([bcdfghjklmnpqrstvwxz])\1$/, '$1'));
  lunr.Pipeline.registerFunction(undouble, 'undouble-nl');
}

const stopWordFilter = LANG === 'nl' ? lunr.nl.stopWordFilter : lunr.stopWordFilter;
const WORD = /[\p{L}\p{N}]+/gu;
const PARTS = /([\p{L}\p{N}]+)/u;

let loading = null;

function load() {
  loading ||= fetch(new URL(`../../search/search_index.${LANG}.json`, self.location.href))
    .then((response) => {
      if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
      return response.json();
    })
    .then((data) => ({ index: expandSearchIndex(data.index, lunr), docs: data.docs }));
  return loading;
}

const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function stem(index, word) {
  return index.pipeline.runString(word.toLowerCase())[0] || '';
}

/* Words a visitor typed, without stop words ("de", "the"): they are not in the index. */
function queryWords(query) {
  const words = (query.toLowerCase().match(WORD) || []).filter((w) => stopWordFilter(w) !== undefined);
  return [...new Set(words)];
}

function runQuery(index, words, fuzzy) {
  return index.query((q) => {
    for (const word of words) {
      if (fuzzy) {
        // Typo fallback: one letter off from a word or from its stem.
        if (word.length >= 4) {
          q.term(word, { usePipeline: false, editDistance: 1 });
          q.term(stem(index, word), { usePipeline: false, editDistance: 1 });
        }
        continue;
      }
      q.term(word, { boost: 10 }); // stemmed: "gezinnen" meets "gezin"
      // A word still being typed: "normal" finds "normaliseren". The index holds stems,
      // so the raw prefix is not run through the stemmer.
      q.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
    }
  });
}

function highlight(index, text, matched) {
  return text
    .split(PARTS)
    .map((part, i) => (i % 2 === 1 && matched.has(stem(index, part)) ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part)))
    .join('');
}

function search({ index, docs }, query) {
  const words = queryWords(query);
  if (!words.length) return { items: [] };
  let hits = runQuery(index, words, false);
  if (!hits.length) hits = runQuery(index, words, true);

  const groups = new Map();
  for (const { ref, score, matchData } of hits) {
    const doc = docs[Number(ref)];
    const matched = new Set(Object.keys(matchData.metadata));
    const terms = {};
    for (const word of words) {
      const wordStem = stem(index, word);
      terms[word] = [...matched].some((term) => term === wordStem || term.startsWith(word) || term.startsWith(wordStem));
    }
    const item = {
      location: doc.l,
      title: highlight(index, doc.t, matched),
      text: doc.x ? `<p>${highlight(index, doc.x, matched)}</p>` : '',
      score,
      terms,
    };
    if (doc.g) item.tags = doc.g.map(escapeHtml);
    const page = doc.p === undefined ? Number(ref) : doc.p;
    if (!groups.has(page)) groups.set(page, []);
    groups.get(page).push(item);
  }
  // Material shows a result group as its page first, then the page's matching sections.
  for (const [page, items] of groups) {
    if (!items.some((item) => !item.location.includes('#'))) {
      const doc = docs[page];
      const item = { location: doc.l, title: escapeHtml(doc.t), text: '', score: 0, terms: {} };
      if (doc.g) item.tags = doc.g.map(escapeHtml);
      items.push(item);
    }
  }
  return { items: [...groups.values()] };
}

addEventListener('message', async ({ data: message }) => {
  switch (message.type) {
    case MESSAGE.SETUP:
      // Ready at once; the index is fetched on the first query, so pages where nobody
      // searches cost no download.
      postMessage({ type: MESSAGE.READY });
      break;
    case MESSAGE.QUERY:
      try {
        const store = message.data.trim() ? await load() : null;
        postMessage({ type: MESSAGE.RESULT, data: store ? search(store, message.data) : { items: [] } });
      } catch (error) {
        console.warn(error);
        loading = null;
        postMessage({ type: MESSAGE.RESULT, data: { items: [] } });
      }
      break;
    default:
      throw new TypeError('Invalid message type');
  }
});
