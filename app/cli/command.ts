export type Command = {
  summary: string
  usage: string
  /** Resolves to the process's exit code: 0 done, 1 a check failed, 2 the command could not run. */
  run: (args: string[], env: NodeJS.ProcessEnv) => Promise<number>
}

/** A refusal the operator can act on: printed as it is, exit code 2. */
export class CommandError extends Error {}
