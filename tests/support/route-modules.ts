import path from 'node:path'
import { UNSAFE_flatRoutes as flatRoutes } from '@remix-run/dev'
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'

/**
 * Every route of the app as Remix itself reads app/routes (the same flat-routes
 * convention app/routes.ts uses), with its URL pattern and its module. Tests
 * that must cover every route take the list from here, so a route added
 * tomorrow is covered, or refused for want of a declaration, without anyone
 * remembering to add it.
 */

const appDirectory = path.resolve(import.meta.dirname, '../../app')

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<unknown>

export type RouteModuleInfo = {
  /** Remix's route id, e.g. `routes/proposals.$id.screening._index`. */
  id: string
  /** The URL pattern, e.g. `/proposals/:id/screening`. */
  pattern: string
  /** Dynamic segments, in order. */
  params: string[]
  loader?: Handler
  action?: Handler
}

type ManifestEntry = { id: string; file: string; path?: string; parentId?: string }

function patternOf(manifest: Record<string, ManifestEntry>, id: string): string {
  const segments: string[] = []
  for (
    let r: ManifestEntry | undefined = manifest[id];
    r;
    r = r.parentId ? manifest[r.parentId] : undefined
  ) {
    if (r.path) segments.unshift(r.path)
  }
  return `/${segments.join('/')}`
}

let cached: Promise<RouteModuleInfo[]> | undefined

export function discoverRoutes(): Promise<RouteModuleInfo[]> {
  cached ??= (async () => {
    const manifest = flatRoutes(appDirectory, [], 'routes') as Record<string, ManifestEntry>
    const routes: RouteModuleInfo[] = []
    for (const entry of Object.values(manifest).sort((a, b) => a.id.localeCompare(b.id))) {
      const mod = (await import(path.join(appDirectory, entry.file))) as {
        loader?: Handler
        action?: Handler
      }
      const pattern = patternOf(manifest, entry.id)
      routes.push({
        id: entry.id,
        pattern,
        params: [...pattern.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!),
        loader: mod.loader,
        action: mod.action,
      })
    }
    return routes
  })()
  return cached
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** The pattern with its parameters filled in (each encoded as a path segment). */
export function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`No value for :${name} in ${pattern}`)
    // A lone surrogate cannot be sent in an address; a client would send U+FFFD.
    return encodeURIComponent(value.replace(LONE_SURROGATE, '\ufffd'))
  })
}
