import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    environment: 'node',
    // Tests that look at the log install a logger of their own.
    env: { LOG_LEVEL: 'silent' },
    // Generous, for a CI machine whose two cores are shared by two workers:
    // a stuck test still fails, a slow start does not.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: more workers only fight over them.
    maxWorkers: 2,
  },
})
