import { defineConfig } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'

// The record pool's worker (app/signing/record-worker.server.ts) as its own
// bundle in build/worker, beside build/server and build/cli, which start it
// on worker threads with plain Node (docs/decisions/028-records-in-a-worker-pool.md).
export default defineConfig({
  publicDir: false,
  build: {
    target: 'es2022',
    ssr: 'app/signing/record-worker.server.ts',
    outDir: 'build/worker',
    emptyOutDir: true,
    rollupOptions: { output: { entryFileNames: 'record-worker.js' } },
  },
  ssr: {
    // Native and WASM packages are loaded by Node, as in the server build.
    external: ['@electric-sql/pglite', '@node-rs/argon2', '@react-pdf/renderer', 'postgres'],
  },
  plugins: [tsconfigPaths()],
})
