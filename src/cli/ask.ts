import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { findStory } from '../library.ts';
import { capList } from '../lists.ts';
import { renderTerminal } from '../render/terminal.ts';
import { loadRuntime, startupProblem } from '../startup.ts';
import { answerRequest } from './requests.ts';

/** Where `ask` reads and writes: the process's streams, or test streams. */
export interface AskIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** The usage line `ask` prints without a command: every command, `story` and `help` included. */
export const ASK_USAGE = [
  'usage: npm run ask -- [--story <slug>] [--json] <who|when|where|what|why|ask|sources|factcheck|story|help> <question…>',
  '       npm run --silent ask -- [--story <slug>] --jsonl < requests.jsonl',
].join('\n');

/**
 * `npm run ask -- <command> <query…>` prints the answer for a person; `--json` prints the Answer object;
 * `--jsonl` reads `{"command","query","story"}` lines from stdin and writes one Answer a line.
 * `--story <slug>` picks the story. Returns the exit code.
 */
export async function runAsk(argv: string[], io: AskIo): Promise<number> {
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
  let library;
  try {
    ({ library } = loadRuntime(io.env));
  } catch (err) {
    const problem = startupProblem(err);
    if (problem === null) throw err;
    io.stderr.write(problem);
    return 1;
  }
  if (story && !findStory(library, story)) {
    io.stderr.write(`No story called "${story}". Loaded: ${capList([...library.stories.keys()])}\n`);
    return 2;
  }
  if (jsonl) {
    const rl = createInterface({ input: io.stdin, terminal: false });
    for await (const line of rl) {
      if (!line.trim()) continue;
      let request: { command?: unknown; query?: unknown; story?: unknown };
      try {
        const parsed: unknown = JSON.parse(line);
        request = parsed && typeof parsed === 'object' ? parsed : { command: undefined };
      } catch {
        // Still one answer for the line, so answers stay aligned with requests.
        io.stdout.write(`${JSON.stringify({ ...answerRequest(library, { command: 'ask', query: '', story }), message: 'That line is not a JSON object.' })}\n`);
        continue;
      }
      io.stdout.write(`${JSON.stringify(answerRequest(library, { command: request.command, query: request.query, story: request.story ?? story }))}\n`);
    }
    return 0;
  }
  const [command, ...query] = words;
  if (!command) {
    io.stderr.write(`${ASK_USAGE}\n`);
    return 2;
  }
  const result = answerRequest(library, { command, query: query.join(' '), story });
  io.stdout.write(`${json ? JSON.stringify(result, null, 2) : renderTerminal(result)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runAsk(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
}
