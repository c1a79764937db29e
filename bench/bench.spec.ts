// `npm run bench`: one test on purpose, so that every measure shares one browser, one seeded vault
// and one machine state, and each is taken beside its baseline in the same run. Over 500 lines
// because each measure is a few dozen; its helpers live in bench/page/ and bench/workload.ts.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../tests/e2e/fixtures';
import { randomId } from '../shared/crypto/bytes';
import type { DeviceDocuments } from '../renderer/src/platform/platform';
import { desktopDocumentsIn } from '../tests/fixtures/desktop-documents';
import type { BenchApi } from './page/bench-page';
import { QUERIES } from './workload';

/**
 * `npm run bench`: the web edition in Chromium on a persistent on-disk profile, seeded with a
 * generated workload; every number is set beside a baseline measured in the same run.
 * `--quick` (QORGAU_BENCH_QUICK=1) runs the same steps at 1,000 cases with small files.
 */
const QUICK = process.env.QORGAU_BENCH_QUICK === '1';
const CASES = Number(process.env.QORGAU_BENCH_CASES ?? (QUICK ? 1_000 : 10_000));
const ATTACH_MIB = Number(process.env.QORGAU_BENCH_ATTACH_MIB ?? (QUICK ? 16 : 200));
const MEMORY_MIB = Number(process.env.QORGAU_BENCH_MEMORY_MIB ?? (QUICK ? 32 : 500));
const MEMORY_ROUNDS = QUICK ? 1 : 3;
const PASSPHRASE = 'bench passphrase Әділет 2026 lantern';
const SEED = 20_260_401;
const BUNDLE = path.resolve('dist/bench/bench-page.js');
/** A file of the app as built (`npm run build`), by its name before Vite's hash, as the page fetches it. */
function builtAsset(name: string, extension: string): string {
  const file = readdirSync('dist/renderer/assets').find((f) => f.startsWith(`${name}-`) && f.endsWith(extension));
  if (file === undefined) throw new Error(`bench: dist/renderer/assets has no ${name}; run \`npm run build\` first`);
  return `/assets/${file}`;
}
/** The app's hashing worker, for the in-page half to hash large files as the app does. */
const HASH_WORKER = builtAsset('file-hash-worker', '.js');
/** The app's Zstandard module: the in-page half is not built by Vite, which places it for the app. */
const ZSTD_MODULE = builtAsset('zstd', '.wasm');

const median = (xs: readonly number[]) => quantile(xs, 0.5);
function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The desktop app's document store as its renderer drives it (the desktop host's steps, through
 * the IPC wrapper and contract; see tests/fixtures/desktop-documents.ts), in this Node process,
 * since Electron's binary cannot run here. Made once, as main makes it; its threads start with
 * the first import, as in the app.
 */
type DesktopHost = { readonly documents: DeviceDocuments; readonly root: string; source: string };
function desktopHost(root: string): DesktopHost {
  const host: { documents?: DeviceDocuments; root: string; source: string } = { root, source: '' };
  host.documents = desktopDocumentsIn(path.join(root, 'documents'), () => host.source).documents;
  return host as DesktopHost;
}

/** The desktop app's import of a file on disk; its time, and the peak of this process's extra resident memory meanwhile. */
async function desktopImport(host: DesktopHost, file: string, size: number): Promise<{ ms: number; peakMiB: number }> {
  const { documents, root } = host;
  host.source = file;
  const rssMiB = () => process.memoryUsage.rss() / 2 ** 20;
  const before = rssMiB();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMiB());
  }, 5);
  const started = performance.now();
  const stored = await documents.importFile({ size } as File, {
    vaultId: randomId(),
    ref: randomId(),
    caseTag: randomId(),
    attachmentId: randomId(),
    key: randomBytes(32),
    noncePrefix: randomBytes(7),
    chunkSize: 1024 * 1024,
  });
  const ms = performance.now() - started;
  clearInterval(sampler);
  if (stored?.size !== size) throw new Error('bench: the desktop import did not store the whole file');
  await rm(path.join(root, 'documents'), { recursive: true, force: true });
  return { ms, peakMiB: Math.max(peak, rssMiB()) - before };
}

/**
 * Writes a source file for an import and flushes it: a file a person imports has long been on
 * disk, and the kernel writing this one back meanwhile would slow whatever is measured next.
 */
