import { describe, expect, it } from 'vitest';
import { Memo } from '../../src/memo.ts';

describe('Memo', () => {
  it('computes a key once and hands out the remembered value after', () => {
    const memo = new Memo<number>(10);
    let calls = 0;
    const square = (n: number) => memo.get(String(n), () => { calls++; return n * n; });
    expect([square(3), square(3), square(4)]).toEqual([9, 9, 16]);
    expect(calls).toBe(2);
  });

  it('starts over once it holds its limit, so it never grows past it', () => {
    const memo = new Memo<string>(2);
    let calls = 0;
    const get = (k: string) => memo.get(k, () => { calls++; return k.toUpperCase(); });
    get('a'); get('b'); get('c'); // 'c' finds the memo full: it is cleared, then holds 'c'
    get('c');
    expect(calls).toBe(3);
    get('a');
    expect(calls).toBe(4);
  });

  it('remembers a falsy value too', () => {
    const memo = new Memo<boolean>(5);
    let calls = 0;
    memo.get('x', () => { calls++; return false; });
    expect(memo.get('x', () => { calls++; return true; })).toBe(false);
    expect(calls).toBe(1);
  });
});
