// Finds the Electron binary without triggering Electron's own download (its index.js downloads
// when the binary is missing, which hangs or fails on machines without that network access).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** @returns {{ path: string } | { missing: string }} */
export function findElectronBinary() {
  const require = createRequire(import.meta.url);
  let packageFolder;
  try {
    packageFolder = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed (run npm ci)' };
  }
  const pathFile = path.join(packageFolder, 'path.txt');
  if (!existsSync(pathFile)) {
    return { missing: 'the Electron binary was not downloaded (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)' };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : path.join(packageFolder, 'dist', relative);
  return existsSync(binary) ? { path: binary } : { missing: `the Electron binary is missing at ${binary}` };
}
