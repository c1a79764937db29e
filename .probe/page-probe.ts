import { random, workloadCase } from '../bench/workload';
import { caseSearchDocument } from '../shared/search/case-document';
import { documentWords } from '../shared/search/search-index';
import { deflateJson, packCase, packPage, pageIdOf } from '../shared/backup/vault-rows';
const next = random(1);
const at = '2026-06-30T12:00:00.000Z';
const pages = new Map<string, any[]>();
for (let i = 0; i < 10000; i++) {
  const { fields, entries } = workloadCase(next, i);
  const caseTag = `bench-1-${i}`;
  const snap = { caseTag, record: { ...fields, createdAt: at, updatedAt: at, history: [{ at, action: 'case-created', changes: [] }], deadlines: [] }, entries: entries.map((e, k) => ({ id: `${caseTag}-e${k}`, record: { ...e, createdAt: at, updatedAt: at } })), attachments: [] };
  const p = pageIdOf(caseTag);
  if (!pages.has(p)) pages.set(p, []);
  pages.get(p)!.push(snap);
}
let t = performance.now();
const packed = [...pages.values()].map((cs) => cs.map((c) => packCase(c)));
console.log('pack cases', (performance.now() - t).toFixed(0));
const sizes = packed.map((p) => packPage(p).byteLength).sort((a, b) => a - b);
console.log('page bytes min/median/max', sizes[0], sizes[128], sizes[255], 'total', sizes.reduce((s, x) => s + x, 0));
const heads = packed.map((p) => deflateJson({ heads: p.map((c) => c.head) }).byteLength).sort((a, b) => a - b);
console.log('heads block median', heads[128]);
const bodies = packed.flat().map((c) => c.body.byteLength);
console.log('body avg', bodies.reduce((s, x) => s + x, 0) / bodies.length, 'json avg', JSON.stringify([...pages.values()].flat()).length / 10000);
const words = [...pages.values()].map((cs) => deflateJson({ words: Object.fromEntries(cs.map((c) => [c.caseTag, documentWords(caseSearchDocument(c))])) }).byteLength).sort((a, b) => a - b);
console.log('search page median', words[128]);
