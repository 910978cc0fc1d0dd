import { parseArgs } from 'node:util'
import { createAppContext, setAppContext, type AppContext } from '~/utils/app-context.server'
import { ConfigError } from '~/utils/config.server'
import { DataDirectoryInUseError } from '#db/pglite-lock.server'
import { operatorCommand } from './operator.server'
import { serviceCommand } from './service.server'

export type CommandResult = { code: number; out: string }
export type Command = (context: AppContext, args: string[]) => Promise<CommandResult>

const COMMANDS: Record<string, { run: Command; help: string }> = {
  service: { run: serviceCommand, help: 'service create|list|deactivate  library services' },
  operator: { run: operatorCommand, help: 'operator create                  people who host Probity for several services' },
}

const USAGE = [
  'Usage: npm run probity -- <command> [options]',
  ...Object.values(COMMANDS).map((c) => `  ${c.help}`),
  'It reads the same environment as the server (DATA_DIR, DATABASE_URL, PUBLIC_URL, SMTP_URL, …).',
].join('\n')

/**
 * The command line of a production install: one file per command, run
 * against the database the server uses (with the embedded database, while
 * the server is stopped: the data directory belongs to one process).
 */
export async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, strict: false, allowPositionals: true })
  const [name] = positionals
  const command = name ? COMMANDS[name] : undefined
  if (!command) {
    console.error(name ? `Unknown command “${name}”.\n${USAGE}` : USAGE)
    return 2
  }
  let context: AppContext
  try {
    context = await createAppContext(process.env)
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirectoryInUseError) {
      console.error(error.message)
      return 1
    }
    throw error
  }
  setAppContext(context)
  try {
    const result = await command.run(context, argv.slice(argv.indexOf(name!) + 1))
    ;(result.code === 0 ? console.log : console.error)(result.out)
    // E-mail the command queued waits in the outbox; the server's outbox sweep sends it.
    return result.code
  } finally {
    await context.database.close()
  }
}
