import { parseArgs } from 'node:util'
import { createAppContext, setAppContext, type AppContext } from '~/utils/app-context.server'
import { ConfigError } from '~/utils/config.server'
import { DataDirectoryInUseError } from '#db/pglite-lock.server'
import { backupCommand } from './backup.server'
import { CommandError } from './command-error'
import { operatorCommand } from './operator.server'
import { restoreCommand } from './restore.server'
import { serviceCommand } from './service.server'
import { verifyCommand } from './verify.server'

// For scripts/pglite-template.mjs, the last step of `npm run build`.
export { preparePgliteTemplate } from '#db/client.server'

/** `code`: 0 done, 1 a check failed, 2 the command could not run. */
export type CommandResult = { code: number; out: string }
export type Command = (context: AppContext, args: string[]) => Promise<CommandResult>
/**
 * Backup and restore handle the embedded database's directory themselves
 * (its lock, its files), so they get the environment, not an open database.
 */
export type DirectoryCommand = (env: NodeJS.ProcessEnv, args: string[]) => Promise<CommandResult>

type Entry = { help: string } & ({ run: Command } | { runOnDirectory: DirectoryCommand })

const COMMANDS: Record<string, Entry> = {
  service: { run: serviceCommand, help: 'service create|list|deactivate  library services' },
  operator: { run: operatorCommand, help: 'operator create                  people who host Probity for several services' },
  backup: { runOnDirectory: backupCommand, help: 'backup FILE                      the embedded database, files included, to FILE (stop Probity first)' },
  restore: { runOnDirectory: restoreCommand, help: 'restore FILE                     a backup of the embedded database into an empty DATA_DIR' },
  verify: { run: verifyCommand, help: 'verify                           every audit chain, and every attachment and signed record against its SHA-256' },
}

const USAGE = [
  'Usage: npm run probity -- <command> [options]',
  ...Object.values(COMMANDS).map((c) => `  ${c.help}`),
  'It reads the same environment as the server (DATA_DIR, DATABASE_URL, PUBLIC_URL, SMTP_URL, STORAGE_TRANSPORT, …).',
].join('\n')

/**
 * The command line of a production install: one file per command, run
 * against the database the server uses (with the embedded database, while
 * the server is stopped: the data directory belongs to one process).
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { positionals } = parseArgs({ args: argv, strict: false, allowPositionals: true })
  const [name] = positionals
  const command = name ? COMMANDS[name] : undefined
  if (!command) {
    console.error(name ? `Unknown command “${name}”.\n${USAGE}` : USAGE)
    return 2
  }
  const args = argv.slice(argv.indexOf(name!) + 1)
  try {
    if ('runOnDirectory' in command) return report(await command.runOnDirectory(env, args))
    const context = await createAppContext(env)
    setAppContext(context)
    try {
      // E-mail a command queues waits in the outbox; the server's outbox sweep sends it.
      return report(await command.run(context, args))
    } finally {
      await context.database.close()
    }
  } catch (error) {
    // What an operator can act on is said plainly; anything else keeps its stack.
    if (error instanceof ConfigError || error instanceof DataDirectoryInUseError || error instanceof CommandError) {
      console.error(`probity ${name}: ${error.message}`)
      return 2
    }
    throw error
  }
}

function report(result: CommandResult): number {
  ;(result.code === 0 ? console.log : console.error)(result.out)
  return result.code
}
