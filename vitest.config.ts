import { defineConfig } from 'vitest/config';

export const unitTestConfig = defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    globalSetup: ['apps/server/src/test-support/test-template.global.ts'],
  },
});

export default unitTestConfig;
