/**
 * Command-line switches that open the running app to another program: Chromium's remote
 * debugging (a seized, running laptop could be read over it, the vault's keys included) and
 * Node's inspector, and V8 flags. A packaged build refuses to start with any of them (the fuses
 * in electron-builder.yml already turn the Node inspector switches off; Chromium's are not fuses).
 */
const REFUSED = [
  '--remote-debugging-port',
  '--remote-debugging-pipe',
  '--remote-debugging-address',
  '--remote-allow-origins',
  '--inspect',
  '--inspect-brk',
  '--inspect-port',
  '--inspect-publish-uid',
  '--debug',
  '--debug-brk',
  '--js-flags',
] as const;

/** The refused switches among `argv`, as written (`--remote-debugging-port=9222` → `--remote-debugging-port`). */
export function refusedSwitches(argv: readonly string[]): string[] {
  const found: string[] = [];
  for (const arg of argv) {
    const name = arg.toLowerCase().split('=')[0]!;
    // Chromium also takes switches with one dash.
    const normal = name.startsWith('--') ? name : name.startsWith('-') ? `-${name}` : null;
    if (normal !== null && (REFUSED as readonly string[]).includes(normal)) found.push(normal);
  }
  return found;
}
