import { Dexie } from 'dexie';
import { applyEncryptionMiddleware, NON_INDEXED_FIELDS } from 'dexie-encrypted';
import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { z } from 'zod';
import type { CaseKeyWrap } from '../../shared/vault-format/vault-rows';
import { zstdModuleAt, zstdReady } from '../../shared/vault-format/zstd';
import { argon2idHashWasm } from '../../shared/crypto/argon2';
import { randomBytes } from '../../shared/crypto/bytes';
import { createCaseKeys, createVaultKeys, unlockWithPassphrase, type VaultKeys } from '../../shared/crypto/vault-keys';
import { caseFieldsOf, caseRecordSchema, type CaseRecord } from '../../shared/domain/case';
import { entryRecordSchema, type EntryRecord } from '../../shared/domain/entry';
import { buildSectionModel, packSection, sectionDocument } from '../../shared/report/legal-pressure-section';
import type { ReportCase } from '../../shared/report/quarter-selection';
import { SearchIndex } from '../../shared/search/search-index';
import { workerFileHasher } from '../../renderer/src/db/file-hash';
import { BufferPool, PIECE_BUFFERS, pieces } from '../../renderer/src/db/file-pieces';
import {
  ATTACHMENT_CHUNK_SIZE,
  CHUNKS_PER_WRITE,
  exposedGarbageCollector,
  VaultRepository,
} from '../../renderer/src/db/vault-repository';
import { caseSearchDocument } from '../../shared/search/case-document';
import { localStorageMarker } from '../../renderer/src/vault/vault-marker';
import { VaultService } from '../../renderer/src/vault/vault-service';
import { KeyEpochs } from '../../renderer/src/vault/key-epochs';
import { random, workloadCase } from '../workload';
import type { CaseFile } from '../../shared/domain/case-file';
import { unzipSync } from 'fflate';
import { proposeImport } from '../../shared/import/import-plan';
import { readPastReport } from '../../shared/import/past-report';

/**
 * The in-page half of `npm run bench`: injected into the web edition's page (same origin, same
 * IndexedDB) by bench/bench.spec.ts, it seeds the vault with the app's own code and times the
 * pieces that are not driven through the UI. Every measurement returns milliseconds.
 */

// Runs inside the app's page, under its CSP, like the app (renderer/src/main.tsx).
z.config({ jitless: true });

const PLAIN_DB = 'qorgau-bench-plain';
/** The stages of a save, in order, as the repository marks them. */
const SAVE_STAGES = ['start', 'words', 'keyed', 'sealed', 'txopen', 'checked', 'queued', 'committed'] as const;
const DEXIE_ENCRYPTED_DB = 'qorgau-bench-dexie-encrypted';

function records(
  seed: number,
  cases: number,
): Array<{ caseTag: string; record: CaseRecord; entries: Array<{ id: string; record: EntryRecord }> }> {
  const next = random(seed);
  const at = new Date('2026-06-30T12:00:00Z').toISOString();
  const out = [];
  for (let i = 0; i < cases; i += 1) {
    const { fields, entries } = workloadCase(next, i);
    const caseTag = `bench-${seed}-${i}`;
    out.push({
      caseTag,
      record: caseRecordSchema.parse({
        ...fields,
        createdAt: at,
        updatedAt: at,
        history: [{ at, action: 'case-created', changes: [] }],
      }),
      entries: entries.map((entry, k) => ({
        id: `${caseTag}-e${k}`,
        record: entryRecordSchema.parse({ ...entry, createdAt: at, updatedAt: at }),
      })),
    });
  }
  return out;
}

