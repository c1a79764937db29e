import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { findCanaries } from '../fixtures/vault';

/**
 * Everything IndexedDB holds for the app, read through the IndexedDB API in the page itself:
 * every object store of every database of the origin, every value, with byte arrays kept as bytes.
 */
export async function rawIndexedDbContents(page: Page): Promise<unknown> {
  const dump = await page.evaluate(async () => {
    const encode = (value: unknown): unknown => {
      if (value instanceof ArrayBuffer) return { bytes: Array.from(new Uint8Array(value)) };
      if (ArrayBuffer.isView(value))
        return { bytes: Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
      if (Array.isArray(value)) return value.map(encode);
      if (typeof value === 'object' && value !== null)
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
      return value;
    };
    const out: Record<string, Record<string, unknown[]>> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('the IndexedDB request failed'));
      });
      const stores: Record<string, unknown[]> = {};
      for (const name of Array.from(db.objectStoreNames)) {
        stores[name] = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve((request.result as unknown[]).map(encode));
          request.onerror = () => reject(request.error ?? new Error('the IndexedDB request failed'));
        });
      }
      db.close();
      out[info.name] = stores;
    }
    return out;
  });
  // Turn the {bytes: [...]} arrays back into Uint8Arrays so the canary search sees raw bytes.
  const revive = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(revive);
    if (typeof value === 'object' && value !== null) {
      if ('bytes' in value && Array.isArray(value.bytes)) return new Uint8Array(value.bytes as number[]);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
    }
    return value;
  };
  return revive(dump);
}

/** Every file of a browser profile, searched for the canaries as UTF-8 and UTF-16. */
export async function canariesInProfile(profileDir: string, canaries: readonly string[]): Promise<string[]> {
  const hits: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const bytes = await readFile(full).catch(() => null);
        if (bytes === null) continue;
        for (const canary of findCanaries(new Uint8Array(bytes), canaries))
          hits.push(`${canary} in ${path.relative(profileDir, full)}`);
      }
    }
  };
  await walk(profileDir);
  return hits;
}

/** How many document chunks the vault holds in IndexedDB. */
export async function chunkCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('qorgau-vault');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const request = open.result.transaction('parts').objectStore('parts').count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error ?? new Error('count failed'));
        };
      }),
  );
}
