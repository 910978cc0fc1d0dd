/** A refusal the operator can act on: printed as it is, exit code 2. */
export class CommandError extends Error {}
