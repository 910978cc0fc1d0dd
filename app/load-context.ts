declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The client's address as the HTTP server saw it (after trusted proxies). */
    clientAddress?: string
  }
}
export {}
