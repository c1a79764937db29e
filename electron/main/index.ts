import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  BrowserWindow,
  Notification,
  app,
  dialog,
  ipcMain,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { LOCK_CHANNEL } from '../../shared/ipc/contract';
import { lockOnPowerEvents } from './services/power-lock';
import { refusedSwitches } from './security/debug-switches';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, PRODUCT_NAME } from '../../shared/app/identity';
import { appInfoHandler } from './ipc/app.ipc';
import { registerDocumentHandlers } from './ipc/documents.ipc';
import { saveAsHandler } from './ipc/files.ipc';
import { registerIpcHandler } from './ipc/handle';
import { keystoreHandlers } from './ipc/keystore.ipc';
import { notifyHandler } from './ipc/notify.ipc';
import { registerAnchorHandlers } from './ipc/anchor.ipc';
import { VaultAnchorStore } from './services/vault-anchor';
import { openExternalHandler } from './ipc/shell.ipc';
import { createAssetHandler } from './security/asset-handler';
import { denyAllPermissions, guardWebContents, refuseDownloads } from './security/web-contents-guards';
import { writeFileAtomic } from './services/atomic-write';
import { createDeviceKeystore } from './services/device-keystore';
import { DocumentStore } from './services/document-store';
import { createMainWindow } from './windows/main-window';

/**
 * Electron main: thin wiring of the tested modules to the real Electron APIs. Everything with a
 * decision in it lives in a module that takes Electron's pieces as arguments.
 */
const log = { warn: (message: string) => console.warn(`[${PRODUCT_NAME}] ${message}`) };

// Must run before `ready`: the app's scheme is standard (stable origin, so IndexedDB survives
// restarts), secure, and allowed to fetch and stream.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
  },
]);
// A packaged build never runs with a debugging port or inspector open (see debug-switches.ts).
const refused = app.isPackaged ? refusedSwitches(process.argv) : [];
if (refused.length > 0) {
  process.stderr.write(
    `Qorgau: refusing to start with ${refused.join(', ')}: it would let other programs read the open vault.\n`,
  );
  app.exit(1);
}
app.enableSandbox();
// The renderer may ask for a full collection while it imports a large document: Chromium keeps
// the written bytes in this process until the renderer collects, which V8 alone does too rarely
// (see COLLECT_EVERY in vault-repository.ts). `gc` gives a page no access to anything else.
app.commandLine.appendSwitch('js-flags', '--expose-gc');
app.setName(PRODUCT_NAME);

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same vault concurrently; hand over to the first and leave.
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const openExternal = (url: string): void => {
    shell.openExternal(url).catch(() => log.warn('the system browser refused a link'));
  };

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { appOrigin: APP_ORIGIN, openExternal, log });
  });

  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    const assetRoot = path.join(__dirname, '..', 'renderer');
    protocol.handle(
      APP_SCHEME,
      createAssetHandler({ assetRoot, allowedHosts: [APP_HOST], readAsset: (file) => readFile(file) }),
    );
    denyAllPermissions(session.defaultSession);
    refuseDownloads(session.defaultSession, log);

    const options = { trustedOrigin: APP_ORIGIN, log };
    registerIpcHandler(
      ipcMain,
      'app:info',
      appInfoHandler({
        name: PRODUCT_NAME,
        version: app.getVersion(),
        platform: process.platform,
        packaged: app.isPackaged,
      }),
      options,
    );
    registerIpcHandler(
      ipcMain,
      'files:saveAs',
      saveAsHandler({
        showSaveDialog: (dialogOptions) =>
          mainWindow ? dialog.showSaveDialog(mainWindow, dialogOptions) : dialog.showSaveDialog(dialogOptions),
        writeFileAtomic,
        defaultFolder: () => app.getPath('documents'),
      }),
      options,
    );
    registerIpcHandler(
      ipcMain,
      'shell:openExternal',
      openExternalHandler((url) => shell.openExternal(url)),
      options,
    );

    const keystoreFolder = path.join(app.getPath('userData'), 'device-keys');
    const keystore = keystoreHandlers(
      createDeviceKeystore({
        safeStorage,
        folder: keystoreFolder,
        platform: process.platform,
        files: {
          write: async (file, bytes) => {
            await mkdir(keystoreFolder, { recursive: true, mode: 0o700 });
            await writeFileAtomic(file, bytes);
          },
          read: (file) =>
            readFile(file).then(
              (bytes) => new Uint8Array(bytes),
              () => null,
            ),
          remove: (file) =>
            rm(file).then(
              () => true,
              () => false,
            ),
        },
      }),
    );
    registerIpcHandler(
      ipcMain,
      'notify:show',
      notifyHandler({
        isSupported: () => Notification.isSupported(),
        show: (title, body) => new Notification({ title, body, silent: false }).show(),
      }),
      options,
    );
    registerIpcHandler(ipcMain, 'keystore:status', keystore.status, options);
    registerIpcHandler(ipcMain, 'keystore:remember', keystore.remember, options);
    registerIpcHandler(ipcMain, 'keystore:recall', keystore.recall, options);
    registerIpcHandler(ipcMain, 'keystore:forget', keystore.forget, options);

    // Its hashing and sealing threads start with the first import (about 55 ms), not with the app:
    // two idle threads hold about 19 MiB, which a session without an import should not pay for.
    const documentStore = new DocumentStore(path.join(app.getPath('userData'), 'documents'));
    registerDocumentHandlers(ipcMain, documentStore, options);
    registerAnchorHandlers(ipcMain, new VaultAnchorStore(path.join(app.getPath('userData'), 'anchors')), options);

    mainWindow = createMainWindow({
      BrowserWindow,
      preloadPath: path.join(__dirname, 'preload.cjs'),
      packaged: app.isPackaged,
      openExternal,
      log,
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    // Asleep or at the lock screen, the vault is locked: that is how laptops are usually seized.
    lockOnPowerEvents(powerMonitor, (reason) => mainWindow?.webContents.send(LOCK_CHANNEL, reason));
  });
}
