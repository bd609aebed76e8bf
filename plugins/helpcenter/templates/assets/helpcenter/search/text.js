// Text helpers of the search engine: spelling candidates, and the marked excerpts results show.

import { chunks, term } from "./tokenize.js";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Every string one deletion, transposition, substitution or insertion away from `word`. */
export function edits(word) {
  const chars = [...word];
  const alphabet = [...new Set([...LETTERS, ...chars])];
  const out = new Set();
  for (let i = 0; i <= chars.length; i++) {
    const head = chars.slice(0, i).join("");
    const tail = chars.slice(i);
    if (tail.length) out.add(head + tail.slice(1).join(""));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2).join(""));
    for (const c of alphabet) {
      if (tail.length) out.add(head + c + tail.slice(1).join(""));
      out.add(head + c + tail.join(""));
    }
  }
  out.delete(word);
  return out;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions, as lunr counts). */
export function editDistance(a, b) {
  const x = [...a];
  const y = [...b];
  const rows = Array.from({ length: x.length + 1 }, (_, i) => [i, ...new Array(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) rows[0][j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[x.length][y.length];
}

/** [text, marked] segments of `text`, marking every chunk whose term is in `matched`. */
export function highlight(text, matched) {
  const ranges = [];
  for (const chunk of chunks(text)) {
    if (!chunk.tokens.some((t) => matched.has(term(t)))) continue;
    const last = ranges[ranges.length - 1];
    if (last && chunk.start <= last[1]) last[1] = Math.max(last[1], chunk.end);
    else ranges.push([chunk.start, chunk.end]);
  }
  const segments = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) segments.push([text.slice(at, start), false]);
    segments.push([text.slice(start, end), true]);
    at = end;
  }
  if (at < text.length) segments.push([text.slice(at), false]);
  return segments;
}

/** At most `size` characters of segments, starting a little before the first marked one. */
export function excerpt(segments, size) {
  let offset = 0;
  let first = -1;
  for (const [text, marked] of segments) {
    if (marked) { first = offset; break; }
    offset += text.length;
  }
  const total = segments.reduce((sum, [text]) => sum + text.length, 0);
  let start = first > size / 3 ? first - Math.floor(size / 4) : 0;
  start = Math.min(start, Math.max(0, total - size));
  const end = Math.min(total, start + size);
  const out = [];
  offset = 0;
  for (const [text, marked] of segments) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + text.length);
    if (from < to) out.push([text.slice(from - offset, to - offset), marked]);
    offset += text.length;
  }
  if (start > 0 && out.length) out[0][0] = `…${out[0][0].trimStart()}`;
  if (end < total && out.length) out[out.length - 1][0] = `${out[out.length - 1][0].trimEnd()}…`;
  return out;
}
