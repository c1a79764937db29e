import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { argon2idHashWasm } from '../../../../shared/crypto/argon2';
import { dangerousTestOnlyKdfFloor } from '../../../../shared/crypto/kdf';
import { createCaseKeys, createVaultKeys } from '../../../../shared/crypto/vault-keys';
import {
  WORKER_HASH_FROM,
  fileHashWorkerHandler,
  workerFileHasher,
  type FileHashReply,
  type FileHashRequest,
  type FileHasher,
} from '../../../../renderer/src/db/file-hash';
import { ATTACHMENT_CHUNK_SIZE } from '../../../../renderer/src/db/vault-repository';
import { IDBFactory } from 'fake-indexeddb';
import { PASSPHRASE, makeRepository } from '../../../fixtures/vault';

/**
 * A stand-in for the hashing worker: the real handler behind a message channel that clones and
 * transfers as `postMessage` does, so a piece handed over is detached here until it comes back.
 */
function fakeWorker(options: { failAtUpdate?: number } = {}) {
  const seen: FileHashRequest['type'][] = [];
  let started = 0;
  let updates = 0;
  const start = (): Worker => {
    started += 1;
    const worker = {
      onmessage: null as ((event: MessageEvent<FileHashReply>) => void) | null,
      onerror: null as ((event: ErrorEvent) => void) | null,
      postMessage(message: FileHashRequest, transfer: Transferable[] = []) {
        const arrived = structuredClone(message, { transfer });
        seen.push(arrived.type);
        if (arrived.type === 'update' && ++updates === options.failAtUpdate) {
          // As a worker that dies mid-file (out of memory, say) reports itself.
          setTimeout(() => worker.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent));
          return;
        }
        handle(arrived);
      },
      terminate() {},
    };
    const handle = fileHashWorkerHandler((reply, transfer) => {
      const back = structuredClone(reply, { transfer });
      setTimeout(() => worker.onmessage?.({ data: back } as MessageEvent<FileHashReply>));
    });
    return worker as unknown as Worker;
  };
  return { start, seen, started: () => started };
}

async function setup(hashFile: FileHasher) {
  const repository = makeRepository(new IDBFactory(), { hashFile });
  const { keys } = await createVaultKeys({
    passphrase: PASSPHRASE,
    argon2id: argon2idHashWasm,
    cost: dangerousTestOnlyKdfFloor,
  });
  await repository.openNames(keys);
  const { caseKeys } = await createCaseKeys(keys, 'case-1');
  return { repository, keys, caseKeys };
}

function fileOf(size: number): { blob: Blob; bytes: Uint8Array<ArrayBuffer> } {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 131 + (i >> 12)) & 0xff;
  return { blob: new Blob([bytes]), bytes };
}

async function readBack(
  context: Awaited<ReturnType<typeof setup>>,
  manifest: Parameters<typeof context.repository.readAttachment>[2],
) {
  const parts: Uint8Array[] = [];
  for await (const part of context.repository.readAttachment(context.keys, context.caseKeys, manifest))
    parts.push(part);
  return Buffer.concat(parts);
}

describe('hashing imported files', () => {
  it('hashes a large file in the worker to the SHA-256 sha256sum prints, and stores the same bytes', async () => {
    const worker = fakeWorker();
    const context = await setup(workerFileHasher(worker.start));
    const { blob, bytes } = fileOf(WORKER_HASH_FROM + 2 * ATTACHMENT_CHUNK_SIZE + 12_345);
    const manifest = await context.repository.importAttachment(context.keys, context.caseKeys, blob, {
      name: 'Видео с заседания.mp4',
      type: 'video/mp4',
    });
    expect(manifest.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(worker.seen.filter((type) => type === 'update')).toHaveLength(manifest.chunkCount);
    expect(Buffer.compare(await readBack(context, manifest), Buffer.from(bytes))).toBe(0);

    // A small file is hashed on this thread: the worker hears nothing of it.
    const before = worker.seen.length;
    const small = fileOf(3 * ATTACHMENT_CHUNK_SIZE);
    const smallManifest = await context.repository.importAttachment(context.keys, context.caseKeys, small.blob, {
      name: 'note.txt',
      type: 'text/plain',
    });
    expect(smallManifest.sha256).toBe(createHash('sha256').update(small.bytes).digest('hex'));
    expect(worker.seen).toHaveLength(before);
    expect(worker.started()).toBe(1);
  });

  it('stops the import with the reason when the hashing worker fails, keeping no chunk, and starts a new worker next time', async () => {
    const worker = fakeWorker({ failAtUpdate: 5 });
    const context = await setup(workerFileHasher(worker.start));
    const { blob } = fileOf(WORKER_HASH_FROM + 1);
    await expect(
      context.repository.importAttachment(context.keys, context.caseKeys, blob, { name: 'big.bin', type: '' }),
    ).rejects.toThrow(/SHA-256: the hashing worker failed \(out of memory\)/);
    expect(await context.repository.db.parts.count()).toBe(0);

    const again = fileOf(WORKER_HASH_FROM + 7);
    const manifest = await context.repository.importAttachment(context.keys, context.caseKeys, again.blob, {
      name: 'big.bin',
      type: '',
    });
    expect(manifest.sha256).toBe(createHash('sha256').update(again.bytes).digest('hex'));
    expect(worker.started()).toBe(2);
  });

  it('reads a file whose stream takes no BYOB reader, as some engines give', async () => {
    const context = await setup(workerFileHasher(fakeWorker().start));
    const { bytes } = fileOf(WORKER_HASH_FROM + ATTACHMENT_CHUNK_SIZE / 2);
    class PlainStreamBlob extends Blob {
      override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
        const stream = super.stream();
        const getReader = stream.getReader.bind(stream);
        return Object.assign(stream, {
          getReader: (options?: { mode?: 'byob' }) => {
            if (options?.mode === 'byob') throw new TypeError('no BYOB readers for Blob streams here');
            return getReader();
          },
        });
      }
    }
    const manifest = await context.repository.importAttachment(
      context.keys,
      context.caseKeys,
      new PlainStreamBlob([bytes]),
      {
        name: 'scan.pdf',
        type: 'application/pdf',
      },
    );
    expect(manifest.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(Buffer.compare(await readBack(context, manifest), Buffer.from(bytes))).toBe(0);
  });
});
