import type { BotCommand } from '../src/bot/types.ts';
import ask from './ask.ts';
import factCheckMessage from './fact-check-message.ts';
import factcheck from './factcheck.ts';
import help from './help.ts';
import sources from './sources.ts';
import story from './story.ts';
import what from './what.ts';
import when from './when.ts';
import where from './where.ts';
import who from './who.ts';
import why from './why.ts';

/** Every command the bot serves and deploys. */
export const commands: readonly BotCommand[] = [who, when, where, what, why, ask, sources, factcheck, story, help, factCheckMessage];
