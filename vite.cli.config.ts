import { defineConfig } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'

// The operators' command line (app/cli), bundled for Node beside the server
// build: dependencies stay imports of node_modules, so it runs on a
// production install with no TypeScript and no dev dependency.
export default defineConfig({
  publicDir: false,
  build: {
    target: 'node20',
    ssr: 'app/cli/probity.server.ts',
    outDir: 'build/cli',
    emptyOutDir: true,
    rollupOptions: { output: { entryFileNames: 'probity.js' } },
  },
  plugins: [tsconfigPaths()],
})
