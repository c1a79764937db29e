import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { IpcChannel, IpcRequest } from '../../shared/ipc/contract';
import type { DocumentStore } from '../../electron/main/services/document-store';
import { desktopAnchorIn, documentsIpc } from '../fixtures/desktop-documents';

/** Bytes as they cross Playwright's bindings (JSON): base64, tagged. */
type Wire = { $bytes: string } | Wire[] | { [key: string]: Wire } | string | number | boolean | null;

function fromWire(value: Wire): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (typeof value === 'object' && value !== null)
    return '$bytes' in value && typeof value.$bytes === 'string'
      ? new Uint8Array(Buffer.from(value.$bytes, 'base64'))
      : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromWire(v)]));
  return value;
}

function toWire(value: unknown): Wire {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
  return value as Wire;
}

/**
 * A stand-in for the desktop app's preload (`window.api`), since Electron cannot run here: the
 * same renderer code path as the desktop app, down to the IPC result envelopes. Its `documents`
 * calls reach main's real document store (real handlers, IPC wrapper and contract) in this test
 * process, writing under `root`, and its `anchor` calls main's real vault anchor store; a dropped file is first written to disk here, as the file the
 * user dropped would be, and its path given to main as the preload would.
 */
export async function installDesktopStandIn(page: Page, root: string): Promise<{ store: DocumentStore }> {
  const { invoke, store } = documentsIpc(path.join(root, 'documents'));
  const anchor = desktopAnchorIn(path.join(root, 'anchors'));
  await page.exposeBinding('qorgauAnchorIpc', async (_source, channel: IpcChannel, request: Wire) =>
    toWire(await anchor.invoke(channel, fromWire(request) as IpcRequest<typeof channel>)),
  );
  await page.exposeBinding('qorgauPlaceFile', async (_source, name: string, bytes: Wire) => {
    const folder = path.join(root, 'dropped', randomUUID());
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, path.basename(name));
    await writeFile(file, fromWire(bytes) as Uint8Array);
    return file;
  });
  await page.exposeBinding('qorgauDocumentsIpc', async (_source, channel: IpcChannel, request: Wire) =>
    toWire(await invoke(channel, fromWire(request) as IpcRequest<typeof channel>)),
  );
  await page.addInitScript(() => {
    type Bytes = { $bytes: string };
    const toWire = (value: unknown): unknown => {
      if (value instanceof Uint8Array) {
        let binary = '';
        for (let i = 0; i < value.byteLength; i += 0x8000)
          binary += String.fromCharCode(...value.subarray(i, i + 0x8000));
        return { $bytes: btoa(binary) };
      }
      if (Array.isArray(value)) return value.map(toWire);
      if (typeof value === 'object' && value !== null)
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
      return value;
    };
    const fromWire = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(fromWire);
      if (typeof value === 'object' && value !== null) {
        if ('$bytes' in value) return Uint8Array.from(atob((value as Bytes).$bytes), (c) => c.charCodeAt(0));
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromWire(v)]));
      }
      return value;
    };
    const host = window as unknown as {
      qorgauPlaceFile(name: string, bytes: unknown): Promise<string>;
      qorgauDocumentsIpc(channel: string, request: unknown): Promise<unknown>;
      qorgauAnchorIpc(channel: string, request: unknown): Promise<unknown>;
      __notified?: string[];
      /** What main would send on suspend or screen lock (see electron/main/services/power-lock.ts). */
      __qorgauPowerEvent?: (reason: string) => void;
    };
    const lockListeners = new Set<(reason: string) => void>();
    host.__qorgauPowerEvent = (reason) => lockListeners.forEach((listener) => listener(reason));
    const call = async (channel: string, request: unknown) =>
      fromWire(await host.qorgauDocumentsIpc(channel, toWire(request)));
    const anchorCall = async (channel: string, request: unknown) =>
      fromWire(await host.qorgauAnchorIpc(channel, toWire(request)));
    const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
    const remembered = new Map<string, Uint8Array>();
    Object.defineProperty(window, 'api', {
      value: Object.freeze({
        app: { info: () => ok({ name: 'Qorgau', version: '9.9.9-test', platform: 'linux', packaged: false }) },
        files: { saveAs: () => ok({ status: 'cancelled' }) },
        shell: { openExternal: () => ok({ opened: true }) },
        notify: {
          show: (title: string, body: string) => {
            (host.__notified ??= []).push(`${title} | ${body}`);
            return ok({ shown: true });
          },
        },
        keystore: {
          status: (vaultId: string | null) =>
            ok({ available: true, remembered: vaultId !== null && remembered.has(vaultId) }),
          remember: (vaultId: string, rootKey: Uint8Array) => {
            remembered.set(vaultId, new Uint8Array(rootKey));
            return ok({ remembered: true });
          },
          recall: (vaultId: string) => ok({ rootKey: remembered.get(vaultId) ?? null }),
          forget: (vaultId: string) => ok({ forgotten: remembered.delete(vaultId) }),
        },
        documents: {
          importBegin: async (file: File, request: Record<string, unknown>) => {
            const path = await host.qorgauPlaceFile(file.name, toWire(new Uint8Array(await file.arrayBuffer())));
            return call('documents:importBegin', { ...request, path });
          },
          importStep: (importId: string, budget: number) => call('documents:importStep', { importId, budget }),
          importFinish: (importId: string) => call('documents:importFinish', { importId }),
          importAbort: (importId: string) => call('documents:importAbort', { importId }),
          read: (request: unknown) => call('documents:read', request),
          list: (vaultId: string) => call('documents:list', { vaultId }),
          remove: (request: unknown) => call('documents:remove', request),
          sweep: (vaultId: string, live: string[]) => call('documents:sweep', { vaultId, live }),
        },
        power: {
          onLock: (listener: (reason: string) => void) => {
            lockListeners.add(listener);
            return () => lockListeners.delete(listener);
          },
        },
        anchor: {
          read: (vaultId: string) => anchorCall('anchor:read', { vaultId }),
          raiseCounter: (vaultId: string, counter: number) => anchorCall('anchor:raiseCounter', { vaultId, counter }),
          addEpoch: (vaultId: string, epoch: number, key: Uint8Array) =>
            anchorCall('anchor:addEpoch', { vaultId, epoch, key }),
          keepEpoch: (vaultId: string, epoch: number) => anchorCall('anchor:keepEpoch', { vaultId, epoch }),
          reset: (vaultId: string, anchor: unknown) => anchorCall('anchor:reset', { vaultId, anchor }),
        },
      }),
    });
  });
  return { store };
}
