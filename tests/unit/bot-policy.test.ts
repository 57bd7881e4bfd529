/**
 * The bot's pure policies: when to answer, defer or shed (queue.ts), how replies are retried
 * (deliver.ts, on a virtual clock), and the bounded cooldown store.
 */
import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { virtualClock } from '../../src/bot/clock.ts';
import { Cooldown } from '../../src/bot/cooldown.ts';
import { deadlinesFrom, withRetries } from '../../src/bot/deliver.ts';
import { planArrival, ServiceTime } from '../../src/bot/queue.ts';

const apiError = (status: number, code: number) =>
  new DiscordAPIError({ code, message: `error ${code}` }, code, status, 'POST', 'https://discord.test/api/v10/interactions/1/x/callback', { body: undefined, files: undefined });

describe('planArrival', () => {
  const base = { now: 1_000_000, createdAt: 1_000_000, waiting: 0, perAnswerMs: 5, queueLimit: 1000 };
  it('answers directly when the answer fits well inside the 3 s window', () => {
    expect(planArrival(base)).toBe('answer');
    expect(planArrival({ ...base, waiting: 298 })).toBe('answer'); // ready after 299 × 5 ms, just under 1.5 s
  });
  it('defers when the answer would come 1.5 s or more after the interaction was created (1.5 s left to get through)', () => {
    expect(planArrival({ ...base, waiting: 299 })).toBe('defer'); // 300 × 5 ms = 1.5 s
    expect(planArrival({ ...base, createdAt: base.now - 1500 })).toBe('defer'); // arrived late
    expect(planArrival({ ...base, createdAt: base.now - 1499, perAnswerMs: 0 })).toBe('answer');
  });
  it('sheds load when the queue is full, or when even an edit could not come in time', () => {
    expect(planArrival({ ...base, waiting: 100, queueLimit: 100 })).toBe('busy');
    expect(planArrival({ ...base, queueLimit: 0 })).toBe('busy');
    expect(planArrival({ ...base, waiting: 50, perAnswerMs: 20_000, queueLimit: 1000 })).toBe('busy');
  });
  it('keeps a running average of the time an answer takes', () => {
    const s = new ServiceTime(5, 0.5);
    s.record(15);
    expect(s.ms).toBe(10);
    s.record(Number.NaN);
    expect(s.ms).toBe(10);
  });
  it('rises fast when answers slow down and falls slowly after', () => {
    const s = new ServiceTime(10, 0.1, 0.5);
    s.record(110);
    expect(s.ms).toBe(60); // half way up at once
    s.record(10);
    expect(s.ms).toBe(55); // a tenth of the way down
  });
});

describe('withRetries', () => {
  it('waits 100, 200, 400… ms between attempts and succeeds when the call does', async () => {
    const clock = virtualClock(0);
    let calls = 0;
    const outcome = await withRetries(async () => { if (++calls < 4) throw apiError(502, 0); }, 3000, clock);
    expect(outcome).toEqual({ kind: 'sent', attempts: 4 });
    expect(clock.now()).toBe(700);
  });
  it('stops before a wait that would end past the deadline', async () => {
    const clock = virtualClock(0);
    const times: number[] = [];
    const outcome = await withRetries(async () => { times.push(clock.now()); throw apiError(500, 0); }, deadlinesFrom(0).ackBy, clock);
    expect(outcome.kind).toBe('late');
    expect(times).toEqual([0, 100, 300, 700, 1500]);
  });
  it('caps the delay at 2 s for long deadlines', async () => {
    const clock = virtualClock(0);
    const times: number[] = [];
    await withRetries(async () => { times.push(clock.now()); throw apiError(503, 0); }, 10_000, clock);
    expect(times.slice(-4)).toEqual([3100, 5100, 7100, 9100]);
  });
  it('40060 counts as done; 10062 and 10015 stop at once; other 4xx are not retried', async () => {
    const clock = virtualClock(0);
    expect(await withRetries(() => Promise.reject(apiError(400, 40060)), 3000, clock)).toEqual({ kind: 'already', attempts: 1 });
    expect(await withRetries(() => Promise.reject(apiError(404, 10062)), 3000, clock)).toEqual({ kind: 'gone', attempts: 1 });
    expect(await withRetries(() => Promise.reject(apiError(404, 10015)), 3000, clock)).toEqual({ kind: 'gone', attempts: 1 });
    expect((await withRetries(() => Promise.reject(apiError(400, 50035)), 3000, clock)).kind).toBe('rejected');
    expect(clock.now()).toBe(0);
  });
  it('retries network errors and 429s', async () => {
    const clock = virtualClock(0);
    let calls = 0;
    const errors = [new TypeError('fetch failed'), Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), apiError(429, 0)];
    const outcome = await withRetries(async () => { const e = errors[calls++]; if (e) throw e; }, 3000, clock);
    expect(outcome).toEqual({ kind: 'sent', attempts: 4 });
  });
});

describe('Cooldown', () => {
  it('makes a user wait, frees them after the window, and leaves other users alone', () => {
    let t = 0;
    const c = new Cooldown(3, () => t);
    expect(c.take('a')).toBe(0);
    expect(c.take('a')).toBe(3);
    expect(c.take('b')).toBe(0);
    t = 2500;
    expect(c.take('a')).toBe(1);
    t = 3000;
    expect(c.take('a')).toBe(0);
  });
  it('stays bounded: expired users are forgotten as time passes, and a flood is capped', () => {
    let t = 0;
    const c = new Cooldown(3, () => t, 1000);
    for (let i = 0; i < 5000; i++) c.take(`u${i}`);
    expect(c.size).toBe(1000);
    t = 10_000;
    c.take('late');
    expect(c.size).toBe(1);
  });
  it('is off with 0 seconds and remembers nobody', () => {
    const c = new Cooldown(0);
    expect(c.take('a')).toBe(0);
    expect(c.take('a')).toBe(0);
    expect(c.size).toBe(0);
  });
});
