import { type TestProject } from 'vitest/node'
import { startServer } from './server'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared production server every browser test file may use. */
    baseUrl: string
  }
}

/** One production server with demo data for the whole browser suite. */
export default async function setup(project: TestProject) {
  const server = await startServer()
  project.provide('baseUrl', server.url)
  return async () => {
    await server.stop()
  }
}
