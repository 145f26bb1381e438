import { defineConfig } from 'vitest/config';
import { defaultClientConditions, defaultServerConditions } from 'vite'; // vitest's own vite

/**
 * The packages' exports map `@kekao/*` to built JavaScript by default and to their TypeScript
 * sources under this condition: tests run the sources, as tsx does in development.
 */
const SOURCE_CONDITION = '@kekao/source';
// Worker threads and child processes the tests start resolve through Node, not vite: same condition.
if (!process.env.NODE_OPTIONS?.includes(`--conditions=${SOURCE_CONDITION}`)) {
  process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--conditions=${SOURCE_CONDITION}`].filter(Boolean).join(' ');
}

export default defineConfig({
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions], externalConditions: [SOURCE_CONDITION] } },
  test: {
    include: ['core/test/**/*.test.ts', 'addin/test/**/*.test.ts', 'bot/test/**/*.test.ts', 'workbook/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
