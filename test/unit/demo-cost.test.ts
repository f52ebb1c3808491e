/**
 * The test suite's demo hash cost comes from vitest.config.ts; this guards that it reaches the tests.
 */
import { describe, expect, it } from 'vitest';

describe('test environment', () => {
  it('should give the demo people a cheaper stored hash in tests only', () => {
    expect(process.env.ZHURNAL_DEMO_SCRYPT_N).toBe('16384');
  });
});
