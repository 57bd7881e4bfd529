/**
 * `npm run bench -- --stories N` (src/cli/bench-stories.ts): which story counts it runs.
 */
import { describe, expect, it } from 'vitest';
import { storyCounts } from '../../src/cli/bench-stories.ts';

describe('bench --stories N', () => {
  it('runs every count of 1, 100, 1,000 and 10,000 up to N', () => {
    expect(storyCounts(1)).toEqual([1]);
    expect(storyCounts(1000)).toEqual([1, 100, 1000]);
    expect(storyCounts(10000)).toEqual([1, 100, 1000, 10000]);
  });

  it('adds N itself when it is not one of them', () => {
    expect(storyCounts(50)).toEqual([1, 50]);
    expect(storyCounts(2500)).toEqual([1, 100, 1000, 2500]);
  });
});
