import { createHash } from 'node:crypto';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { syncFolder } from './atomic-write';

/**
 * The vault anchor: one small file per vault in main's data folder, outside IndexedDB, holding
 * what must be destroyable or must survive a rollback of the browser storage:
 *
 * - the key of the vault's current key epoch (two keys only while the vault moves to a new
 *   epoch). Deleting a case moves the vault to a new epoch and then drops the old key here, so
 *   no copy of the deleted case's rows, wherever one survives, can be unwrapped again;
 * - the counter of the vault's last write, so a whole IndexedDB put back from an older copy
 *   (manifest and all) is reported at unlock.
 *
 * The file is never replaced by a new file (that would leave the old one's blocks holding the
 * old key): it is overwritten in place, a fixed size, and flushed. It holds two copies of the
 * same state, each with a checksum, written one after the other, so a write torn by a power cut
 * leaves the other whole; both end up holding the new state, so the old key is gone from both.
 * (What an SSD's controller keeps of overwritten blocks is beyond any program's reach; the OS
 * keystore sealing of this file is the next step, see the README.)
 */
export type AnchorState = {
  readonly counter: number;
  readonly epochs: ReadonlyArray<{ readonly epoch: number; readonly key: Uint8Array }>;
};

const SLOT_BYTES = 1024;
const DIGEST_BYTES = 32;
const BODY_BYTES = SLOT_BYTES - DIGEST_BYTES;
const MAGIC = 'qorgau-anchor/1';

type Slot = AnchorState & { readonly seq: number };

export class VaultAnchorStore {
  /** One change at a time per store: each is a read, then two writes. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly folder: string) {}

  /** The vault's anchor, or null when this device has none for it. */
  read(vaultId: string): Promise<AnchorState | null> {
    return this.serial(async () => {
      const slot = await this.readSlot(vaultId);
      return slot === null ? null : { counter: slot.counter, epochs: slot.epochs };
    });
  }

  /** Records a write's counter; never lowers it. */
  raiseCounter(vaultId: string, counter: number): Promise<void> {
    return this.change(vaultId, (state) => (counter > state.counter ? { counter, epochs: state.epochs } : null));
  }

  /** Keeps a new epoch's key beside the current one, before the vault moves to it. */
  addEpoch(vaultId: string, epoch: number, key: Uint8Array): Promise<void> {
    return this.change(vaultId, (state) => ({
      counter: state.counter,
      epochs: [...state.epochs.filter((e) => e.epoch !== epoch), { epoch, key: new Uint8Array(key) }],
    }));
  }

  /** Destroys every epoch key but `epoch`'s: the vault has moved, or never did. */
  keepEpoch(vaultId: string, epoch: number): Promise<void> {
    return this.change(vaultId, (state) =>
      state.epochs.every((e) => e.epoch === epoch)
        ? null
        : { counter: state.counter, epochs: state.epochs.filter((e) => e.epoch === epoch) },
    );
  }

  /** Sets the whole state: a vault restored from a backup starts its anchor afresh. */
  reset(vaultId: string, state: AnchorState): Promise<void> {
    return this.change(vaultId, () => state);
  }

  private change(vaultId: string, next: (state: AnchorState) => AnchorState | null): Promise<void> {
    return this.serial(async () => {
      const current = await this.readSlot(vaultId);
      const state = next(current ?? { counter: 0, epochs: [] });
      if (state === null) return;
      await this.writeSlots(vaultId, { ...state, seq: (current?.seq ?? 0) + 1 });
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private fileOf(vaultId: string): string {
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(vaultId)) throw new Error('vault anchor: not a vault id');
    return path.join(this.folder, `${vaultId}.anchor`);
  }

  /** The newer of the two copies that are whole; null when there is no file. */
  private async readSlot(vaultId: string): Promise<Slot | null> {
    let handle: FileHandle;
    try {
      handle = await open(this.fileOf(vaultId), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const bytes = new Uint8Array(SLOT_BYTES * 2);
      await handle.read(bytes, 0, bytes.byteLength, 0);
      const slots = [decodeSlot(bytes.subarray(0, SLOT_BYTES)), decodeSlot(bytes.subarray(SLOT_BYTES))].filter(
        (slot): slot is Slot => slot !== null,
      );
      if (slots.length === 0) throw new Error('vault anchor: both copies are damaged');
      return slots.reduce((a, b) => (b.seq > a.seq ? b : a));
    } finally {
      await handle.close();
    }
  }

  /** Overwrites both copies in place, one after the other, each flushed before the next. */
  private async writeSlots(vaultId: string, slot: Slot): Promise<void> {
    const file = this.fileOf(vaultId);
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    let handle: FileHandle;
    let created = false;
    try {
      handle = await open(file, 'r+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      handle = await open(file, 'wx', 0o600);
      created = true;
    }
    try {
      const encoded = encodeSlot(slot);
      for (const offset of [SLOT_BYTES, 0]) {
        await handle.write(encoded, 0, SLOT_BYTES, offset);
        await handle.sync();
      }
    } finally {
      encodedWipe(slot);
      await handle.close();
    }
    if (created) await syncFolder(this.folder);
  }
}

function encodeSlot(slot: Slot): Uint8Array {
  const json = JSON.stringify({
    magic: MAGIC,
    seq: slot.seq,
    counter: slot.counter,
    epochs: slot.epochs.map((e) => ({ epoch: e.epoch, key: Buffer.from(e.key).toString('base64') })),
  });
  const body = Buffer.alloc(BODY_BYTES, 0x20);
  if (Buffer.byteLength(json) > BODY_BYTES) throw new Error('vault anchor: too much to keep');
  body.write(json, 0, 'utf8');
  return new Uint8Array(Buffer.concat([body, createHash('sha256').update(body).digest()]));
}

function decodeSlot(bytes: Uint8Array): Slot | null {
  const body = Buffer.from(bytes.subarray(0, BODY_BYTES));
  const digest = Buffer.from(bytes.subarray(BODY_BYTES));
  if (!createHash('sha256').update(body).digest().equals(digest)) return null;
  try {
    const value = JSON.parse(body.toString('utf8').trimEnd()) as {
      magic?: unknown;
      seq?: unknown;
      counter?: unknown;
      epochs?: unknown;
    };
    if (value.magic !== MAGIC || typeof value.seq !== 'number' || typeof value.counter !== 'number') return null;
    if (!Array.isArray(value.epochs)) return null;
    const epochs = (value.epochs as Array<{ epoch?: unknown; key?: unknown }>).map((e) => {
      if (typeof e.epoch !== 'number' || typeof e.key !== 'string') throw new Error('shape');
      return { epoch: e.epoch, key: new Uint8Array(Buffer.from(e.key, 'base64')) };
    });
    return { seq: value.seq, counter: value.counter, epochs };
  } catch {
    return null;
  }
}

/** The caller's copies of the keys it handed over are its own to zero; ours go with the slot. */
function encodedWipe(slot: Slot): void {
  for (const e of slot.epochs) e.key.fill(0);
}
