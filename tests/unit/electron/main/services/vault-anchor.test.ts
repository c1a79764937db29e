import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VaultAnchorStore } from '../../../../../electron/main/services/vault-anchor';

/** Main's vault anchor on disk: the epoch key and the write counter, overwritten in place. */
let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'qorgau-anchor-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const VAULT = 'vault-id-0123456789abcdef';
const key = (byte: number) => new Uint8Array(32).fill(byte);
const fileOf = () => path.join(folder, `${VAULT}.anchor`);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('the vault anchor', () => {
  it('keeps the epoch keys it is given, and after keepEpoch the old key is gone from the file itself', async () => {
    const store = new VaultAnchorStore(folder);
    expect(await store.read(VAULT)).toBeNull();
    await store.addEpoch(VAULT, 1, key(0xa1));
    await store.addEpoch(VAULT, 2, key(0xb2));
    const both = await readFile(fileOf(), 'latin1');
    expect(both).toContain(base64(key(0xa1)));
    const inode = (await stat(fileOf())).ino;

    await store.keepEpoch(VAULT, 2);
    const raw = await readFile(fileOf(), 'latin1');
    expect(raw).not.toContain(base64(key(0xa1)));
    expect(raw).toContain(base64(key(0xb2)));
    // The same file, overwritten in place (a new file would leave the old one's blocks behind).
    expect((await stat(fileOf())).ino).toBe(inode);
    expect((await stat(fileOf())).size).toBe(2048);
    expect(await store.read(VAULT)).toEqual({ counter: 0, epochs: [{ epoch: 2, key: key(0xb2) }] });
  });

  it('raises the counter and never lowers it', async () => {
    const store = new VaultAnchorStore(folder);
    await store.addEpoch(VAULT, 1, key(1));
    await store.raiseCounter(VAULT, 5);
    await store.raiseCounter(VAULT, 3);
    expect((await store.read(VAULT))?.counter).toBe(5);
  });

  it('a write torn by a power cut leaves the other copy whole; both damaged is an error, not an empty anchor', async () => {
    const store = new VaultAnchorStore(folder);
    await store.addEpoch(VAULT, 1, key(1));
    await store.raiseCounter(VAULT, 9);
    const bytes = await readFile(fileOf());
    // The second copy is written first, then the first: a cut inside the first leaves the second.
    const tornFirst = Buffer.from(bytes);
    tornFirst.fill(0, 100, 700);
    await writeFile(fileOf(), tornFirst);
    expect(await new VaultAnchorStore(folder).read(VAULT)).toEqual({ counter: 9, epochs: [{ epoch: 1, key: key(1) }] });
    const tornBoth = Buffer.from(tornFirst);
    tornBoth.fill(0, 1100, 1500);
    await writeFile(fileOf(), tornBoth);
    await expect(new VaultAnchorStore(folder).read(VAULT)).rejects.toThrow('both copies are damaged');
  });

  it('names files by vault id only, refusing anything else', async () => {
    const store = new VaultAnchorStore(folder);
    await expect(store.read('../escape')).rejects.toThrow('not a vault id');
  });
});
