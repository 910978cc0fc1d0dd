// `npm run probity -- <command> [args]`: runs the operators' commands from the
// production build (build/cli/probity.js, made by `npm run build`), so that
// they need no dev dependency and no TypeScript at run time.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bundle = path.join(root, 'build/cli/probity.js')
if (!fs.existsSync(bundle)) {
  console.error('The command-line tool is not built yet: run `npm run build` first.')
  process.exit(2)
}
// Relative DATA_DIR and the migrations folder are found from the project's root, as the app finds them.
process.chdir(root)
const { main } = await import(pathToFileURL(bundle).href)
process.exitCode = await main(process.argv.slice(2))
