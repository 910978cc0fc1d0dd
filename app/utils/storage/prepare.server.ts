import { type AppContext } from '../app-context.server'
import { importDataDirFiles } from './import-data-dir.server'

/**
 * At start (and before any CLI command reads files): moves files an earlier
 * version left in DATA_DIR into the database, and says plainly when rows still
 * name files this instance cannot supply.
 */
export async function prepareFileStorage(context: Pick<AppContext, 'config' | 'database'>) {
  const report = await importDataDirFiles(context.database.db, context.config.dataDir)
  if (report.imported) console.log(`Moved ${report.imported} file(s) from ${context.config.dataDir} into the database.`)
  const { attachments, records } = report.withoutFile
  if (attachments || records) {
    console.warn(
      `${attachments} attachment(s) and ${records} signed record(s) have no stored file. If another instance's DATA_DIR ` +
        'still holds files from before they moved into the database, start that instance once to move them in.',
    )
  }
}
