// `npm run probity -- <command> [args]`: operators' commands, run from the
// production build (build/cli, made by `npm run build`) with no dev
// dependency. Each command is one file, app/cli/<name>.server.ts, exporting
// `run(args, env)` and resolving to the exit code; add a command by adding
// its file and a line to COMMANDS.
import { parseArgs } from 'node:util'
import { DataDirectoryInUseError } from '#db/pglite-lock.server'
import { ConfigError } from '~/utils/config.server'
import { CommandError, type Command } from './command'

const COMMANDS: Record<string, () => Promise<Command>> = {
  backup: async () => (await import('./backup.server')).command,
  restore: async () => (await import('./restore.server')).command,
  verify: async () => (await import('./verify.server')).command,
}

async function usage(): Promise<string> {
  const lines = ['Usage: npm run probity -- <command> [args]', '', 'Commands:']
  for (const load of Object.values(COMMANDS)) {
    const c = await load()
    lines.push(`  ${c.usage.padEnd(28)} ${c.summary}`)
  }
  lines.push('', 'They read the same environment as the app (DATA_DIR, DATABASE_URL).')
  return lines.join('\n')
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false })
  const [name] = positionals
  if (!name || name === 'help' || argv.includes('--help')) {
    console.log(await usage())
    return name ? 0 : 2
  }
  const load = COMMANDS[name]
  if (!load) {
    console.error(`Unknown command "${name}".\n\n${await usage()}`)
    return 2
  }
  try {
    return await (await load()).run(argv.slice(argv.indexOf(name) + 1), env)
  } catch (error) {
    // What an operator can act on is said plainly; anything else keeps its stack.
    if (error instanceof ConfigError || error instanceof DataDirectoryInUseError || error instanceof CommandError) {
      console.error(`probity ${name}: ${error.message}`)
      return 2
    }
    throw error
  }
}
