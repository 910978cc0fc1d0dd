import { prepareDemoSigning, seedDemoStages } from '~/seed/demo-stages.server'
import { DEMO_ORGANISATION } from '~/seed/demo-data'
import { seedDemo } from '~/seed/seed-demo.server'
import { bootOnce, createAppContext, type AppContext } from './app-context.server'
import { ConfigError } from './config.server'
import { countLibraryServices, firstLibraryServiceName } from '#db/organisations.server'
import { issueSetupToken, setupMessage } from '~/identity/setup-token.server'
import { DataDirectoryInUseError } from '#db/pglite-lock.server'
import { ensureGeneratedIdentity, reportSigningCertificate } from '~/signing/certificates.server'
import { stopRecordPool } from '~/signing/record-pool.server'
import { timestampAuthorityProblem } from '~/signing/timestamp.server'
import { startScheduledWork, stopScheduledWork } from '~/workflow/scheduled/start-scheduled-work.server'
import { describeError, logger } from './log.server'
import { metrics } from './metrics.server'
import { observeDatabase } from './observe-database.server'
import { trackStart } from './start-progress.server'
import { DataDirImportError } from './storage/import-data-dir.server'
import { prepareFileStorage } from './storage/prepare.server'

const holder = globalThis as typeof globalThis & { __probityStop?: () => Promise<void> }

/**
 * Reads configuration, opens and migrates the database, seeds the demo
 * service on a fresh data directory and starts the scheduled work. Any
 * failure stops the process with a message a person can act on, never a
 * stack trace.
 */
export function boot(): Promise<AppContext> {
  return bootOnce(async () => {
    try {
      const started = performance.now()
      const context = await createAppContext()
      const log = logger()
      log.info({ ms: Math.round(performance.now() - started), database: context.database.kind }, 'database ready')
      await prepareFileStorage(context)
      let demoStages: Promise<void> | undefined
      if (context.config.SEED_DEMO && (await seedDemo(context.database.db))) {
        if (context.config.SEED_DEMO_STAGES) {
          await prepareDemoSigning(context.config, DEMO_ORGANISATION.name)
          // Seconds of work (three signed records), done while the server already answers.
          demoStages = trackStart(
            'demo',
            seedDemoStages(context.database.db, { secret: context.secret, signing: context.config }).then(
              () => log.info({ ms: Math.round(performance.now() - started) }, 'demo proposals at every stage created'),
              (error: unknown) => log.warn({ err: describeError(error) }, 'demo proposals beyond the first could not all be created'),
            ),
          )
        }
        // The accounts and their shared password are in the README, not in the log.
        log.info({ organisation: DEMO_ORGANISATION.name }, 'demo library service created (README: Demo sign-ins)')
      }
      // After the seed, so that a generated certificate is named after the library service, not this address.
      if (!context.config.SIGNING_P12_PATH) {
        const name = await firstLibraryServiceName(context.database.db)
        // A failure here is reported just below, as a warning.
        if (name) await ensureGeneratedIdentity(context.config, { name }).catch(() => undefined)
      }
      // Creates the organisation CA on first run; a certificate problem is a warning, not a failed start.
      const certificate = await reportSigningCertificate(context.config, (line) => log.warn(line))
      if (certificate.status === 'ok') {
        const timestamp = await timestampAuthorityProblem(context.config)
        if (timestamp) log.warn(`Warning: decision records cannot be signed. ${timestamp}`)
      }
      if ((await countLibraryServices(context.database.db)) === 0) {
        // A plain block for the person who starts Probity: the token is meant to be read here, once.
        process.stdout.write(`${setupMessage(issueSetupToken(), context.config.publicUrl)}\n`)
      }
      const startWork = async () => {
        const boss = await startScheduledWork(context)
        observeDatabase(metrics(), context, boss)
        log.info({ ms: Math.round(performance.now() - started) }, 'scheduled work started')
        return boss
      }
      // pg-boss takes a good part of a second to start: requests are served meanwhile (a job
      // sent before then is picked up by the sweeps). Reminders and releases catch up at
      // start, so on a demo still being made, only once it is complete.
      let stopping = false
      const work = trackStart('scheduled work', (demoStages ?? Promise.resolve()).then(() => (stopping ? undefined : startWork())))
      work.catch((error: unknown) => cannotStart(error))
      holder.__probityStop = async () => {
        // A demo still being made is finished first: half a demo would never be completed.
        stopping = true
        const boss = await work
        if (boss) await stopScheduledWork(boss)
        // Scheduled work may have been issuing a record; its thread is done now.
        await stopRecordPool()
        await context.database.close()
      }
      // scripts/serve.mjs drains requests first, then calls stopApp(); under `remix vite:dev` nothing drains.
      if (process.env.PROBITY_SIGNALS !== 'server') {
        const close = async () => {
          await stopApp()
          process.exit(0)
        }
        process.once('SIGTERM', close)
        process.once('SIGINT', close)
      }
      return context
    } catch (error) {
      return cannotStart(error)
    }
  })
}

function cannotStart(error: unknown): never {
  // Plain lines for the person starting Probity (a JSON line would fold them into one).
  if (error instanceof ConfigError || error instanceof DataDirectoryInUseError || error instanceof DataDirImportError) {
    process.stderr.write(`Probity cannot start.\n${error.message}\n`)
  } else {
    process.stderr.write('Probity cannot start: the database could not be opened or migrated.\n')
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  }
  process.exit(1)
}

/** Stops the scheduled work and closes the database; the HTTP server has stopped taking requests first. */
export async function stopApp() {
  const stop = holder.__probityStop
  holder.__probityStop = undefined
  await stop?.()
}
