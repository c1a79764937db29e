import { describe, expect, it } from 'vitest';
import { hardenedWindowOptions } from '../../../../../electron/main/security/window-options';
import { createMainWindow } from '../../../../../electron/main/windows/main-window';

describe('hardenedWindowOptions', () => {
  it('isolates and sandboxes the renderer, with no Node and web security on', () => {
    const { webPreferences } = hardenedWindowOptions({ preloadPath: '/app/preload.cjs', packaged: true });
    expect(webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('turns devtools off in packaged builds only', () => {
    expect(hardenedWindowOptions({ preloadPath: 'p', packaged: true }).webPreferences?.devTools).toBe(false);
    expect(hardenedWindowOptions({ preloadPath: 'p', packaged: false }).webPreferences?.devTools).toBe(true);
  });
});

describe('createMainWindow', () => {
  it('creates the window with the hardened options, guards it and loads the app scheme', () => {
    const created: { options: unknown; url: string | null; handlers: string[]; openHandler: boolean } = {
      options: null,
      url: null,
      handlers: [],
      openHandler: false,
    };
    class FakeWindow {
      webContents = {
        on: (event: string) => created.handlers.push(event),
        setWindowOpenHandler: () => {
          created.openHandler = true;
        },
      };
      constructor(options: unknown) {
        created.options = options;
      }
      once() {}
      show() {}
      loadURL(url: string) {
        created.url = url;
        return Promise.resolve();
      }
    }
    createMainWindow({
      BrowserWindow: FakeWindow as never,
      preloadPath: '/dist/preload.cjs',
      packaged: true,
      openExternal: () => undefined,
      log: { warn: () => undefined },
    });
    expect(created.options).toEqual(hardenedWindowOptions({ preloadPath: '/dist/preload.cjs', packaged: true }));
    expect(created.url).toBe('qorgau://app/index.html');
    expect(created.handlers).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']));
    expect(created.openHandler).toBe(true);
  });
});
