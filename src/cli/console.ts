import { createInterface } from 'node:readline';
import { findStory, type Library } from '../library.ts';
import { answerRequest } from './requests.ts';
import { COMMANDS } from '../answer/types.ts';
import { renderTerminal } from '../render/terminal.ts';
import { helpText, storyOverview } from '../overview.ts';

/** Splits a console line such as `/who greeted Putin --story slug` into a request. */
export function parseLine(line: string): { command: string; query: string; story?: string } {
  const { text, story } = takeStory(line);
  const m = /^\/?(\S+)\s*([\s\S]*)$/.exec(text);
  return { command: (m?.[1] ?? '').toLowerCase(), query: m?.[2] ?? '', story };
}

/** Removes a `--story <slug>` (or `--story=<slug>`) flag from a line, returning the rest and the slug. */
function takeStory(line: string): { text: string; story?: string } {
  let story: string | undefined;
  const text = line.trim().replace(/(?:^|\s)--story[= ](\S+)/, (_, slug: string) => { story = slug; return ' '; }).trim();
  return { text, story };
}

/** Answers one console line; `story`, `help` and `quit` are console commands of their own. */
export function consoleReply(library: Library, line: string): string | null {
  const { command, query, story } = parseLine(line);
  if (!command) return '';
  if (command === 'quit' || command === 'exit') return null;
  if (command === 'help') return helpText(findStory(library, story) ?? findStory(library)!);
  if (command === 'story' || command === 'stories') return storyOverview(library, story ?? (query || undefined));
  // A line that starts with no command ("Did Kim greet Putin?") is a free question; a typo'd /command is not.
  if (!(COMMANDS as readonly string[]).includes(command) && !line.trim().startsWith('/')) {
    return renderTerminal(answerRequest(library, { command: 'ask', query: takeStory(line).text, story }));
  }
  return renderTerminal(answerRequest(library, { command, query, story }));
}

/**
 * The local console: one command a line (`/who greeted Putin`). With a terminal it prompts; with piped
 * input it answers each line and returns at end of input.
 */
export async function runConsole(library: Library, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const interactive = (input as NodeJS.ReadStream).isTTY === true;
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const banner = `story-bot is running locally (no DISCORD_TOKEN set). Story: ${library.defaultSlug}. Type /help for commands, /quit to leave.\n`;
  // Piped input: the banner goes to stderr so stdout holds only answers.
  if (!interactive) process.stderr.write(banner);
  if (interactive) {
    output.write(banner);
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const reply = consoleReply(library, line);
    if (reply === null) break;
    if (reply) output.write(`${reply}\n\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}
