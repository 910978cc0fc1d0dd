// The last step of `npm run build`: the migrated, empty embedded database that
// a fresh start copies instead of creating one (docs/decisions/029-fast-start.md).
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const { preparePgliteTemplate } = await import(pathToFileURL(path.join(process.cwd(), 'build/cli/probity.js')).href)
const made = await preparePgliteTemplate()
console.log(
  made
    ? `Embedded database template: ${path.relative(process.cwd(), made)}`
    : 'No embedded database template (PGLITE_TEMPLATE_DIR=none, or its directory cannot be written): each new database is made from scratch.',
)
