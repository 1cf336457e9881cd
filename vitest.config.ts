import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Native addons (SQLCipher, libsodium) are happiest in child processes, not worker threads.
    pool: 'forks',
    // Two files at a time: a CLI or end-to-end test spends much of its time waiting for a child
    // process (the CLI, Chromium), so a second file keeps both cores busy.
    maxWorkers: 2,
    // Memory tests collect garbage before they sample, so that they measure what is held.
    execArgv: ['--expose-gc'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: {
      // One pass over 64 MiB instead of the calibrated ~0.5 s: keeps hundreds of vault
      // creations fast. Production never sets it; doctor flags vaults made with weak settings.
      CASE_VAULT_INSECURE_FAST_KDF: '1',
    },
  },
});
