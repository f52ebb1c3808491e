import { defineConfig } from 'vitest/config';

// Tiers by file name (style habit 7): *.test.ts pure, *.int.test.ts against DynamoDB Local and the
// S3 server, *.e2e.test.ts in Chromium, test/infra against the synthesised template.
export default defineConfig({
  test: {
    expect: { requireAssertions: true },
    // Two workers on two cores: vitest's default (cores - 1) runs every file one after another, while
    // the integration files mostly wait on DynamoDB Local's own process.
    maxWorkers: 2,
    // The demo people's stored password hash at N=2^14 instead of 2^17 (infra/local/seed.ts says why).
    // No request lines or metrics from the handlers under test (shared/ops/telemetry.ts); the tests
    // of those lines turn them on (test/support/log-lines.ts).
    env: { ZHURNAL_DEMO_SCRYPT_N: '16384', LOG_LEVEL: 'SILENT' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.int.test.ts'],
          isolate: false,
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 60_000 } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          // One stack and one Chromium for every file (the set-up says how files share it).
          globalSetup: ['test/support/e2e-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One file at a time: they share the stack's data, and the machine has two cores. One worker
          // for all of them (isolate: false) imports playwright and the handlers once, not per file;
          // its own group order because its single worker differs from the other projects'.
          fileParallelism: false,
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
