/**
 * The command-line entry points, in process (the process boundary is not the point here; the e2e tests
 * run the real `npm start` and `npm run ask`): `ask --jsonl`, `ask --json`, `story` and `help` as in
 * Discord, start-up with broken data, and the local console.
 */
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { COMMANDS, type Answer } from '../../src/answer/types.ts';
import { ASK_USAGE, runAsk } from '../../src/cli/ask.ts';
import { consoleReply, parseLine, runConsole } from '../../src/cli/console.ts';
import { answerRequest } from '../../src/cli/requests.ts';
import { openLibrary } from '../../src/library.ts';
import { realLibrary } from '../library.ts';
import { BAKERY, BRIDGE, MATCH, cleanupTiny, tinyStoriesDir } from './stages/tiny.ts';
import { CONTRACT_KEYS, SLUG, STORIES_DIR, cleanupTemp, copyRealStory, editJson } from './helpers.ts';

afterAll(cleanupTemp);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `ask` in process with `args` (the first is the script, kept for readability), feeding `input` on stdin, with only the given environment. */
async function askIn(args: string[], input: string, env: Record<string, string> = {}): Promise<Run> {
  const [script, ...rest] = args;
  expect(script).toBe('src/cli/ask.ts');
  const collect = () => {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.setEncoding('utf8').on('data', (d: string) => chunks.push(d));
    return { stream, text: () => chunks.join('') };
  };
  const out = collect();
  const err = collect();
  const code = await runAsk(rest, { stdin: Readable.from([input]), stdout: out.stream, stderr: err.stream, env: { DISCORD_TOKEN: '', STORIES_DIR, ...env } });
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: out.text(), stderr: err.text() };
}

function expectAnswerShape(a: Record<string, unknown>): void {
  for (const key of CONTRACT_KEYS) expect(a, key).toHaveProperty(key);
}

describe('ask --jsonl', () => {
  it('writes exactly one Answer line per request line, in order, and nothing else', async () => {
    const lines = [
      JSON.stringify({ command: 'who', query: 'who met the Russian president at the airport' }),
      JSON.stringify({ command: 'when', query: 'when did he arrive', story: 'no-such-story' }),
      '{"command": "who", "query": ',
    ];
    const r = await askIn(['src/cli/ask.ts', '--jsonl'], `${lines.join('\n')}\n`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    const out = r.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(3);
    const answers = out.map((l) => JSON.parse(l) as Answer & Record<string, unknown>);
    for (const a of answers) expectAnswerShape(a);

    expect(answers[0]!.command).toBe('who');
    expect(answers[0]!.found).toBe(true);
    expect(answers[0]!.answer).toMatch(/Kim/);
    expect(answers[0]!.story).toBe(SLUG);

    expect(answers[1]!.found).toBe(false);
    expect(answers[1]!.story).toBe('no-such-story');
    expect(answers[1]!.message).toContain('no-such-story');
    expect(answers[1]!.message).toContain(SLUG);

    expect(answers[2]!.found).toBe(false);
    expect(answers[2]!.message).toMatch(/JSON/);
  });

  it('answers JSON lines that are not requests (a number, null, an array) one for one', async () => {
    const lines = [
      JSON.stringify({ command: 'factcheck', query: 'Kim Jong Un welcomed Putin' }),
      '42',
      'null',
      '[]',
      JSON.stringify({ command: 'sources' }),
      JSON.stringify({ command: 'why', query: 'why did Putin commend Kim', story: SLUG }),
    ];
    const r = await askIn(['src/cli/ask.ts', '--jsonl'], lines.join('\n'));
    expect(r.code, r.stderr).toBe(0);
    const answers = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Answer);
    expect(answers).toHaveLength(lines.length);
    expect(answers[0]!.verdict).toBe('supported');
    for (const a of answers.slice(1, 4)) {
      expect(a.found).toBe(false);
      expect(a.usage).toBe(true);
    }
    expect(answers[4]!.sources).toHaveLength(5);
    expect(answers[5]!.command).toBe('why');
    expect(answers[5]!.paragraph).toBe(4);
  });

  it('keeps answering after a request whose story is an object that will not turn into a string', async () => {
    const lines = [
      '{"command": "who", "query": "who greeted Putin", "story": {"toString": 1}}',
      JSON.stringify({ command: 'who', query: 'who greeted Putin' }),
    ];
    const r = await askIn(['src/cli/ask.ts', '--jsonl'], `${lines.join('\n')}\n`);
    expect(r.stderr).not.toMatch(/TypeError/);
    expect(r.code).toBe(0);
    const answers = r.stdout.trimEnd().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Answer);
    expect(answers).toHaveLength(2);
    expect(answers[0]!.found).toBe(false);
    expect(answers[1]!.answer).toMatch(/Kim/);
  });
});

