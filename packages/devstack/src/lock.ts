import { mkdir, rm, stat } from 'node:fs/promises';

/**
 * Runs `task` while holding a lock directory (mkdir is atomic), so that parallel test
 * workers build a cached database once instead of each building its own. A lock older
 * than `staleMs` is left over by a killed process and is taken over.
 */
export async function withLock<T>(
  path: string,
  task: () => Promise<T>,
  staleMs = 10 * 60_000,
): Promise<T> {
  for (;;) {
    try {
      await mkdir(path);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(path).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > staleMs) await rm(path, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await task();
  } finally {
    await rm(path, { recursive: true, force: true });
  }
}