async function writeFlushed(file: string, bytes: Uint8Array): Promise<void> {
  await writeFile(file, bytes);
  const handle = await open(file, 'r+');
  await handle.sync();
  await handle.close();
}

/** The unencrypted analogue of the desktop import: a copy of the file, flushed to disk. */
async function fileCopy(file: string, folder: string): Promise<number> {
  await mkdir(folder, { recursive: true });
  const target = path.join(folder, 'copy.bin');
  const started = performance.now();
  await copyFile(file, target);
  const handle = await open(target, 'r+');
  await handle.sync();
  await handle.close();
  const ms = performance.now() - started;
  await rm(folder, { recursive: true, force: true });
  return ms;
}

async function bench(page: Page): Promise<void> {
  // Injected through the DevTools protocol, which the page's CSP does not govern; the app itself is untouched.
  await page.evaluate(readFileSync(BUNDLE, 'utf8'));
  await call(page, 'start', { zstdModule: ZSTD_MODULE });
}

function call<K extends keyof BenchApi>(page: Page, name: K, ...args: Parameters<BenchApi[K]>) {
  return page.evaluate(
    ([fn, params]) =>
      (window as unknown as { qorgauBench: Record<string, (...a: unknown[]) => unknown> }).qorgauBench[fn]!(...params),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<BenchApi[K]>>>;
}

/**
 * Resident memory of the browser and all its children, in MiB, by kind of process: "browser",
 * "renderer", "gpu-process", and utility processes by service ("utility:storage.mojom.StorageService").
 */
function chromiumRssMiB(profileDir: string): Map<string, number> {
  const procs = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  const parent = new Map<number, number>();
  let root: number | null = null;
  for (const pid of procs) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (root === null && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--user-data-dir=${profileDir}`)) {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (!cmd.includes('--type=')) root = Number(pid);
      }
    } catch {
      // The process ended while we looked.
    }
  }
  const byKind = new Map<string, number>();
  if (root === null) return byKind;
  for (const pid of parent.keys()) {
    let p: number | undefined = pid;
    while (p !== undefined && p !== root && p > 1) p = parent.get(p);
    if (p !== root) continue;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
      const type = flag('type');
      const kind = type === undefined ? 'browser' : type === 'utility' ? `utility:${flag('utility-sub-type')}` : type;
      byKind.set(kind, (byKind.get(kind) ?? 0) + Number(match?.[1] ?? 0) / 1024);
    } catch {
      // Gone.
    }
  }
  return byKind;
}

/** The whole of a `chromiumRssMiB` reading; NaN when the browser was not found. */
const totalMiB = (byKind: ReadonlyMap<string, number>) =>
  byKind.size === 0 ? NaN : [...byKind.values()].reduce((sum, mib) => sum + mib, 0);

test('benchmark', async ({ baseURL }) => {
  test.setTimeout(QUICK ? 120_000 : 60 * 60_000);
  const profileDir = await mkdtemp(path.join(tmpdir(), 'qorgau-bench-profile-'));
  // As the tests launch it, plus `gc()` in the page, so the memory probe starts from a settled heap.
  const executablePath = chromiumExecutable();
  const context = await chromium.launchPersistentContext(profileDir, {
    ...(executablePath ? { executablePath } : {}),
    headless: true,
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
    ...(baseURL ? { baseURL } : {}),
  });
  const results: Record<string, number | string> = {};
  const rows: Array<[string, string, string, string, string]> = [];
  const row = (what: string, ours: number, baseline: number | null, ratio: number | null, target: string) =>
    rows.push([
      what,
      `${round(ours, 1)}`,
      baseline === null ? '' : `${round(baseline, 1)}`,
      ratio === null ? '' : `${round(ratio)}`,
      target,
    ]);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(QUICK ? 60_000 : 20 * 60_000);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    await bench(page);
    const seeded = await call(page, 'seed', { cases: CASES, seed: SEED, passphrase: PASSPHRASE });
    results.seedMs = round(seeded.ms, 0);

    // 1. Open: passphrase accepted (key derivation done) → the first screen shown (the list, or
    // Today when anything is due) and search ready.
    const opens: number[] = [];
    const kdfs: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await page.reload();
      await page.getByRole('textbox', { name: 'Passphrase' }).fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      await page.waitForFunction(
        () =>
          performance.getEntriesByName('qorgau:first-screen').length > 0 &&
          performance.getEntriesByName('qorgau:search-ready').length > 0,
        null,
        { timeout: QUICK ? 60_000 : 10 * 60_000 },
      );
      const marks = await page.evaluate(() =>
        Object.fromEntries(
          [
            'qorgau:unlock-start',
            'qorgau:kdf-done',
            'qorgau:pages-read',
            'qorgau:pages-opened',
            'qorgau:pages-parsed',
            'qorgau:vault-loaded',
            'qorgau:first-screen',
            'qorgau:search-ready',
            'qorgau:search-received',
            'qorgau:search-parsed',
            'qorgau:search-indexed',
          ].map((name) => [name, performance.getEntriesByName(name)[0]?.startTime ?? NaN]),
        ),
      );
      kdfs.push(marks['qorgau:kdf-done']! - marks['qorgau:unlock-start']!);
      const since = (name: string) => Math.round(marks[name]! - marks['qorgau:kdf-done']!);
      console.log(
        `open ${i + 1}: read ${since('qorgau:pages-read')} ms, decrypted ${since('qorgau:pages-opened')} ms, parsed ${since('qorgau:pages-parsed')} ms, loaded ${since('qorgau:vault-loaded')} ms, first screen ${since('qorgau:first-screen')} ms; search: worker has pages ${since('qorgau:search-received')} ms, parsed ${since('qorgau:search-parsed')}, indexed ${since('qorgau:search-indexed')}, ready ${since('qorgau:search-ready')} ms`,
      );
      opens.push(Math.max(marks['qorgau:first-screen']!, marks['qorgau:search-ready']!) - marks['qorgau:kdf-done']!);
    }
    await page.reload();
    await bench(page);
    const bare: number[] = [];
    for (let i = 0; i < 3; i += 1) bare.push(await call(page, 'bareRead'));
    results.openMs = round(median(opens), 1);
    results.bareReadMs = round(median(bare), 1);
    results.openRatio = round(median(opens) / median(bare));
    results.kdfMs = round(median(kdfs), 0);
    row(`open ${CASES} cases (ms)`, median(opens), median(bare), median(opens) / median(bare), 'openRatio ≤ 0.8');
    row('key derivation, Argon2id 64 MiB (ms)', median(kdfs), null, null, 'reported');

    // 2. Search.
    const search = await call(page, 'search', { seed: SEED, cases: CASES, queries: [...QUERIES], rounds: 5 });
    results.searchP50Ms = round(quantile(search.samples, 0.5), 3);
    results.searchP95Ms = round(quantile(search.samples, 0.95), 3);
    results.searchMaxMs = round(Math.max(...search.samples), 3);
    results.searchIndexBuildMs = round(search.buildMs, 0);
    row('search p95 (ms)', quantile(search.samples, 0.95), null, null, 'searchP95Ms ≤ 10');
    row('search max (ms)', Math.max(...search.samples), null, null, '');

    // 3. Saving one edit, strict durability.
    const saveRun = await call(page, 'saves', { passphrase: PASSPHRASE, count: QUICK ? 20 : 200 });
    const saves = saveRun.total;
    results.saveP50Ms = round(quantile(saves, 0.5), 1);
    results.saveP95Ms = round(quantile(saves, 0.95), 1);
    results.savePlainP50Ms = round(quantile(saveRun.plain, 0.5), 1);
    results.savePlainP95Ms = round(quantile(saveRun.plain, 0.95), 1);
    results.saveSealedP50Ms = round(quantile(saveRun.stages.sealed!, 0.5), 1);
    results.saveCommittedP50Ms = round(quantile(saveRun.stages.committed!, 0.5), 1);
    for (const q of [0.5, 0.95]) {
      const at = Object.entries(saveRun.stages).map(([stage, times]) => `${stage} ${round(quantile(times, q), 1)}`);
      console.log(`save p${q * 100}, ms after it began: ${at.join(', ')}; done ${round(quantile(saves, q), 1)}`);
    }
    row('save one edit p95 (ms)', quantile(saves, 0.95), quantile(saveRun.plain, 0.95), null, 'saveP95Ms ≤ 15');
    row('save one edit p50 (ms)', quantile(saves, 0.5), quantile(saveRun.plain, 0.5), null, '');

    // 3b. Deleting a case (a new key epoch, every live key re-wrapped), beside one save.
    const deleteRun = await call(page, 'deletes', { passphrase: PASSPHRASE, count: QUICK ? 5 : 9 });
    results.deleteP50Ms = round(median(deleteRun.deletes), 1);
    results.deleteMaxMs = round(Math.max(...deleteRun.deletes), 1);
    row(
      'delete a case p50 (ms)',
      median(deleteRun.deletes),
      median(saves),
      median(deleteRun.deletes) / median(saves),
      'reported',
    );

    // 4. Reading everything: ours against dexie-encrypted, same records, same run.
    const reads = await call(page, 'readAll', { passphrase: PASSPHRASE, seed: SEED, cases: CASES, rounds: 3 });
    results.readOursMs = round(median(reads.ours), 1);
    console.log(
      `read all: the vault opened (heads) after ${round(median(reads.oursOpen), 0)} ms, every case read whole after ${round(median(reads.ours), 0)} ms`,
    );
    results.readDexieEncryptedMs = round(median(reads.theirs), 1);
    results.readVsDexieEncrypted = round(median(reads.theirs) / median(reads.ours));
    row(
      'read all, ours vs dexie-encrypted (ms)',
      median(reads.ours),
      median(reads.theirs),
      median(reads.theirs) / median(reads.ours),
      'readVsDexieEncrypted ≥ 3',
    );

    // 5. A large attachment, against a plain Blob put and get.
    const attach = await call(page, 'attachment', {
      passphrase: PASSPHRASE,
      mib: ATTACH_MIB,
      hashWorker: HASH_WORKER,
      host: 'desktop',
    });
    // The web edition cannot ask for collections (see peak memory below): the time they cost.
    const attachWeb = await call(page, 'attachment', {
      passphrase: PASSPHRASE,
      mib: ATTACH_MIB,
      hashWorker: HASH_WORKER,
      host: 'web',
    });
    const mbs = (ms: number) => ATTACH_MIB / (ms / 1000);
    // The desktop app imports a file the user gives from disk in main (see desktopImport): the
    // same bytes, as a file beside the profile, interleaved with the plain Blob put and the
    // flushed file copy it is compared with, five times each (this disk's speed varies from one
    // write to the next), so all three meet the disk in the same state.
    const attachFile = path.join(profileDir, '..', `qorgau-bench-attach-${process.pid}.bin`);
    const attachPart = randomBytes(1024 * 1024);
    await writeFlushed(attachFile, Buffer.concat(Array.from({ length: ATTACH_MIB }, () => attachPart)));
    const nativeMs: number[] = [];
    const putMs: number[] = [];
    const copyMs: number[] = [];
    const desktop = desktopHost(path.join(profileDir, '..', `qorgau-bench-desktop-${process.pid}`));
    for (let i = 0; i < 5; i += 1) {
      const native = async () => nativeMs.push((await desktopImport(desktop, attachFile, ATTACH_MIB * 2 ** 20)).ms);
      const put = async () => putMs.push((await call(page, 'plainPut', { mib: ATTACH_MIB })).ms);
      // Each goes first in turn: whatever the disk is still writing from the step before slows
      // the first.
      if (i % 2 === 0) {
        await native();
        await put();
      } else {
        await put();
        await native();
      }
      copyMs.push(await fileCopy(attachFile, `${desktop.root}-copy`));
    }
    await rm(attachFile, { force: true });
    const plainPutMs = median(putMs);
    results.attachMiB = ATTACH_MIB;
    results.attachImportMBs = round(mbs(median(nativeMs)), 1);
    results.attachPlainPutMBs = round(mbs(plainPutMs), 1);
    results.attachImportRatio = round(mbs(median(nativeMs)) / mbs(plainPutMs));
    results.attachFileCopyMBs = round(mbs(median(copyMs)), 1);
    results.attachImportVsFileCopy = round(mbs(median(nativeMs)) / mbs(median(copyMs)));
    results.attachImportPageMBs = round(mbs(attach.importMs), 1);
    results.attachImportPageRatio = round(mbs(attach.importMs) / mbs(attach.plainPutMs));
    results.attachReadMBs = round(mbs(attach.readMs), 1);
    results.attachPlainGetMBs = round(mbs(attach.plainGetMs), 1);
    results.attachReadRatio = round(mbs(attach.readMs) / mbs(attach.plainGetMs));
    results.attachCopyFloorMBs = round(mbs(attach.copyMs), 1);
    results.attachImportVsCopyFloor = round(mbs(attach.importMs) / mbs(attach.copyMs));
    results.attachImportWebMBs = round(mbs(attachWeb.importMs), 1);
    console.log(
      `desktop import of ${ATTACH_MIB} MiB (ms): ${nativeMs.map((ms) => round(ms, 0)).join(', ')}; Blob put beside it: ${putMs.map((ms) => round(ms, 0)).join(', ')}; file copy: ${copyMs.map((ms) => round(ms, 0)).join(', ')}; Blob put beside the in-page imports: ${round(attach.plainPutMs, 0)}, ${round(attachWeb.plainPutMs, 0)}`,
    );
    row(
      `import ${ATTACH_MIB} MiB, desktop app (MB/s)`,
      mbs(median(nativeMs)),
      mbs(plainPutMs),
      mbs(median(nativeMs)) / mbs(plainPutMs),
      'attachImportRatio ≥ 0.9',
    );
    row(
      `  the same vs a plain file copy, flushed (MB/s)`,
      mbs(median(nativeMs)),
      mbs(median(copyMs)),
      mbs(median(nativeMs)) / mbs(median(copyMs)),
      'reported',
    );
    row(
      `  in the page (desktop, a file not on disk) (MB/s)`,
      mbs(attach.importMs),
      mbs(attach.plainPutMs),
      mbs(attach.importMs) / mbs(attach.plainPutMs),
      'reported',
    );
    row(
      `  in the page vs plain copy in pieces (MB/s)`,
      mbs(attach.importMs),
      mbs(attach.copyMs),
      mbs(attach.importMs) / mbs(attach.copyMs),
      'reported: the floor of reading into the page',
    );
    row(
      `  in the page, web edition, no collections (MB/s)`,
      mbs(attachWeb.importMs),
      mbs(attachWeb.plainPutMs),
      mbs(attachWeb.importMs) / mbs(attachWeb.plainPutMs),
      'reported',
    );
    row(
      `read ${ATTACH_MIB} MiB (MB/s)`,
      mbs(attach.readMs),
      mbs(attach.plainGetMs),
      mbs(attach.readMs) / mbs(attach.plainGetMs),
      '',
    );

    // 6. Peak extra memory of the whole browser while a large file is imported.
    const bigFile = path.join(profileDir, '..', `qorgau-bench-${process.pid}.bin`);
    const part = randomBytes(1024 * 1024);
    await writeFlushed(bigFile, Buffer.concat(Array.from({ length: MEMORY_MIB }, () => part)));
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'bench-file';
      input.hidden = true;
      document.body.append(input);
    });
    await page.setInputFiles('#bench-file', bigFile);
    // The peak depends on when the garbage collector runs, which varies from import to import:
    // the median of several imports is reported, each from a settled heap. Twice: as the desktop
    // app imports (it may ask for collections; Chromium runs here with --expose-gc, as the app's
    // renderer does), and as the web edition must (no collections asked for).
    const peaksOf = async (host: 'desktop' | 'web') => {
      const peaks: number[] = [];
      for (let round = 0; round < MEMORY_ROUNDS; round += 1) {
        await page.evaluate(() => {
          (window as unknown as { benchReady?: boolean }).benchReady = false;
        });
        const importing = call(page, 'importOnly', { passphrase: PASSPHRASE, hashWorker: HASH_WORKER, host });
        await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true, null, {
          polling: 50,
        });
        const before: number[] = [];
        let settled = new Map<string, number>();
        for (let i = 0; i < 8; i += 1) {
          settled = chromiumRssMiB(profileDir);
          before.push(totalMiB(settled));
          await new Promise((resolve) => setTimeout(resolve, 40));
        }
        let peak = 0;
        let atPeak = settled;
        let finished = false;
        void importing.finally(() => {
          finished = true;
        });
        while (!finished) {
          const now = chromiumRssMiB(profileDir);
          if (totalMiB(now) > peak) [peak, atPeak] = [totalMiB(now), now];
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        await importing;
        peaks.push(peak - median(before));
        const growth = [...atPeak]
          .map(([kind, mib]) => [kind, mib - (settled.get(kind) ?? 0)] as const)
          .filter(([, mib]) => Math.abs(mib) >= 1)
          .map(([kind, mib]) => `${kind} ${mib > 0 ? '+' : ''}${Math.round(mib)}`);
        console.log(`${host} import ${peaks.length} at its peak, MiB by process: ${growth.join(', ')}`);
      }
      console.log(
        `${host}: peak extra memory of each ${MEMORY_MIB} MiB import (MiB): ${peaks.map((p) => round(p, 1)).join(', ')}`,
      );
      return median(peaks);
    };
    const pagePeak = await peaksOf('desktop');
    const webPeak = await peaksOf('web');
    // The desktop app's import of a file on disk touches no browser process: main's memory.
    const nativePeaks: number[] = [];
    for (let round = 0; round < MEMORY_ROUNDS; round += 1) {
      nativePeaks.push((await desktopImport(desktop, bigFile, MEMORY_MIB * 2 ** 20)).peakMiB);
    }
    console.log(
      `desktop: peak extra memory of main for each ${MEMORY_MIB} MiB import (MiB): ${nativePeaks.map((p) => round(p, 1)).join(', ')}`,
    );
    const desktopPeak = median(nativePeaks);
    await rm(desktop.root, { recursive: true, force: true });
    await rm(bigFile, { force: true });
    results.attachPeakExtraMiB = round(desktopPeak, 1);
    results.attachPeakExtraPageMiB = round(pagePeak, 1);
    results.attachPeakExtraWebMiB = round(webPeak, 1);
    row(
      `peak extra memory, ${MEMORY_MIB} MiB import, desktop app, median of ${MEMORY_ROUNDS} (MiB)`,
      desktopPeak,
      null,
      null,
      'attachPeakExtraMiB ≤ 64',
    );
    row(`  in the page (desktop, a file not on disk) (MiB)`, pagePeak, null, null, 'reported');
    row(`  in the page, web edition, no collections asked (MiB)`, webPeak, null, null, 'reported');

    // 7. Export a quarter of 500 developments, against a bare docx pack of the same paragraphs.
    const exported = await call(page, 'exportQuarter', { entries: 500, rounds: 31 });
    results.exportMs = round(median(exported.ours), 1);
    results.exportBareMs = round(median(exported.bare), 1);
    results.exportRatio = round(median(exported.ours) / median(exported.bare));
    row(
      `export ${exported.developments} developments (ms)`,
      median(exported.ours),
      median(exported.bare),
      median(exported.ours) / median(exported.bare),
      'exportRatio ≤ 1.3',
    );

    // 8. Reviewing a past report of 500 developments against the whole vault, against reading the file bare.
    const reviewed = await call(page, 'importReview', { entries: 500, cases: CASES, rounds: QUICK ? 5 : 11 });
    results.importReviewMs = round(median(reviewed.ours), 1);
    results.importReadBareMs = round(median(reviewed.bare), 1);
    results.importReviewRatio = round(median(reviewed.ours) / median(reviewed.bare));
    row(
      `review a past report of ${reviewed.proposals} developments against ${CASES} cases (ms)`,
      median(reviewed.ours),
      median(reviewed.bare),
      median(reviewed.ours) / median(reviewed.bare),
      'reported',
    );

    results.cases = CASES;
    results.quick = QUICK ? 'yes' : 'no';
    results.chromium =
      context.browser()?.version() ??
      (await page.evaluate(() => navigator.userAgent)).replace(/.*Chrome\/(\S+).*/, '$1');
    results.commit = (() => {
      try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
      } catch {
        return 'unknown';
      }
    })();
    results.searchHits = JSON.stringify(search.hits);
  } finally {
    await context.close();
    await rm(profileDir, { recursive: true, force: true });
  }

  const header: [string, string, string, string, string] = ['measure', 'Qorgau', 'baseline', 'ratio', 'target'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  console.log(['', line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line), ''].join('\n'));
  await mkdir('bench/results', { recursive: true });
  await writeFile(
    QUICK ? 'bench/results/quick.json' : 'bench/results/latest.json',
    `${JSON.stringify(results, null, 2)}\n`,
  );
});
