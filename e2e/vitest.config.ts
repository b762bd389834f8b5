import { defineConfig } from 'vitest/config';

export const e2eTestConfig = defineConfig({
  test: {
    include: ['e2e/tests/**/*.e2e.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    globalSetup: ['e2e/support/e2e-template.global.ts'],
  },
});

export default e2eTestConfig;