describe('ask --json and start-up', () => {
  it('prints one Answer object for --json who greeted Putin', async () => {
    const r = await askIn(['src/cli/ask.ts', '--json', 'who', 'greeted', 'Putin'], '');
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout) as Answer;
    expect(Array.isArray(a)).toBe(false);
    expectAnswerShape(a as unknown as Record<string, unknown>);
    expect(a.command).toBe('who');
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/Kim/);
    expect(a.paragraph).toBe(2);
  });

  it('exits non-zero with a message naming the file and the fact when the story data is broken', async () => {
    const { storiesDir, storyDir } = copyRealStory();
    editJson<{ facts: { id: string; quote: { exact: string } }[] }>(join(storyDir, 'facts.json'), (d) => {
      d.facts.find((f) => f.id === 'kim-commended')!.quote.exact = 'words the article never prints';
    });
    const r = await askIn(['src/cli/ask.ts', '--json', 'who', 'greeted', 'Putin'], '', { STORIES_DIR: storiesDir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('facts.json');
    expect(r.stderr).toContain('kim-commended');
    expect(r.stderr).toMatch(/quote/);
    expect(r.stdout).toBe('');
  });

});

describe('ask agrees with the README: story and help, in the CLI and in JSONL', () => {
  it('npm run ask -- story prints the overview; help lists every command', async () => {
    const story = await askIn(['src/cli/ask.ts', 'story'], '');
    expect(story.code, story.stderr).toBe(0);
    expect(story.stdout).toContain(realLibrary().stories.get(SLUG)!.story.paragraphs[0]);
    expect(story.stdout).not.toMatch(/Unknown command/);
    const help = await askIn(['src/cli/ask.ts', 'help'], '');
    expect(help.code).toBe(0);
    for (const c of [...COMMANDS, 'story', 'help']) expect(help.stdout).toContain(`/${c}`);
  });

  it('JSONL {"command":"story"} and {"command":"help"} answer; an unknown story is named', async () => {
    const lines = [{ command: 'story' }, { command: 'help' }, { command: 'story', story: 'atlantis' }, { command: '/STORY', query: SLUG }].map((l) => JSON.stringify(l));
    const r = await askIn(['src/cli/ask.ts', '--jsonl'], lines.join('\n'));
    const answers = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(answers).toHaveLength(4);
    for (const a of answers) expectAnswerShape(a);
    expect(answers[0]).toMatchObject({ command: 'story', found: true, story: SLUG });
    expect(answers[0]!['message']).toContain('Russian President Putin');
    expect(answers[1]).toMatchObject({ command: 'help', found: true });
    expect(answers[1]!['message']).toContain('/factcheck');
    expect(answers[2]).toMatchObject({ command: 'story', found: false, story: 'atlantis' });
    expect(answers[2]!['message']).toContain('atlantis');
    expect(answers[3]).toMatchObject({ command: 'story', found: true, story: SLUG });
  });

  it('usage names every command, story and help included', async () => {
    const r = await askIn(['src/cli/ask.ts'], '');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${ASK_USAGE}\n`);
    for (const c of [...COMMANDS, 'story', 'help']) expect(ASK_USAGE).toContain(c);
  });
});

describe('the console', () => {
  const library = realLibrary();

  it('parses a command line, with an optional --story', () => {
    expect(parseLine('/who greeted Putin')).toEqual({ command: 'who', query: 'greeted Putin', story: undefined });
    expect(parseLine('  WHEN did Russia invade Ukraine --story other-story ')).toEqual({ command: 'when', query: 'did Russia invade Ukraine', story: 'other-story' });
    expect(parseLine('/sources --story=abc')).toEqual({ command: 'sources', query: '', story: 'abc' });
    expect(parseLine('')).toEqual({ command: '', query: '', story: undefined });
  });

  it('answers /who greeted Putin', () => {
    const reply = consoleReply(library, '/who greeted Putin');
    expect(reply).toMatch(/Kim Jong Un/);
    expect(reply).toMatch(/¶2/);
    expect(reply).toMatch(/airport/);
  });

  it('has help, story, quit, and says so for unknown commands and stories', () => {
    const help = consoleReply(library, '/help')!;
    for (const c of COMMANDS) expect(help).toContain(`/${c}`);
    expect(consoleReply(library, '/story')).toContain(library.stories.get(SLUG)!.story.paragraphs[0]);
    expect(consoleReply(library, '/quit')).toBeNull();
    expect(consoleReply(library, 'exit')).toBeNull();
    expect(consoleReply(library, '   ')).toBe('');
    expect(consoleReply(library, '/teleport me')).toMatch(/Unknown command/i);
    expect(consoleReply(library, '/who greeted Putin --story atlantis')).toMatch(/atlantis/);
  });

  /** Runs the console loop in-process on the given lines; returns what it wrote to its output. */
  async function consoleOn(lines: string[]): Promise<string> {
    const output = new PassThrough();
    let written = '';
    output.setEncoding('utf8').on('data', (d: string) => { written += d; });
    // The banner goes to process.stderr when input is piped; keep it out of the test output.
    const banner = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await runConsole(library, Readable.from(lines.map((l) => `${l}\n`)), output);
    } finally {
      banner.mockRestore();
    }
    return written;
  }

  it('answers each piped line in order, skipping blank lines', async () => {
    const out = await consoleOn(['/who greeted Putin', '', '/where was Putin met by Kim', '/factcheck Putin visited Brazil']);
    expect(out).toMatch(/Kim Jong Un/);
    expect(out).toMatch(/airport/);
    expect(out).toMatch(/Brazil/);
    expect(out.indexOf('Kim Jong Un')).toBeLessThan(out.indexOf('Brazil'));
    expect(out).not.toMatch(/running locally/);
  });

  it('stops at /quit without answering further lines', async () => {
    const out = await consoleOn(['/when did Russia invade Ukraine', '/quit', '/who greeted Putin']);
    expect(out).toMatch(/2022/);
    expect(out).not.toMatch(/Kim Jong Un/);
  });


});

describe('routing in the CLIs: no story given, more than one loaded', () => {
  const twin = { ...BRIDGE, slug: 'calder-bridge-again', headline: 'Calder opens its Harbour Bridge' };
  const library = openLibrary(tinyStoriesDir([BRIDGE, MATCH, BAKERY]), BAKERY.slug);
  const twins = openLibrary(tinyStoriesDir([BRIDGE, twin, BAKERY]), BAKERY.slug);
  afterAll(cleanupTiny);

  it('answers from the story that answers best, and names it', () => {
    for (const [query, story, short] of [
      ['who scored both goals', MATCH, /Jonas Pike/],
      ['who greeted the mayor at the north gate', BRIDGE, /Tomas Reyes/],
    ] as const) {
      const a = answerRequest(library, { command: 'who', query });
      expect(a.story, query).toBe(story.slug);
      expect(a.answer, query).toMatch(short);
      expect(a.routing).toEqual({ kind: 'one', stories: [{ slug: story.slug, title: story.headline }] });
      expect(a.message.split('\n')[0]).toContain(`${story.headline} (${story.slug}), chosen as the story that answers the question best`);
    }
    // the console routes the same way
    expect(consoleReply(library, '/who scored both goals')).toMatch(/^Story: Ashby Rovers win the county cup final \(rovers-cup-final\)[\s\S]*Jonas Pike/);
    expect(consoleReply(library, 'who scored both goals?')).toMatch(/rovers-cup-final[\s\S]*Jonas Pike/);
  });

  it('a story given, a question no story answers, or no question: no routing', () => {
    const pinned = answerRequest(library, { command: 'who', query: 'scored both goals', story: BRIDGE.slug });
    expect(pinned.story).toBe(BRIDGE.slug);
    expect(pinned.routing).toBeUndefined();
    const nowhere = answerRequest(library, { command: 'who', query: 'won the election in Peru' });
    expect(nowhere).toMatchObject({ story: BAKERY.slug, found: false });
    expect(nowhere.routing).toBeUndefined();
    expect(answerRequest(library, { command: 'sources', query: '' })).toMatchObject({ story: BAKERY.slug });
  });

  it('two stories that answer equally well: a usage answer naming both, and how to pick', () => {
    const a = answerRequest(twins, { command: 'who', query: 'who greeted the mayor at the north gate' });
    expect(a.usage).toBe(true);
    expect(a.found).toBe(false);
    expect(a.routing?.kind).toBe('tie');
    expect(a.routing?.stories.map((s) => s.slug).sort()).toEqual([BRIDGE.slug, twin.slug].sort());
    expect(a.message).toMatch(/--story calder-bridge(-again)? or --story calder-bridge(-again)?/);
  });
});
