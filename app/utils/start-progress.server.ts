/**
 * Work a start finishes while the server already answers: the demo's
 * proposals at every stage on a fresh start (seconds: three signed records)
 * and the scheduled work. /healthz answers 200 as soon as requests can be
 * served, and names what is still starting (docs/decisions/029-fast-start.md).
 * Kept on globalThis, as the app context is, for Vite's module reloads.
 */
export type StartTask = 'demo' | 'scheduled work'

const holder = globalThis as typeof globalThis & { __probityStarting?: Set<StartTask> }

/** Marks `task` as starting until `work` settles; returns `work` unchanged. */
export function trackStart<T>(task: StartTask, work: Promise<T>): Promise<T> {
  const pending = (holder.__probityStarting ??= new Set())
  pending.add(task)
  const done = () => void pending.delete(task)
  work.then(done, done)
  return work
}

export function stillStarting(): StartTask[] {
  return [...(holder.__probityStarting ?? [])]
}
