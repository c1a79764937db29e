import { describe, expect, it, vi } from 'vitest';
import { registerIpcHandler, type IpcInvokeEventLike, type IpcMainLike } from '../../../../../electron/main/ipc/handle';

const APP = 'qorgau://app';

/** A fake ipcMain that keeps the registered listeners so a test can invoke them like Electron does. */
function fakeIpcMain() {
  const listeners = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void listeners.set(channel, listener) };
  const invoke = (channel: string, event: IpcInvokeEventLike, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args);
  };
  return { ipcMain, invoke };
}

const fromApp: IpcInvokeEventLike = { senderFrame: { url: `${APP}/index.html`, parent: null } };

function setup() {
  const { ipcMain, invoke } = fakeIpcMain();
  const handler = vi.fn(({ url }: { url: string }) => Promise.resolve({ opened: url.startsWith('https:') }));
  const log = { warn: vi.fn() };
  registerIpcHandler(ipcMain, 'shell:openExternal', handler, { trustedOrigin: APP, log });
  return { invoke, handler, log };
}

describe('registerIpcHandler', () => {
  it('answers the app window with the handler result', async () => {
    const { invoke, handler } = setup();
    await expect(invoke('shell:openExternal', fromApp, { url: 'https://example.org' })).resolves.toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(handler).toHaveBeenCalledOnce();
  });

  it.each([
    ['a foreign page', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['the web edition origin', { senderFrame: { url: 'http://127.0.0.1:4717/', parent: null } }],
    ['a file:// page', { senderFrame: { url: 'file:///tmp/x.html', parent: null } }],
    ['an iframe inside the app', { senderFrame: { url: `${APP}/index.html`, parent: {} } }],
    ['a destroyed frame', { senderFrame: null }],
    ['a look-alike host', { senderFrame: { url: 'qorgau://app.evil/index.html', parent: null } }],
  ])('refuses %s without running the handler', async (_name, event) => {
    const { invoke, handler, log } = setup();
    const result = await invoke('shell:openExternal', event, { url: 'https://example.org' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(handler).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('untrusted sender'));
  });

  it.each([
    ['a missing payload', []],
    ['a wrong type', [{ url: 42 }]],
    ['a string instead of an object', ['https://example.org']],
    ['an oversized URL', [{ url: `https://example.org/${'a'.repeat(3000)}` }]],
    ['extra arguments', [{ url: 'https://example.org' }, 'extra']],
  ])('refuses %s as an invalid request', async (_name, args) => {
    const { invoke, handler } = setup();
    const result = await invoke('shell:openExternal', fromApp, ...args);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('reports a failing handler as a value, and never logs the payload', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const log = { warn: vi.fn() };
    registerIpcHandler(ipcMain, 'shell:openExternal', () => Promise.reject(new Error('no browser')), {
      trustedOrigin: APP,
      log,
    });
    const result = await invoke('shell:openExternal', fromApp, { url: 'https://secret-source.example/leak' });
    expect(result).toEqual({ ok: false, error: { code: 'handler-failed', message: 'no browser' } });
    expect(JSON.stringify(log.warn.mock.calls)).not.toContain('secret-source');
  });
});
