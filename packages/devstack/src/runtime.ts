import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './paths.js';

const run = promisify(execFile);

/** The Tryton series the stack runs: TRYTON_SERIES, 7.6 (production) by default. */
export function trytonSeries(): string {
  return process.env.TRYTON_SERIES || '7.6';
}

export interface TrytonRuntime {
  series: string;
  /** The venv's interpreter: it imports this series' trytond and nothing of Debian's. */
  python: string;
  /** trytond, trytond-admin, trytond-console… run by that interpreter. */
  binDir: string;
  /** trytond's full version, e.g. `7.6.6`. */
  version: string;
}

const runtimes = new Map<string, Promise<TrytonRuntime>>();

/**
 * The runtime of the series, built once and cached by `tryton/runtime.sh` (the one recipe the
 * shell scripts use too). Several test files asking at once share one build.
 */
export function trytonRuntime(series = trytonSeries()): Promise<TrytonRuntime> {
  let runtime = runtimes.get(series);
  if (!runtime) {
    runtime = (async () => {
      const script = join(repoRoot(), 'tryton', 'runtime.sh');
      const env = { ...process.env, TRYTON_SERIES: series };
      const ask = async (what: string) =>
        (await run(script, [what], { env, maxBuffer: 16 * 1024 * 1024 })).stdout.trim();
      const python = await ask('python');
      return { series, python, binDir: await ask('bin-dir'), version: await ask('version') };
    })();
    runtime.catch(() => runtimes.delete(series));
    runtimes.set(series, runtime);
  }
  return runtime;
}
