// `npm run bench [-- --quick]`: builds the in-page half of the benchmark and runs the driver.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const quick = process.argv.includes('--quick');
await build({
  entryPoints: ['bench/page/bench-page.ts'],
  outfile: 'dist/bench/bench-page.js',
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
  logLevel: 'warning',
  legalComments: 'none',
  // An IIFE has no import.meta; the zstd package resolves its module against it before it reads
  // the location the page gives (see `start` in bench-page.ts).
  define: { 'import.meta.url': 'location.href' },
});
const result = spawnSync('npx', ['playwright', 'test', '--config', 'bench/bench.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, ...(quick ? { QORGAU_BENCH_QUICK: '1' } : {}) },
});
process.exit(result.status ?? 1);
