// `npm run probity -- <command>`: the command line of a production install.
// It runs the bundle `npm run build` makes (build/cli), with plain Node.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const bundle = path.join(process.cwd(), 'build/cli/probity.js')
if (!fs.existsSync(bundle)) {
  console.error('Probity is not built: run `npm run build` first.')
  process.exit(1)
}
const { main } = await import(pathToFileURL(bundle).href)
process.exitCode = await main(process.argv.slice(2))
