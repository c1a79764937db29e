// Makes a new set of format fixtures under tests/fixtures/formats/<name>/ (see
// tests/fixtures/formats/make.ts): run once when a stored format changes, and commit the set.
// A set that exists is never made again: it is what an older Qorgau wrote, and must keep opening.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const name = process.argv[2];
if (!name || !/^[a-z0-9-]+$/.test(name)) {
  console.error('usage: node scripts/make-fixtures.mjs <set-name>   (e.g. 2026-12-formats)');
  process.exit(2);
}
const out = path.resolve('tests/fixtures/formats', name);
if (existsSync(out)) {
  console.error(`make-fixtures: ${out} exists; fixtures are never made again. Choose a new name.`);
  process.exit(2);
}
// Beside node_modules, so the packages left out of the bundle resolve as they do in the tests.
const bundle = path.resolve('node_modules/.cache', `qorgau-make-fixtures-${process.pid}.mjs`);
mkdirSync(path.dirname(bundle), { recursive: true });
await build({
  entryPoints: ['tests/fixtures/formats/make.ts'],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  logLevel: 'warning',
  external: ['@bokuweb/zstd-wasm', 'fake-indexeddb', 'hash-wasm', 'dexie', 'zod', 'fflate'],
});
mkdirSync(out, { recursive: true });
try {
  const { makeFixtureSet } = await import(pathToFileURL(bundle).href);
  await makeFixtureSet(out);
  console.log(`make-fixtures: wrote ${out}`);
} catch (error) {
  rmSync(out, { recursive: true, force: true });
  throw error;
} finally {
  rmSync(bundle, { force: true });
}
