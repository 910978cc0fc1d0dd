import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** poppler-utils and NSS's certutil, as anyone checking a record would run them. */

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' })
  if (result.error) throw result.error
  // pdfsig exits non-zero for an invalid signature; its report is what the tests read.
  return `${result.stdout}${result.stderr}`
}

export const pdfsig = (file: string, nssDir?: string) => run('pdfsig', nssDir ? ['-nssdir', `sql:${nssDir}`, file] : [file])
export const pdftotext = (file: string) => run('pdftotext', ['-enc', 'UTF-8', file, '-'])
export const pdfinfo = (file: string) => run('pdfinfo', [file])
export const pdfinfoMeta = (file: string) => run('pdfinfo', ['-meta', file])
export const pdffonts = (file: string) => run('pdffonts', [file])

/** A fresh NSS database that trusts only the given CA. */
export function nssDatabaseTrusting(dir: string, caPem: string): string {
  fs.mkdirSync(dir, { recursive: true })
  const caFile = path.join(dir, 'ca.pem')
  fs.writeFileSync(caFile, caPem)
  run('certutil', ['-N', '--empty-password', '-d', `sql:${dir}`])
  run('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'root', '-t', 'CT,C,C', '-i', caFile])
  return dir
}

export function pageCount(file: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(pdfinfo(file))?.[1])
}
