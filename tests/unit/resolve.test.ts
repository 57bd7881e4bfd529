/** Which story answers: the pure resolution order (option, channel, server, routing, default). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STORY_REASONS, chooseStory, reasonText } from '../../src/story/resolve.ts';
import { routeQuestion } from '../../src/story/route.ts';
import { DEFAULT_OPTIONS } from '../../src/answer/options.ts';

const visible = (...slugs: string[]) => (s: string) => slugs.includes(s);
const base = { defaultSlug: 'main', visible: visible('main', 'a', 'b', 'c') };

describe('chooseStory', () => {
  it('takes the first of option, channel, server, routing, default', () => {
    expect(chooseStory({ ...base, option: 'a', channel: 'b', server: 'c', route: () => 'main' })).toMatchObject({ slug: 'a', reason: 'option', known: true });
    expect(chooseStory({ ...base, channel: 'b', server: 'c', route: () => 'a' })).toMatchObject({ slug: 'b', reason: 'channel' });
    expect(chooseStory({ ...base, server: 'c', route: () => 'a' })).toMatchObject({ slug: 'c', reason: 'server' });
    expect(chooseStory({ ...base, route: () => 'a' })).toMatchObject({ slug: 'a', reason: 'routing' });
    expect(chooseStory({ ...base, route: () => undefined })).toMatchObject({ slug: 'main', reason: 'default', known: true });
    expect(chooseStory(base)).toMatchObject({ slug: 'main', reason: 'default' });
  });

  it('consults routing only when nothing is pinned', () => {
    let asked = 0;
    const route = () => { asked++; return 'a'; };
    chooseStory({ ...base, option: 'b', route });
    chooseStory({ ...base, channel: 'b', route });
    chooseStory({ ...base, server: 'b', route });
    expect(asked).toBe(0);
    chooseStory({ ...base, route });
    expect(asked).toBe(1);
  });

  it('an option naming no visible story is returned as unknown (the caller says so), normalised', () => {
    expect(chooseStory({ ...base, option: '  Elsewhere ', channel: 'a' })).toEqual({ slug: 'elsewhere', reason: 'option', known: false, stale: [] });
    expect(chooseStory({ ...base, option: 'A' })).toMatchObject({ slug: 'a', known: true });
    // an empty option counts as no option
    expect(chooseStory({ ...base, option: '  ', channel: 'a' })).toMatchObject({ slug: 'a', reason: 'channel' });
  });

  it('skips settings whose story is gone, and says which', () => {
    expect(chooseStory({ ...base, channel: 'gone', server: 'also-gone' })).toEqual({
      slug: 'main', reason: 'default', known: true,
      stale: [{ reason: 'channel', slug: 'gone' }, { reason: 'server', slug: 'also-gone' }],
    });
    expect(chooseStory({ ...base, channel: 'gone', server: 'b' })).toMatchObject({ slug: 'b', reason: 'server', stale: [{ reason: 'channel', slug: 'gone' }] });
    // a route to an invisible story is ignored
    expect(chooseStory({ ...base, route: () => 'other-servers-story' })).toMatchObject({ slug: 'main', reason: 'default' });
  });

  it('property: the result is always the first usable candidate in order, and visible unless an explicit option', () => {
    const slug = fc.constantFrom('main', 'a', 'b', 'gone', 'x');
    const opt = fc.option(slug, { nil: undefined });
    fc.assert(fc.property(opt, opt, opt, opt, (option, channel, server, routed) => {
      const input = { ...base, option, channel, server, route: () => routed };
      const got = chooseStory(input);
      const order: [string | undefined, string][] = [[channel, 'channel'], [server, 'server'], [routed, 'routing'], ['main', 'default']];
      if (option) {
        expect(got).toMatchObject({ slug: option, reason: 'option', known: base.visible(option) });
      } else {
        const first = order.find(([s]) => s && base.visible(s))!;
        expect([got.slug, got.reason]).toEqual(first);
        expect(got.known).toBe(true);
      }
    }), { seed: 7, numRuns: 300 });
  });

  it('has a reason text for every reason, and routing over no stories has no opinion', () => {
    for (const r of STORY_REASONS) expect(reasonText(r).length).toBeGreaterThan(10);
    expect(routeQuestion({ tables: [], index: () => undefined }, 'who', 'anything', DEFAULT_OPTIONS).kind).toBe('none');
  });
});
