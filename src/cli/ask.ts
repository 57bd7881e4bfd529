import { createInterface } from 'node:readline';
import { ask, findStory } from '../library.ts';
import { renderTerminal } from '../render/terminal.ts';
import { startup } from '../startup.ts';

/**
 * `npm run ask -- <command> <query…>` prints the answer for a person; `--json` prints the Answer object;
 * `--jsonl` reads `{"command","query","story"}` lines from stdin and writes one Answer a line.
 * `--story <slug>` picks the story.
 */
async function main(argv: string[]): Promise<void> {
  let story: string | undefined;
  let json = false;
  let jsonl = false;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--story') story = argv[++i];
    else if (a.startsWith('--story=')) story = a.slice(8);
    else if (a === '--json') json = true;
    else if (a === '--jsonl') jsonl = true;
    else words.push(a);
  }
  const { library } = startup();
  if (story && !findStory(library, story)) {
    process.stderr.write(`No story called "${story}". Loaded: ${[...library.stories.keys()].join(', ')}\n`);
    process.exit(2);
  }
  if (jsonl) {
    const rl = createInterface({ input: process.stdin, terminal: false });
    for await (const line of rl) {
      if (!line.trim()) continue;
      let request: { command?: unknown; query?: unknown; story?: unknown };
      try {
        const parsed: unknown = JSON.parse(line);
        request = parsed && typeof parsed === 'object' ? parsed : { command: undefined };
      } catch {
        // Still one answer for the line, so answers stay aligned with requests.
        process.stdout.write(`${JSON.stringify({ ...ask(library, { command: 'ask', query: '', story }), message: 'That line is not a JSON object.' })}\n`);
        continue;
      }
      process.stdout.write(`${JSON.stringify(ask(library, { command: request.command, query: request.query, story: request.story ?? story }))}\n`);
    }
    return;
  }
  const [command, ...query] = words;
  if (!command) {
    process.stderr.write('usage: npm run ask -- [--story <slug>] [--json] <who|when|where|what|why|ask|sources|factcheck> <question…>\n       npm run --silent ask -- --jsonl < requests.jsonl\n');
    process.exit(2);
  }
  const result = ask(library, { command, query: query.join(' '), story });
  process.stdout.write(`${json ? JSON.stringify(result, null, 2) : renderTerminal(result)}\n`);
}

await main(process.argv.slice(2));
