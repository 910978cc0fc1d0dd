import { defineConfig } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'

// The command line (`npm run probity -- …`) as one bundle in build/cli, so that
// a production install runs it with plain Node: no tsx, no dev dependency.
export default defineConfig({
  publicDir: false,
  build: {
    target: 'es2022',
    ssr: 'app/cli/probity.server.ts',
    outDir: 'build/cli',
    emptyOutDir: true,
    rollupOptions: { output: { entryFileNames: 'probity.js' } },
  },
  ssr: {
    // Native and WASM packages are loaded by Node, as in the server build.
    external: ['@electric-sql/pglite', '@node-rs/argon2', '@react-pdf/renderer', 'postgres'],
  },
  plugins: [tsconfigPaths()],
})
