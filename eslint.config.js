// Lint, chiefly to hold the architecture's boundaries (docs/architecture.md):
//   engine ↛ electron; shared ↛ node and electron; renderer ↛ src-main.
// plus a few security rules that are cheap to enforce mechanically.
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'process',
  'readline',
  'stream',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

const securityRules = {
  'no-restricted-properties': [
    'error',
    {
      object: 'Math',
      property: 'random',
      message: 'Never for anything secret: use sodium randombytes_buf or node:crypto.',
    },
  ],
  'no-restricted-syntax': [
    'error',
    ...[
      "callee.name='createCipheriv'",
      "callee.property.name='createCipheriv'",
      "callee.name='createDecipheriv'",
      "callee.property.name='createDecipheriv'",
    ].map((callee) => ({
      selector: `CallExpression[${callee}] > Literal[value=/chacha20/i]`,
      message: "Electron's BoringSSL has no chacha20-poly1305: use sodium-native.",
    })),
    { selector: "Property[key.name='nodeIntegration'][value.value=true]", message: 'nodeIntegration stays off.' },
    { selector: "Property[key.name='contextIsolation'][value.value=false]", message: 'contextIsolation stays on.' },
    { selector: "Property[key.name='sandbox'][value.value=false]", message: 'The renderer stays sandboxed.' },
    { selector: "Property[key.name='webSecurity'][value.value=false]", message: 'webSecurity stays on.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'scratch/', 'coverage/', 'bench/out/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      ...securityRules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['src-main/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The engine is plain Node: it never imports electron.' }],
          patterns: ['electron/*'],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is imported by the renderer: no electron.' },
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'shared/ is imported by the renderer: no Node built-ins.',
            })),
          ],
          patterns: [
            { group: ['node:*'], message: 'shared/ is imported by the renderer: no Node built-ins.' },
            { group: ['electron/*'] },
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'shared/ depends on nothing of ours.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer only talks to window.vault.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' })),
          ],
          patterns: [
            {
              group: ['**/src-main/**', '**/src-main'],
              message: 'The renderer never imports src-main/: go through the IPC contract in shared/.',
            },
            { group: ['node:*'], message: 'The renderer has no Node.' },
          ],
        },
      ],
    },
  },
);
