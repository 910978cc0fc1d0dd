import { seedDemoStages } from '~/seed/demo-stages.server'
import { seedDemo, demoSignInText } from '~/seed/seed-demo.server'
import { bootOnce, createAppContext, type AppContext } from './app-context.server'
import { ConfigError } from './config.server'
import { DataDirectoryInUseError } from '#db/pglite-lock.server'
import { reportSigningCertificate } from '~/signing/certificates.server'
import { sweepOrphanRecordFiles } from '~/signing/issue-record.server'
import { timestampAuthorityProblem } from '~/signing/timestamp.server'

/**
 * Reads configuration, opens and migrates the database, and seeds the demo
 * service on a fresh data directory. Any failure stops the process with a
 * message a person can act on, never a stack trace.
 */
export function boot(): Promise<AppContext> {
  return bootOnce(async () => {
    try {
      const context = await createAppContext()
      // Creates the organisation CA on first run; a certificate problem is a warning, not a failed start.
      const certificate = await reportSigningCertificate(context.config)
      if (certificate.status === 'ok') {
        const timestamp = await timestampAuthorityProblem(context.config)
        if (timestamp) console.warn(`Warning: decision records cannot be signed. ${timestamp}`)
      }
      const orphans = await sweepOrphanRecordFiles(context.database.db, context.config.dataDir)
      if (orphans.length) console.warn(`Removed ${orphans.length} record file(s) that no decision record names.`)
      if (context.config.SEED_DEMO && (await seedDemo(context.database.db))) {
        if (context.config.SEED_DEMO_STAGES) {
          await seedDemoStages(context.database.db, { secret: context.secret, signing: context.config }).catch(
            (error: Error) => console.warn(`Demo proposals beyond the first could not all be created: ${error.message}`),
          )
        }
        console.log(demoSignInText())
      }
      const close = async () => {
        await context.database.close()
        process.exit(0)
      }
      process.once('SIGTERM', close)
      process.once('SIGINT', close)
      return context
    } catch (error) {
      if (error instanceof ConfigError || error instanceof DataDirectoryInUseError) {
        console.error(`Probity cannot start.\n${error.message}`)
      } else {
        console.error('Probity cannot start: the database could not be opened or migrated.')
        console.error(error instanceof Error ? error.message : String(error))
      }
      process.exit(1)
    }
  })
}
