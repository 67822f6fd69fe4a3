import type { Reporter, TestModule } from 'vitest/node';

/**
 * Fails a browser run in which no test passed (all skipped, none collected, or a filter that
 * matched nothing): a run that checked nothing must not look green. Vitest itself only fails
 * on failures, and exits 0 when every test was skipped.
 */
export class NoEmptyRun implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) if (test.result().state === 'passed') passed++;
    }
    if (passed > 0) return;
    console.error('\nbrowser tests: no test passed; a run that checked nothing is a failure.\n');
    process.exitCode = 1;
  }
}
