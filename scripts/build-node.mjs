// Bundles the Node side: Electron main and preload (CommonJS, as Electron's sandboxed preload
// requires) and the web edition's server. The renderer is built by Vite.
import { chmodSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/electron/main.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
  build({ ...common, entryPoints: ['electron/web/serve.ts'], outfile: 'dist/web/serve.mjs', format: 'esm' }),
  build({
    ...common,
    entryPoints: ['electron/cli/qorgau.ts'],
    outfile: 'dist/cli/qorgau.mjs',
    format: 'esm',
    banner: { js: '#!/usr/bin/env node' },
    // Loaded from node_modules at run time: the package finds its WebAssembly file beside itself.
    external: ['@bokuweb/zstd-wasm'],
  }),
]);

// The command-line export is run directly (`npx qorgau`), so it must be executable.
chmodSync('dist/cli/qorgau.mjs', 0o755);
