import { Worker } from 'node:worker_threads';

/**
 * The thread's code, evaluated (Electron's main needs no separate file for it): one SHA-256 per
 * stream, updated from shared memory in the order the updates were posted.
 */
const THREAD_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const streams = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'drop') return void streams.delete(m.stream);
  let hash = streams.get(m.stream);
  if (hash === undefined) streams.set(m.stream, (hash = createHash('sha256')));
  if (m.op === 'update') {
    hash.update(new Uint8Array(m.buffer, m.offset, m.length));
    return parentPort.postMessage({ seq: m.seq });
  }
  streams.delete(m.stream);
  parentPort.postMessage({ seq: m.seq, hex: hash.digest('hex') });
});
`;

type Waiting = { resolve(hex: string | undefined): void; reject(error: Error): void };

/**
 * SHA-256 on a thread of its own, so main hashes a document while it seals it on its own thread:
 * the two are the CPU an import costs. Updates are views of a SharedArrayBuffer, read in place;
 * the caller must not refill one until its update has resolved.
 */
export class HashThread {
  private worker: Worker | null = null;
  /** Bumped whenever the thread stops: a stream updated on an earlier thread has lost its state. */
  private generation = 0;
  /** The thread each stream was first updated on. */
  private readonly streams = new Map<string, number>();
  private nextSeq = 0;
  private readonly waiting = new Map<number, Waiting>();

  update(stream: string, bytes: Uint8Array): Promise<void> {
    if (!(bytes.buffer instanceof SharedArrayBuffer))
      throw new TypeError('HashThread.update: the bytes must be a view of a SharedArrayBuffer');
    const worker = this.start();
    if (!this.streams.has(stream)) this.streams.set(stream, this.generation);
    return this.send(worker, {
      op: 'update',
      stream,
      buffer: bytes.buffer,
      offset: bytes.byteOffset,
      length: bytes.byteLength,
    }).then(() => undefined);
  }

  /** The lowercase hex digest of every update of the stream, in order; the stream ends. */
  async digest(stream: string): Promise<string> {
    const worker = this.start();
    const begun = this.streams.get(stream);
    this.streams.delete(stream);
    // Never the digest of what is left of a stream whose earlier updates died with a thread.
    if (begun !== undefined && begun !== this.generation)
      throw new Error('the hashing thread stopped during the import');
    const hex = await this.send(worker, { op: 'digest', stream });
    if (hex === undefined) throw new Error('the hashing thread gave no digest');
    return hex;
  }

  /** Forgets a stream without a digest (an import that stopped). */
  drop(stream: string): void {
    this.streams.delete(stream);
    this.worker?.postMessage({ op: 'drop', stream });
  }

  private send(worker: Worker, message: Record<string, unknown>): Promise<string | undefined> {
    const seq = this.nextSeq++;
    // Held while an answer is awaited, so the process waits for it; let go when idle.
    if (this.waiting.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      worker.postMessage({ ...message, seq });
    });
  }

  /** Starts the thread now, so the first import does not wait for it to boot. */
  warmUp(): void {
    this.start();
  }

  private start(): Worker {
    if (this.worker !== null) return this.worker;
    // None of this process's own flags (a test runner's loaders would slow the thread's start).
    const worker = new Worker(THREAD_SOURCE, { eval: true, execArgv: [] });
    worker.on('message', (reply: { seq: number; hex?: string }) => {
      const waiting = this.waiting.get(reply.seq);
      this.waiting.delete(reply.seq);
      if (this.waiting.size === 0) worker.unref();
      waiting?.resolve(reply.hex);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) {
        this.worker = null;
        this.generation += 1;
      }
      for (const waiting of this.waiting.values()) waiting.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the hashing thread stopped (exit code ${code})`)));
    // An idle thread never keeps the app (or a test) from exiting.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
