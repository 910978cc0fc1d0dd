import { matchRoutes, type AgnosticRouteObject } from '@remix-run/router'

type BuildRoute = { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean }

/**
 * Names each request by the route pattern that answers it
 * (`/proposals/:id/consultation`), never by its path: paths carry record ids
 * and query strings carry whatever was typed. Logs and metrics use the name.
 */
export function routePatterns(routes: Record<string, BuildRoute | undefined>) {
  const byParent = new Map<string | undefined, BuildRoute[]>()
  for (const route of Object.values(routes)) {
    if (!route) continue
    const siblings = byParent.get(route.parentId) ?? []
    siblings.push(route)
    byParent.set(route.parentId, siblings)
  }
  const tree = (parentId: string | undefined): AgnosticRouteObject[] =>
    (byParent.get(parentId) ?? []).map((r) =>
      r.index
        ? { id: r.id, path: r.path, index: true }
        : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children: tree(r.id) },
    )
  const routeTree = tree(undefined)
  return (pathname: string): string => {
    // Single-fetch data requests: /proposals/abc.data, and /_root.data for the index.
    const path = pathname.endsWith('.data') ? pathname.slice(0, -'.data'.length).replace(/^\/_root$/, '/') : pathname
    const matches = matchRoutes(routeTree, path)
    if (!matches || matches.length === 0) return 'unmatched'
    const leaf = matches[matches.length - 1]!
    // A splat or a 404 caught by the root has no pattern of its own.
    if (leaf.route.path === undefined && !leaf.route.index && matches.length === 1) return 'unmatched'
    const pattern = `/${matches
      .map((m) => m.route.path ?? '')
      .filter(Boolean)
      .join('/')}`.replace(/\/+/g, '/')
    return pattern
  }
}
