import path from 'node:path'
import { UNSAFE_flatRoutes as flatRoutes } from '@remix-run/dev'
import { createStaticHandler, type AgnosticRouteObject } from '@remix-run/router'
import { tallyStatements, type StatementTally } from '#db/statement-count.server'

/**
 * Remix's own router (the static handler its server runs) over the app's
 * route modules: for a request it runs the action, then every matching
 * loader at once, each given the same Request, exactly as a document request
 * to the server does. What that sent to the database is counted, so a test or
 * a bench can ask how many statements a page or an action costs.
 */

const appDirectory = path.resolve(import.meta.dirname, '../../app')

type Entry = { id: string; parentId?: string; path?: string; index?: boolean; file: string }
type Module = { loader?: (args: never) => unknown; action?: (args: never) => unknown }

// A loader answering nothing is an error in Remix's eyes, not the router's; neither is the point here.
const wrap = (fn?: (args: never) => unknown) =>
  fn ? async (args: unknown) => ((await fn(args as never)) ?? null) as unknown : undefined

let handler: Promise<ReturnType<typeof createStaticHandler>> | undefined

function appHandler() {
  handler ??= (async () => {
    const manifest = flatRoutes(appDirectory, ['**/__*'], 'routes') as Record<string, Entry>
    const modules = new Map<string, Module>()
    for (const entry of Object.values(manifest))
      modules.set(entry.id, (await import(path.join(appDirectory, entry.file))) as Module)
    const root = (await import(path.join(appDirectory, 'root.tsx'))) as Module
    const childrenOf = (parentId: string): AgnosticRouteObject[] =>
      Object.values(manifest)
        .filter((e) => (e.parentId ?? 'root') === parentId)
        .map((e) => {
          const mod = modules.get(e.id)!
          const common = { id: e.id, path: e.path, loader: wrap(mod.loader), action: wrap(mod.action) }
          return e.index ? { ...common, index: true as const } : { ...common, children: childrenOf(e.id) }
        })
    return createStaticHandler([
      { id: 'root', path: '', loader: wrap(root.loader), children: childrenOf('root') },
    ])
  })()
  return handler
}

export type RouteRun = { status: number; location?: string; tally: StatementTally }

/** Answers `request` as the server would (action, then loaders), counting the statements sent. */
export async function runRoute(request: Request, { texts = false } = {}): Promise<RouteRun> {
  const app = await appHandler()
  const { result, tally } = await tallyStatements(() =>
    app.query(request, { requestContext: { clientAddress: '127.0.0.1' } }),
    { texts },
  )
  if (result instanceof Response)
    return { status: result.status, location: result.headers.get('Location') ?? undefined, tally }
  return { status: result.statusCode, tally }
}
