/// <reference lib="webworker" />
import { fileHashWorkerHandler, type FileHashRequest } from './file-hash';

/** SHA-256 of large files off the UI thread: see file-hash.ts. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = fileHashWorkerHandler((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event: MessageEvent<FileHashRequest>) => handle(event.data);
