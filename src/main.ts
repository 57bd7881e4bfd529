import { runConsole } from './cli/console.ts';
import { startup } from './startup.ts';

/** `npm start`: serves Discord when DISCORD_TOKEN is set, else the local console. */
const { config, library } = startup();
if (config.DISCORD_TOKEN) {
  const { runBot } = await import('./bot/run.ts');
  await runBot(config, library);
} else {
  await runConsole(library);
}
