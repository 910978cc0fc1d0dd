import { type RouteConfig } from '@remix-run/route-config'
import { flatRoutes } from '@remix-run/fs-routes'

// Route-local modules (`__forms.tsx`) sit beside their route and are not routes themselves.
export default flatRoutes({ ignoredRouteFiles: ['**/__*'] }) satisfies RouteConfig
