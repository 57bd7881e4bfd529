/**
 * Runs once before any test file: brings the compiled bot (dist/, what `npm start` runs) up to date, as
 * `npm start`'s prestart step would. The end-to-end tests start `npm start` from several files, and
 * from two workers at once; compiled here, none of them compiles (or races another to write dist/), and
 * their waits for "ready" time the bot starting, not the compiler.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function setup(): void {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const built = spawnSync('npm', ['run', '--silent', 'prestart'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`npm run prestart (the build of dist/) failed with ${built.status ?? built.signal}`);
}
