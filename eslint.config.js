// Lint is where the architecture is enforced: which layer may import which (as in VS Code's
// layering rule), who may touch `window.api`, Dexie and raw IPC, and that UI text goes through
// i18n. `npm test` runs this with zero warnings allowed; tests/unit/lint proves the rules bite.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** One restricted import: a module-name regex and the reason shown to the developer. */
const rule = (regex, message) => ({ regex, message });

const FORBIDDEN = {
  renderer: rule('(^|/)renderer(/|$)', 'shared/ and electron/ must not import the renderer.'),
  electron: rule(
    '(^|/)electron/',
    'Only electron/ may import electron/; the renderer talks to main through the platform adapter.',
  ),
  electronModule: rule('^electron(/|$)', 'Only electron/main and electron/preload may import Electron.'),
  node: rule(
    '^(node:|(fs|path|os|child_process|crypto|http|https|net|url|stream|worker_threads)(/|$))',
    'Node modules belong to electron/main only.',
  ),
  dexie: rule('^dexie(/|$)', 'Only renderer/src/db/ may import dexie: go through a repository.'),
  react: rule('^(react|react-dom|zustand|i18next|react-i18next)(/|$)', 'shared/ is pure TypeScript: no UI libraries.'),
  preloadOnly: rule('(^|/)shared/(?!ipc/)', 'The preload imports the IPC contract only.'),
  main: rule('(^|/)main/', 'The preload must not import electron/main.'),
};

const restrictImports = (...forbidden) => ['error', { patterns: forbidden }];

/** What no renderer file may import: Electron, Node, and (but for src/db/) Dexie. */
const RENDERER_FORBIDDEN = [FORBIDDEN.electron, FORBIDDEN.electronModule, FORBIDDEN.node];

/**
 * The renderer's inner layers, one way: features → stores → vault → db (the composition root,
 * src/main.tsx, wires them). Paths are relative, so each rule names the layer by how far up it is.
 */
const INNER = {
  belowStores: (up) =>
    rule(
      `^(\\.\\./){${up},}(vault|db|search)(/|$)`,
      'Features, components and the app shell use the stores (stores/), never the vault service, db/ or the search worker.',
    ),
  db: rule('^(\\.\\./)+db(/|$)', 'Only the vault layer (vault/) uses db/; stores go through the vault service.'),
  aboveVault: rule(
    '^(\\.\\./)+(stores|features|components|app)(/|$)',
    'vault/ is below the stores and the UI: it must not import them.',
  ),
  aboveDb: rule(
    '^(\\.\\./)+(vault|stores|features|components|app|search)(/|$)',
    'db/ is the lowest layer of the renderer: it must not import the layers above it.',
  ),
  featureInternals: rule(
    '^\\.\\./(?!\\.\\.)[^/]+/',
    "A feature imports another feature only through its index.ts (import from '../other', not '../other/File').",
  ),
};

/** What Electron main may not import. */
const MAIN_FORBIDDEN = [
  FORBIDDEN.renderer,
  FORBIDDEN.dexie,
  FORBIDDEN.react,
  rule('(^|/)preload/', 'Main must not import the preload.'),
];

const WINDOW_API = {
  selector: "MemberExpression[object.name='window'][property.name='api']",
  message: 'Only renderer/src/platform/ touches window.api; use the Platform interface.',
};
const RAW_MESSAGE = {
  selector: "MemberExpression[property.name='message']",
  message:
    "Words shown to people come from the catalogs: keep the failure (failureOf) and word it with failureText, never an error's English message.",
};
const JSX_LITERAL = {
  selector: 'JSXText[value=/[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/]',
  message: 'UI text goes through i18n: use t("…") instead of a literal.',
};

/** DOM and Node globals that shared/ must not touch: it runs in the renderer, main and the CLI. */
const HOST_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'location',
  'process',
  'Buffer',
  'require',
  '__dirname',
  'global',
].map((name) => ({ name, message: 'shared/ is pure TypeScript and runs everywhere: no DOM or Node globals.' }));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      '.tsbuild/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly' },
    },
  },

  // ── Layers ──────────────────────────────────────────────────────────────────────────────────
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports(
        FORBIDDEN.renderer,
        FORBIDDEN.electron,
        FORBIDDEN.electronModule,
        FORBIDDEN.node,
        FORBIDDEN.dexie,
        FORBIDDEN.react,
      ),
      'no-restricted-globals': ['error', ...HOST_GLOBALS],
    },
  },
  {
    // The composition root; every other file of main gets the stricter block further down.
    files: ['electron/main/index.ts'],
    rules: { 'no-restricted-imports': restrictImports(...MAIN_FORBIDDEN) },
  },
  {
    files: ['electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports(
        FORBIDDEN.renderer,
        FORBIDDEN.dexie,
        FORBIDDEN.react,
        FORBIDDEN.electronModule,
        rule('(^|/)preload/', 'The web server must not import the preload.'),
      ),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports(
        FORBIDDEN.renderer,
        FORBIDDEN.main,
        FORBIDDEN.preloadOnly,
        FORBIDDEN.node,
        FORBIDDEN.dexie,
        FORBIDDEN.react,
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrictImports(...RENDERER_FORBIDDEN, FORBIDDEN.dexie),
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        WINDOW_API,
        JSX_LITERAL,
      ],
    },
  },
  {
    files: ['renderer/src/{features,components,app,stores}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        WINDOW_API,
        JSX_LITERAL,
        RAW_MESSAGE,
      ],
    },
  },
  {
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictImports(
        ...RENDERER_FORBIDDEN,
        FORBIDDEN.dexie,
        INNER.belowStores(2),
        INNER.featureInternals,
      ),
    },
  },
  {
    files: ['renderer/src/{components,app}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictImports(...RENDERER_FORBIDDEN, FORBIDDEN.dexie, INNER.belowStores(1)),
    },
  },
  {
    files: ['renderer/src/stores/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports(...RENDERER_FORBIDDEN, FORBIDDEN.dexie, INNER.db) },
  },
  {
    files: ['renderer/src/vault/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports(...RENDERER_FORBIDDEN, FORBIDDEN.dexie, INNER.aboveVault) },
  },
  {
    files: ['renderer/src/db/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports(...RENDERER_FORBIDDEN, INNER.aboveDb) },
  },
  {
    files: ['renderer/src/platform/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        JSX_LITERAL,
      ],
    },
  },
  {
    // Only the IPC wrapper and the composition root may hold ipcMain; only the preload ipcRenderer.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/index.ts'],
    rules: {
      'no-restricted-imports': restrictImports(...MAIN_FORBIDDEN, {
        regex: '^electron$',
        importNames: ['ipcMain', 'ipcRenderer'],
        message: 'Register IPC through electron/main/ipc/handle.ts only.',
      }),
    },
  },
  {
    // Test-only weakenings (a lowered KDF floor, …) are refused anywhere but in tests.
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['shared/crypto/kdf.ts'],
    rules: { 'id-denylist': ['error', 'dangerousTestOnlyKdfFloor'] },
  },
  {
    // Tool configuration files need default exports.
    files: ['*.config.{ts,js}', 'renderer/vite.config.ts', 'bench/*.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
