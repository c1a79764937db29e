import { deflateSync, inflateSync } from 'fflate';
import { random, workloadCase } from '../bench/workload';
import { caseSearchDocument } from '../shared/search/case-document';
import { documentWords, SearchIndex } from '../shared/search/search-index';
import { pageIdOf } from '../shared/backup/vault-rows';
const next = random(1);
const at = '2026-06-30T12:00:00.000Z';
const pages = new Map<string, Record<string, unknown>>();
let t = performance.now();
for (let i = 0; i < 10000; i++) {
  const { fields, entries } = workloadCase(next, i);
  const caseTag = `bench-1-${i}`;
  const snap = { caseTag, record: { ...fields, createdAt: at, updatedAt: at, history: [], deadlines: [] }, entries: entries.map((e, k) => ({ id: `${caseTag}-e${k}`, record: { ...e, createdAt: at, updatedAt: at } })), attachments: [] };
  const w = documentWords(caseSearchDocument(snap as never));
  const p = pageIdOf(caseTag);
  if (!pages.has(p)) pages.set(p, {});
  pages.get(p)![caseTag] = w;
}
console.log('words', (performance.now() - t).toFixed(0));
const blobs = [...pages.values()].map((words) => deflateSync(new TextEncoder().encode(JSON.stringify({ words })), { level: 1 }));
console.log('compressed total', blobs.reduce((s, b) => s + b.length, 0), 'raw', [...pages.values()].reduce((s, w) => s + JSON.stringify({ words: w }).length, 0));
let sk = 0, fo = 0; for (const p of pages.values()) for (const w of Object.values(p) as any[]) { sk += w.skeleton.length; fo += w.folded.length; }
console.log('postings skeleton', sk, 'folded', fo);
t = performance.now();
const parsed = blobs.map((b) => JSON.parse(new TextDecoder().decode(inflateSync(b))));
console.log('inflate+parse', (performance.now() - t).toFixed(0));
t = performance.now();
const index = new SearchIndex();
for (const c of parsed) for (const [id, w] of Object.entries(c.words)) index.upsertWords(id, w as never);
console.log('upsert', (performance.now() - t).toFixed(0));
t = performance.now(); index.search('заседание'); console.log('first search', (performance.now() - t).toFixed(0));
const distinct = new Set<string>(); for (const p of pages.values()) for (const w of Object.values(p) as any[]) for (const x of w.skeleton) distinct.add(x);
console.log('distinct skeleton words', distinct.size);
{
  let t = performance.now();
  const raws = blobs.map((b) => inflateSync(b));
  console.log('inflate only', (performance.now() - t).toFixed(0));
  t = performance.now();
  const sizes = raws.map((r) => r.length);
  blobs.forEach((b, i) => inflateSync(b, { out: new Uint8Array(sizes[i]!) }));
  console.log('inflate presized', (performance.now() - t).toFixed(0));
  t = performance.now();
  const strs = raws.map((r) => new TextDecoder().decode(r));
  console.log('decode', (performance.now() - t).toFixed(0));
  t = performance.now();
  strs.forEach((s) => JSON.parse(s));
  console.log('parse', (performance.now() - t).toFixed(0));
}
