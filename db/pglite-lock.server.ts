import fs from 'node:fs'
import path from 'node:path'

export class DataDirectoryInUseError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * PGlite has no lock across processes, and two processes writing one data
 * directory corrupt it. The lock file holds the owner's PID; a lock left by a
 * process that no longer runs (a crash, SIGKILL) is taken over.
 */
export function lockDataDirectory(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true })
  const lockPath = path.join(dir, 'probity.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath)
        } catch {
          // Already gone.
        }
      }
      process.once('exit', release)
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number(fs.readFileSync(lockPath, 'utf8'))
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new DataDirectoryInUseError(
          `The data directory ${dir} is in use by another Probity process (PID ${owner}). ` +
            'An embedded database belongs to one process: stop the other one, choose another DATA_DIR, ' +
            'or set DATABASE_URL to run several instances against PostgreSQL.',
        )
      }
      fs.unlinkSync(lockPath)
    }
  }
  throw new DataDirectoryInUseError(`Could not lock the data directory ${dir}.`)
}
