/*
 * SAMEN search: turns the compact index that hooks/samen/search_index.py writes
 * (compact_index) back into the index lunr.js loads. Used by search-worker.js, and by the
 * tests, which require the same field vectors as lunr.py's own index.
 *
 * The file carries no BM25 field vectors, about half of lunr's own format: they follow
 * from the term frequencies and field lengths, and are computed here exactly as lunr's
 * Builder computes them (k1 = 1.2, b = 0.75, weights rounded to three decimals).
 */
'use strict';

// eslint-disable-next-line no-unused-vars
function expandSearchIndex(compact, lunr) {
  const { fields, boosts, terms, postings, documents } = compact;
  const k1 = 1.2;
  const b = 0.75;
  // Per field: term frequencies per document, and the document's field length.
  const frequencies = fields.map(() => new Map());
  const lengths = fields.map(() => new Array(documents).fill(0));
  const invertedIndex = terms.map((term, number) => {
    const posting = { _index: number };
    fields.forEach((field, f) => {
      const refs = {};
      const encoded = postings[number][f];
      let ref = 0;
      for (let i = 0; i < encoded.length; i += 1) {
        ref += encoded[i];
        const tf = encoded[i + 1] < 0 ? -encoded[(i += 1)] : 1;
        refs[ref] = {};
        if (!frequencies[f].has(ref)) frequencies[f].set(ref, []);
        frequencies[f].get(ref).push(number, tf);
        lengths[f][ref] += tf;
      }
      posting[field] = refs;
    });
    return [term, posting];
  });
  const idf = postings.map((perField) => {
    let withTerm = 0; // as lunr.idf counts: a document once per field that holds the term
    for (const encoded of perField) withTerm += encoded.filter((n) => n >= 0).length;
    return Math.log(1 + Math.abs((documents - withTerm + 0.5) / (withTerm + 0.5)));
  });
  const fieldVectors = [];
  fields.forEach((field, f) => {
    const average = lengths[f].reduce((sum, n) => sum + n, 0) / documents;
    for (let ref = 0; ref < documents; ref += 1) {
      const pairs = frequencies[f].get(ref) || [];
      const elements = [];
      for (let i = 0; i < pairs.length; i += 2) {
        const [number, tf] = [pairs[i], pairs[i + 1]];
        const norm = k1 * (1 - b + (b * lengths[f][ref]) / average) + tf;
        const score = ((idf[number] * ((k1 + 1) * tf)) / norm) * boosts[f];
        elements.push(number, Math.round(score * 1000) / 1000);
      }
      fieldVectors.push([`${field}/${ref}`, elements]);
    }
  });
  return lunr.Index.load({
    version: compact.version,
    fields,
    fieldVectors,
    invertedIndex,
    pipeline: compact.pipeline,
  });
}
