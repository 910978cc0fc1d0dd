/**
 * Remix runs the root loader, every layout's loader and the page's at once,
 * each given the same Request: a read they all need is made once and shared
 * through this memo. An action's Request is not its loaders' (Remix makes
 * theirs after the action), so what an action changed is read afresh.
 * Entries go with their Request (ADR 027).
 */
const memos = new WeakMap<Request, Map<string, Promise<unknown>>>()

/** `read()` the first time `key` is asked for while answering `request`; the same promise after. */
export function oncePerRequest<T>(request: Request, key: string, read: () => Promise<T>): Promise<T> {
  let memo = memos.get(request)
  if (!memo) {
    memo = new Map()
    memos.set(request, memo)
  }
  let value = memo.get(key) as Promise<T> | undefined
  if (!value) {
    value = read()
    memo.set(key, value)
  }
  return value
}
