// The test files share one module cache (isolate: false): each file importing the extractor, its
// tables and the CLI afresh cost about 30 s of the suite. The one file that mocks a module
// (vi.mock) runs isolated, or its mock would leak into the files after it. Files run one at a
// time: two at once on two cores and the linear-time checks measure each other.
import { configDefaults, defineConfig } from 'vitest/config';

const MOCKING = ['test/unit/cli.test.ts'];

export default defineConfig({
  test: {
    maxWorkers: 1,
    projects: [
      { test: { name: 'mocking', include: MOCKING, isolate: true } },
      { test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...MOCKING], isolate: false } },
    ],
  },
});
