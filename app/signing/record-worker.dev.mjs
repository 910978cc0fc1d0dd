// The record worker's entry where Probity runs from its TypeScript sources
// (remix vite:dev, vitest, tsx): worker threads get no Vite transform, so
// tsx compiles the worker's module graph, aliases and JSX included. The
// production build runs build/worker/record-worker.js instead, with no tsx.
import { register } from 'tsx/esm/api'

register()
const { renderAndSignRecord } = await import('./record-worker.server.ts')
export default renderAndSignRecord
