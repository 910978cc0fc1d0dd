import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

// The browser and HTTP suite: runs against the production build (npm run build
// first), one server shared by the suite plus any a test file starts itself.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file drives a Chromium and sometimes servers of its own; on two
    // cores, files run one after another.
    fileParallelism: false,
  },
})