async function time<T>(run: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

function idb<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

async function openPlain(): Promise<IDBDatabase> {
  const request = indexedDB.open(PLAIN_DB, 1);
  request.onupgradeneeded = () => {
    for (const name of ['cases', 'entries', 'blobs']) request.result.createObjectStore(name, { keyPath: 'id' });
  };
  return idb(request);
}

let unlocked: VaultKeys | null = null;
/** The blob `plainPut` stores, kept between calls. */
let settledBlob: Blob | null = null;

/** 1 MiB of incompressible bytes (getRandomValues gives at most 64 KiB per call). */
function filePart(): Uint8Array<ArrayBuffer> {
  const part = new Uint8Array(1024 * 1024);
  for (let offset = 0; offset < part.byteLength; offset += 65536)
    crypto.getRandomValues(part.subarray(offset, offset + 65536));
  return part;
}

const api = {
  /** Starts the app's Zstandard module, from where the app's build put it (see `builtAsset`). */
  async start(options: { zstdModule: string }): Promise<void> {
    zstdModuleAt(options.zstdModule);
    await zstdReady();
  },

  /** Creates the vault (real key derivation cost) and N cases, and the same records unencrypted for the baselines. */
  async seed(options: { cases: number; seed: number; passphrase: string }): Promise<{ ms: number }> {
    const start = performance.now();
    const repository = VaultRepository.open();
    const created = await createVaultKeys({ passphrase: options.passphrase, argon2id: argon2idHashWasm });
    await repository.createHeader(created.header);
    await repository.openNames(created.keys);
    localStorageMarker().write(created.header.vaultId);
    const all = records(options.seed, options.cases);
    const plain = await openPlain();
    for (let i = 0; i < all.length; i += 2000) {
      const batch = all.slice(i, i + 2000);
      const newCaseKeys: CaseKeyWrap[] = [];
      for (const item of batch) {
        const { wrapped } = await createCaseKeys(created.keys, item.caseTag);
        newCaseKeys.push({ caseTag: item.caseTag, ...wrapped });
      }
      await repository.write(created.keys, { put: batch.map((item) => ({ ...item, attachments: [] })), newCaseKeys });
      // As a person's vault grows: its pages are reorganised between saves, not raced by the next.
      await repository.settled();
      const tx = plain.transaction(['cases', 'entries'], 'readwrite');
      for (const item of batch) {
        tx.objectStore('cases').put({ id: item.caseTag, ...item.record });
        for (const entry of item.entries)
          tx.objectStore('entries').put({ id: entry.id, caseTag: item.caseTag, ...entry.record });
      }
      await done(tx);
    }
    plain.close();
    repository.close();
    // Written as a vault before key epochs would be: the first unlock moves it into its first
    // epoch (every key re-wrapped), once, as an update does for a user's vault. Not measured as an open.
    const upgrade = await time(async () => {
      const service = new VaultService({
        repository: VaultRepository.open(),
        argon2id: argon2idHashWasm,
        marker: localStorageMarker(),
      });
      await service.session.unlock(options.passphrase);
      service.session.lock();
    });
    console.log(`seed: first unlock, entering key epoch 1 (KDF included): ${Math.round(upgrade.ms)} ms`);
    return { ms: performance.now() - start };
  },

  /** The baseline of opening: every record read back with a bare IndexedDB getAll, no decryption. */
  async bareRead(): Promise<number> {
    const db = await openPlain();
    const { ms } = await time(async () => {
      const tx = db.transaction(['cases', 'entries'], 'readonly');
      await Promise.all([idb(tx.objectStore('cases').getAll()), idb(tx.objectStore('entries').getAll())]);
    });
    db.close();
    return ms;
  },

  /** Search over N cases with the app's index: per query, after the index is built. */
  async search(options: { seed: number; cases: number; queries: readonly string[]; rounds: number }) {
    const views: CaseFile[] = records(options.seed, options.cases).map((c) => ({ ...c, attachments: [] }));
    const built = await time(() => new SearchIndex(views.map(caseSearchDocument)));
    const index = built.value;
    const samples: number[] = [];
    const hits: Record<string, number> = {};
    for (let round = 0; round < options.rounds; round += 1) {
      for (const query of options.queries) {
        const start = performance.now();
        hits[query] = index.search(query).length;
        samples.push(performance.now() - start);
      }
    }
    return { buildMs: built.ms, samples, hits };
  },

  /**
   * Saving one edit (an updated case), each acknowledged by a strict-durability commit; after each,
   * the baseline: the same case record put unencrypted, as one row, with the same durability.
   */
  async saves(options: { passphrase: string; count: number }): Promise<{
    total: number[];
    plain: number[];
    /** Per stage of the write (User Timing marks `qorgau:write-<stage>`), ms after the save began. */
    stages: Record<string, number[]>;
  }> {
    const service = new VaultService({
      repository: VaultRepository.open(),
      argon2id: argon2idHashWasm,
      marker: localStorageMarker(),
    });
    const { cases } = await service.session.unlock(options.passphrase);
    const total: number[] = [];
    const plainSaves: number[] = [];
    const plain = await openPlain();
    const stages: Record<string, number[]> = Object.fromEntries(SAVE_STAGES.map((stage) => [stage, []]));
    const last = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
    for (let i = 0; i < options.count; i += 1) {
      // The case is read whole when it is opened, before it can be edited: not part of the save.
      const view = service.cases.caseView(cases[(i * 7919) % cases.length]!.caseTag)!;
      const start = performance.now();
      const next = await service.cases.updateCase(view, { ...view.record, court: `${view.record.court} ·${i}` });
      total.push(performance.now() - start);
      for (const stage of SAVE_STAGES) stages[stage]!.push(last(`qorgau:write-${stage}`) - start);
      if (next === view) throw new Error('bench: the edit did not change the case');
      plainSaves.push(
        (
          await time(async () => {
            const tx = plain.transaction('cases', 'readwrite', { durability: 'strict' });
            tx.objectStore('cases').put({ id: next.caseTag, ...next.record });
            await done(tx);
          })
        ).ms,
      );
    }
    plain.close();
    return { total, plain: plainSaves, stages };
  },

  /**
   * Deleting a case: one transaction that also moves the vault to a new key epoch, re-wrapping
   * every live case and page key (see key-epochs.ts). Each delete removes a case made for it.
   */
  async deletes(options: { passphrase: string; count: number }): Promise<{ deletes: number[] }> {
    const service = new VaultService({
      repository: VaultRepository.open(),
      argon2id: argon2idHashWasm,
      marker: localStorageMarker(),
    });
    const { cases } = await service.session.unlock(options.passphrase);
    const model = service.cases.caseView(cases[0]!.caseTag)!;
    const deletes: number[] = [];
    for (let i = 0; i < options.count; i += 1) {
      const made = await service.cases.createCase({ ...caseFieldsOf(model.record), title: `bench delete ${i}` });
      deletes.push((await time(() => service.cases.deleteCase(made.caseTag))).ms);
    }
    service.session.lock();
    return { deletes };
  },

  /** Reading and decrypting every record: Qorgau's repository against dexie-encrypted on the same records. */
  async readAll(options: { passphrase: string; seed: number; cases: number; rounds: number }) {
    const repository = VaultRepository.open();
    const header = await repository.readHeader();
    if (header === null) throw new Error('bench: no vault');
    unlocked ??= await unlockWithPassphrase(header, options.passphrase, argon2idHashWasm);
    // The keys of the vault's current key epoch (deletes above moved it on).
    const { keys } = await new KeyEpochs(repository, null).resolve(unlocked);
    const ours: number[] = [];
    const oursOpen: number[] = [];
    // Everything: the heads the vault opens with, then every case read whole, as dexie-encrypted gives them.
    for (let i = 0; i < options.rounds; i += 1) {
      const start = performance.now();
      const { cases } = await repository.loadAll(keys);
      oursOpen.push(performance.now() - start);
      for (const head of cases) repository.storedCase(head.caseTag);
      ours.push(performance.now() - start);
    }
    repository.close();

    const db = new Dexie(DEXIE_ENCRYPTED_DB);
    // dexie-encrypted is typed against Dexie 3; at run time it works with Dexie 4's middleware API.
    applyEncryptionMiddleware(
      db as never,
      randomBytes(32),
      { cases: NON_INDEXED_FIELDS, entries: NON_INDEXED_FIELDS } as never,
      () => Promise.resolve(),
    );
    db.version(1).stores({ cases: 'id', entries: 'id, caseTag' });
    await db.open();
    if ((await db.table('cases').count()) === 0) {
      for (const item of records(options.seed, options.cases)) {
        await db.table('cases').put({ id: item.caseTag, ...item.record });
        await db.table('entries').bulkPut(item.entries.map((e) => ({ id: e.id, caseTag: item.caseTag, ...e.record })));
      }
    }
    const theirs: number[] = [];
    for (let i = 0; i < options.rounds; i += 1)
      theirs.push((await time(() => Promise.all([db.table('cases').toArray(), db.table('entries').toArray()]))).ms);
    db.close();
    return { ours, oursOpen, theirs };
  },

  /** An attachment of `mib` MiB: import and read through the vault, against a plain Blob put and get. */
  async attachment(options: { passphrase: string; mib: number; hashWorker: string; host: 'desktop' | 'web' }) {
    const service = new VaultService({
      repository: appRepository(options.hashWorker, options.host),
      argon2id: argon2idHashWasm,
      marker: localStorageMarker(),
    });
    const { cases } = await service.session.unlock(options.passphrase);
    const part = filePart();
    const blob = new Blob(Array.from({ length: options.mib }, () => part));
    const imported = await time(() =>
      service.cases.importAttachment(service.cases.caseView(cases[0]!.caseTag)!, blob, {
        name: 'bench.bin',
        type: 'application/octet-stream',
      }),
    );
    const view = imported.value;
    const manifest = view.attachments.at(-1)!;
    const read = await time(async () => {
      let size = 0;
      for (const chunk of await service.cases.readAttachment(view, manifest)) size += chunk.byteLength;
      return size;
    });
    await service.cases.deleteAttachment(view, manifest);
    const plain = await openPlain();
    const put = await time(async () => {
      const tx = plain.transaction('blobs', 'readwrite', { durability: 'strict' });
      tx.objectStore('blobs').put({ id: 'bench', blob });
      await done(tx);
    });
    const get = await time(async () => {
      const tx = plain.transaction('blobs', 'readonly');
      const row = (await idb(tx.objectStore('blobs').get('bench'))) as { blob: Blob };
      return (await row.blob.arrayBuffer()).byteLength;
    });
    // The floor of any design that encrypts in the page: the same file read into the page in
    // pieces and written back as plain byte rows, as many to a durable transaction as the import
    // writes, with no hashing and no encryption. What the import takes beyond it is hashing and
    // encrypting.
    // Read as the import reads (the same pieces, the same pool of buffers); a buffer goes back
    // once its put has copied it.
    const copy = await time(async () => {
      const buffers = new BufferPool(ATTACHMENT_CHUNK_SIZE, PIECE_BUFFERS);
      let writing = Promise.resolve();
      let rows: Uint8Array[] = [];
      let index = 0;
      const write = async () => {
        await writing;
        const tx = plain.transaction('blobs', 'readwrite', { durability: 'strict' });
        for (const bytes of rows) {
          tx.objectStore('blobs').put({ id: `copy#${index++}`, bytes });
          buffers.give(bytes.buffer as ArrayBuffer);
        }
        rows = [];
        writing = done(tx);
      };
      for await (const piece of pieces(blob, ATTACHMENT_CHUNK_SIZE, buffers)) {
        rows.push(piece);
        if (rows.length === CHUNKS_PER_WRITE) await write();
      }
      if (rows.length > 0) await write();
      await writing;
    });
    const tx = plain.transaction('blobs', 'readwrite');
    tx.objectStore('blobs').clear();
    await done(tx);
    plain.close();
    return {
      importMs: imported.ms,
      readMs: read.ms,
      readBytes: read.value,
      plainPutMs: put.ms,
      plainGetMs: get.ms,
      copyMs: copy.ms,
    };
  },

  /**
   * A plain, unencrypted Blob put of `mib` MiB with strict durability, timed, then removed: the
   * baseline the desktop app's import (outside the page) is measured against, beside it.
   */
  async plainPut(options: { mib: number }) {
    // One blob for every call, read through once before the first: a new Blob's bytes reach the
    // browser process after the constructor returns, and that transfer is not the put's cost
    // (the in-page import reads its blob whole before its put is timed).
    if (settledBlob?.size !== options.mib * 1024 * 1024) {
      const part = filePart();
      settledBlob = new Blob(Array.from({ length: options.mib }, () => part));
      await settledBlob.arrayBuffer();
    }
    const blob = settledBlob;
    const plain = await openPlain();
    const put = await time(async () => {
      const tx = plain.transaction('blobs', 'readwrite', { durability: 'strict' });
      tx.objectStore('blobs').put({ id: 'bench', blob });
      await done(tx);
    });
    const tx = plain.transaction('blobs', 'readwrite');
    tx.objectStore('blobs').clear();
    await done(tx);
    plain.close();
    return { ms: put.ms };
  },

  /**
   * Only the import, for the memory probe outside the page: of a file on disk chosen through a file
   * input (as a person imports one), so the source is not itself held in memory.
   */
  async importOnly(options: { passphrase: string; hashWorker: string; host: 'desktop' | 'web' }) {
    const service = new VaultService({
      repository: appRepository(options.hashWorker, options.host),
      argon2id: argon2idHashWasm,
      marker: localStorageMarker(),
    });
    const { cases } = await service.session.unlock(options.passphrase);
    const file = document.querySelector<HTMLInputElement>('#bench-file')?.files?.[0];
    if (file === undefined) throw new Error('bench: no file was chosen for the memory probe');
    // Start from a settled heap (the bench launches Chromium with --expose-gc): garbage of the steps
    // before must not count as this import's memory, nor hide it.
    const gc = (globalThis as { gc?: () => void }).gc;
    for (let i = 0; i < 3; i += 1) {
      gc?.();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    (window as unknown as { benchReady: boolean }).benchReady = true;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const first = service.cases.caseView(cases[0]!.caseTag)!;
    const imported = await time(() =>
      service.cases.importAttachment(first, file, { name: 'big.bin', type: 'application/octet-stream' }),
    );
    const view = imported.value;
    await service.cases.deleteAttachment(view, view.attachments.at(-1)!);
    return imported.ms;
  },

  /** Exporting a quarter of `entries` developments, against a bare docx pack of the same paragraphs. */
  async exportQuarter(options: { entries: number; rounds: number }) {
    const all = records(7, Math.ceil(options.entries / 5) + 10);
    const cases: ReportCase[] = [];
    let count = 0;
    for (const item of all) {
      const entries = item.entries.slice(0, 5).map((e, k) => ({
        id: e.id,
        record: { ...e.record, date: `2026-0${4 + (k % 3)}-1${k}`, includeInReport: true },
      }));
      if (count >= options.entries) break;
      const kept = entries.slice(0, options.entries - count);
      count += kept.length;
      cases.push({ caseTag: item.caseTag, record: item.record, entries: kept });
    }
    const options2 = {
      quarter: { year: 2026, quarter: 2 as const },
      language: 'ru' as const,
      title: 'Правовое давление',
      introduction: '',
      order: [],
      statistics: true,
    };
    const model = buildSectionModel(cases, options2);
    // The baseline: the same paragraphs, with the same runs and links, packed by docx as they are,
    // without the headings, table, styles, document properties and byte-for-byte determinism.
    const paragraphs = () =>
      model.months.flatMap((month) =>
        month.paragraphs.map(
          (paragraph) =>
            new Paragraph({
              children: paragraph.runs.map((run) => {
                const text = new TextRun({ text: run.text, bold: run.bold, italics: run.italic });
                return run.href === null ? text : new ExternalHyperlink({ link: run.href, children: [text] });
              }),
            }),
        ),
      );
    const ours: number[] = [];
    const bare: number[] = [];
    // Ours: what the Reports screen does — select the quarter, build the document, pack it.
    const packOurs = async () =>
      ours.push(
        (
          await time(() => {
            const built = buildSectionModel(cases, options2);
            return packSection(sectionDocument(built), built);
          })
        ).ms,
      );
    const packBare = async () =>
      bare.push((await time(() => Packer.toArrayBuffer(new Document({ sections: [{ children: paragraphs() }] })))).ms);
    // Two rounds more than reported: the first two warm both up. Each goes first in turn, so
    // neither always pays for the garbage the other left.
    for (let i = -2; i < options.rounds; i += 1) {
      for (const pack of i % 2 === 0 ? [packOurs, packBare] : [packBare, packOurs]) await pack();
    }
    return { ours: ours.slice(2), bare: bare.slice(2), developments: count };
  },

  /**
   * Reviewing a past report of `entries` developments (a Word file this build wrote) against a
   * vault of `cases` cases: reading the file and proposing what each development becomes, against
   * reading the same file bare (unzip, the browser's own XML parser, every paragraph's text).
   */
  async importReview(options: { entries: number; cases: number; rounds: number }) {
    const vault: CaseFile[] = records(11, options.cases).map((item) => ({ ...item, attachments: [] }));
    const source: ReportCase[] = records(13, Math.ceil(options.entries / 5) + 10).map((item) => ({
      ...item,
      entries: item.entries.slice(0, 5).map((e, k) => ({
        id: e.id,
        record: { ...e.record, date: `2026-0${4 + (k % 3)}-1${k}`, includeInReport: true },
      })),
    }));
    const model = buildSectionModel(source, {
      quarter: { year: 2026, quarter: 2 },
      language: 'ru',
      introduction: '',
      order: [],
    });
    const bytes = await packSection(sectionDocument(model), model);
    const file = { name: 'past.docx', size: bytes.byteLength, bytes: () => Promise.resolve(bytes) };
    const ours: number[] = [];
    const bare: number[] = [];
    let proposals = 0;
    const review = async () =>
      ours.push(
        (
          await time(async () => {
            const section = await readPastReport(file);
            proposals = proposeImport([{ section, year: 2026 }], vault).proposals.length;
          })
        ).ms,
      );
    const read = async () =>
      bare.push(
        (
          await time(() => {
            const xml = new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);
            const parsed = new DOMParser().parseFromString(xml, 'application/xml');
            return [...parsed.getElementsByTagName('w:p')].map((p) => p.textContent ?? '');
          })
        ).ms,
      );
    for (let i = -2; i < options.rounds; i += 1) {
      for (const run of i % 2 === 0 ? [review, read] : [read, review]) await run();
    }
    return { ours: ours.slice(2), bare: bare.slice(2), proposals };
  },
};

/**
 * The repository as the app opens it: large files hashed in the app's own worker, found at
 * `hashWorker`; as the desktop app, it asks for collections during imports (the bench's Chromium
 * exposes `gc`, as the desktop app's renderer does), as the web edition it cannot.
 */
function appRepository(hashWorker: string, host: 'desktop' | 'web' = 'desktop'): VaultRepository {
  return VaultRepository.open({
    hashFile: workerFileHasher(() => new Worker(hashWorker, { type: 'module', name: 'sha256' })),
    collectGarbage: host === 'desktop' ? exposedGarbageCollector() : undefined,
  });
}

(window as unknown as { qorgauBench: typeof api }).qorgauBench = api;
export type BenchApi = typeof api;
