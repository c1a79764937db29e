import { Worker } from 'node:worker_threads';

/**
 * The start of every thread's source: `serve(handle)` answers each message that carries a `seq`
 * with `handle`'s value, or with its error's message; a message without one is only handled.
 */
const SERVE = `
const { parentPort } = require('node:worker_threads');
const serve = (handle) =>
  parentPort.on('message', (m) => {
    let reply;
    try {
      reply = { seq: m.seq, value: handle(m) };
    } catch (error) {
      reply = { seq: m.seq, error: error instanceof Error ? error.message : String(error) };
    }
    if (m.seq !== undefined) parentPort.postMessage(reply);
  });
`;

type Waiting = { resolve(value: unknown): void; reject(error: Error): void };
type Reply = { seq: number; value?: unknown; error?: string };

/**
 * A thread of main's own for work that would otherwise hold main's event loop (which serves every
 * window's IPC): SHA-256 and AES-GCM over a document's bytes. Its code is a string, evaluated
 * (Electron's main needs no separate file for it), that calls `serve`. Messages are handled in the
 * order they are posted. The thread starts at the first call, with none of this process's flags
 * (a test runner's loaders would slow its start), and never keeps the process alive while it
 * waits for work.
 */
export class WorkerThread {
  protected worker: Worker | null = null;
  /** Bumped whenever the thread stops: whatever it held for an import is gone. */
  protected generation = 0;
  private nextSeq = 0;
  private readonly waiting = new Map<number, Waiting>();

  constructor(
    private readonly source: string,
    /** What the thread is, for errors: "the hashing thread". */
    private readonly name: string,
  ) {}

  /** Posts a message and resolves with the thread's answer, or rejects with its error. */
  protected call(message: Record<string, unknown>): Promise<unknown> {
    const worker = this.start();
    const seq = this.nextSeq++;
    // Held while an answer is awaited, so the process waits for it; let go when idle.
    if (this.waiting.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      worker.postMessage({ ...message, seq });
    });
  }

  /** Posts a message that needs no answer, to a running thread only. */
  protected post(message: Record<string, unknown>): void {
    this.worker?.postMessage(message);
  }

  private start(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = new Worker(SERVE + this.source, { eval: true, execArgv: [] });
    worker.on('message', (reply: Reply) => {
      const waiting = this.waiting.get(reply.seq);
      this.waiting.delete(reply.seq);
      if (this.waiting.size === 0) worker.unref();
      if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.value);
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
    worker.on('exit', (code) => fail(new Error(`${this.name} stopped (exit code ${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
