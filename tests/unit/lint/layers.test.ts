import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Proves the layer rules in eslint.config.js bite: each forbidden import or access, placed in a
 * real file of its layer, is an error (and `npm test` runs lint with zero warnings allowed, so
 * an error fails it), while the same line in the layer that may use it is clean.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  // Probes replace a real file's text; with type information on, that edited text would leak
  // into the type program of later probes. The layer rules need no types.
  eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });
});

async function messagesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const SHARED_FILE = 'shared/security/origin.ts';
const RENDERER_FILE = 'renderer/src/features/cases/CasesView.tsx';
const PLATFORM_FILE = 'renderer/src/platform/desktop-host.ts';

describe('layer rules', () => {
  it.each([
    [
      'dexie from shared/',
      SHARED_FILE,
      "import Dexie from 'dexie';\nexport const d = Dexie;\n",
      /no-restricted-imports: .*renderer\/src\/db/,
    ],
    [
      'the renderer from shared/',
      SHARED_FILE,
      "import { App } from '../../renderer/src/app/App';\nexport const a = App;\n",
      /no-restricted-imports/,
    ],
    [
      'node:fs from shared/',
      SHARED_FILE,
      "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n",
      /no-restricted-imports: .*Node modules belong/,
    ],
    [
      'React from shared/',
      SHARED_FILE,
      "import { useState } from 'react';\nexport const u = useState;\n",
      /no-restricted-imports: .*shared\/ is pure/,
    ],
    [
      'electron/ from the renderer',
      RENDERER_FILE,
      "import { createAssetHandler } from '../../../../electron/main/security/asset-handler';\nexport const h = createAssetHandler;\n",
      /no-restricted-imports: .*Only electron\//,
    ],
    [
      'Electron itself from the renderer',
      RENDERER_FILE,
      "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n",
      /no-restricted-imports/,
    ],
    [
      'dexie from a renderer feature',
      RENDERER_FILE,
      "import Dexie from 'dexie';\nexport const d = Dexie;\n",
      /no-restricted-imports: .*Only renderer\/src\/db/,
    ],
    [
      'the vault service from a feature',
      RENDERER_FILE,
      "import { VaultService } from '../../vault/vault-service';\nexport const v = VaultService;\n",
      /no-restricted-imports: .*use the stores/,
    ],
    [
      'db/ from a feature',
      RENDERER_FILE,
      "import { VaultRepository } from '../../db/vault-repository';\nexport const r = VaultRepository;\n",
      /no-restricted-imports: .*use the stores/,
    ],
    [
      'the vault service from a component',
      'renderer/src/components/form-fields.tsx',
      "import { VaultService } from '../vault/vault-service';\nexport const v = VaultService;\n",
      /no-restricted-imports: .*use the stores/,
    ],
    [
      "another feature's file rather than its index",
      'renderer/src/features/settings/SettingsView.tsx',
      "import { newPassphraseProblem } from '../vault/passphrase-strength';\nexport const p = newPassphraseProblem;\n",
      /no-restricted-imports: .*only through its index.ts/,
    ],
    [
      'db/ from a store',
      'renderer/src/stores/vault-store.ts',
      "import { VaultRepository } from '../db/vault-repository';\nexport const r = VaultRepository;\n",
      /no-restricted-imports: .*Only the vault layer/,
    ],
    [
      'a store from the vault layer',
      'renderer/src/vault/vault-service.ts',
      "import { useVaultStore } from '../stores/vault-store';\nexport const s = useVaultStore;\n",
      /no-restricted-imports: .*vault\/ is below/,
    ],
    [
      'the vault layer from db/',
      'renderer/src/db/vault-repository.ts',
      "import { VaultService } from '../vault/vault-service';\nexport const v = VaultService;\n",
      /no-restricted-imports: .*db\/ is the lowest layer/,
    ],
    [
      'ipcMain outside the IPC wrapper',
      'electron/main/ipc/app.ipc.ts',
      "import { ipcMain } from 'electron';\nexport const m = ipcMain;\n",
      /no-restricted-imports: .*Register IPC/,
    ],
    [
      'electron/main from the preload',
      'electron/preload/index.ts',
      "import { writeFileAtomic } from '../main/services/atomic-write';\nexport const w = writeFileAtomic;\n",
      /no-restricted-imports/,
    ],
  ])('refuses %s', async (_name, file, code, expected) => {
    expect(await messagesFor(file, code)).toContainEqual(expect.stringMatching(expected));
  });

  it('lets each inner layer use the one below it, and a feature use another through its index', async () => {
    const clean = async (file: string, code: string) =>
      expect((await messagesFor(file, code)).filter((m) => m.startsWith('no-restricted-imports'))).toEqual([]);
    await clean(
      RENDERER_FILE,
      "import { useVaultStore } from '../../stores/vault-store';\nexport const s = useVaultStore;\n",
    );
    await clean(
      RENDERER_FILE,
      "import { newPassphraseProblem } from '../vault';\nexport const p = newPassphraseProblem;\n",
    );
    await clean(
      'renderer/src/stores/vault-store.ts',
      "import { VaultService } from '../vault/vault-service';\nexport const v = VaultService;\n",
    );
    await clean(
      'renderer/src/vault/vault-service.ts',
      "import { VaultRepository } from '../db/vault-repository';\nexport const r = VaultRepository;\n",
    );
  });

  it('refuses DOM globals in shared/', async () => {
    const messages = await messagesFor(SHARED_FILE, 'export const where = window.location.href;\n');
    expect(messages).toContainEqual(expect.stringMatching(/no-restricted-globals: .*shared\/ is pure TypeScript/));
  });

  it('refuses window.api outside renderer/src/platform/ and allows it inside', async () => {
    const code = 'export const api = window.api;\n';
    expect(await messagesFor(RENDERER_FILE, code)).toContainEqual(
      expect.stringMatching(/Only renderer\/src\/platform\/ touches window.api/),
    );
    expect((await messagesFor(PLATFORM_FILE, code)).filter((m) => m.includes('window.api'))).toEqual([]);
  });

  it("refuses showing an error's English message in the UI", async () => {
    const code = 'export function show(error: Error) {\n  return error.message;\n}\n';
    expect(await messagesFor(RENDERER_FILE, code)).toContainEqual(expect.stringMatching(/word it with failureText/));
    expect(await messagesFor('renderer/src/stores/vault-store.ts', code)).toContainEqual(
      expect.stringMatching(/word it with failureText/),
    );
  });

  it('refuses literal UI text in JSX', async () => {
    const code = 'export function Hello() {\n  return <p>Новое дело</p>;\n}\n';
    expect(await messagesFor(RENDERER_FILE, code)).toContainEqual(expect.stringMatching(/UI text goes through i18n/));
  });

  it('accepts the layers as they are', async () => {
    const results = await eslint.lintFiles(['shared', 'electron', 'renderer/src']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.ruleId ?? ''} ${m.message}`));
    expect(problems).toEqual([]);
  });
});
