import fs from 'node:fs'
import { insertAttachment, listAttachments } from '#db/attachments.server'
import { type Database, type Queryable } from '#db/client.server'
import {
  attachmentPath,
  checkUpload,
  removeFileIfUnreferenced,
  writeAttachmentFile,
} from '~/utils/attachments.server'
import { refuse, type Refusal } from '~/workflow/refusal'

/**
 * Papers exchanged with the professional body (what was shared, the letter
 * that came back), kept as attachments of the proposal beside the intake
 * papers, under their own purpose. Files are written before the transaction
 * and removed again if it fails, so there is no file without a row.
 */
export const PAPER_PURPOSES = {
  request: 'professional-body-request',
  response: 'professional-body-response',
} as const

export const MAX_PAPERS = 5

export type Upload = { filename: string; bytes: Buffer }
export type Papers = { dataDir: string; files: Upload[] }
export type Checked = Extract<ReturnType<typeof checkUpload>, { ok: true }>

export function checkPapers(
  files: Upload[],
  field: string,
): { ok: true; checked: Checked[] } | Refusal {
  if (files.length > MAX_PAPERS) return refuse(400, `Attach at most ${MAX_PAPERS} files`, field)
  const checked: Checked[] = []
  for (const file of files) {
    const result = checkUpload(file.filename, file.bytes)
    if (!result.ok) return refuse(400, `${file.filename}: ${result.message}`, field)
    checked.push(result)
  }
  return { ok: true, checked }
}

/** All the papers' files, or none: a failed write removes those this call wrote. */
export function writePapers(dataDir: string, organisationId: string, checked: Checked[]) {
  const written: string[] = []
  try {
    for (const c of checked)
      if (writeAttachmentFile(dataDir, organisationId, c.sha256, c.bytes)) written.push(c.sha256)
  } catch (error) {
    for (const sha256 of written)
      fs.rmSync(attachmentPath(dataDir, organisationId, sha256), { force: true })
    throw error
  }
}

export async function insertPapers(
  tx: Queryable,
  values: { organisationId: string; proposalId: string; purpose: string; uploadedBy: string },
  checked: Checked[],
) {
  for (const c of checked) {
    // The same file chosen twice is one paper.
    await insertAttachment(tx, {
      ...values,
      filename: c.filename,
      mediaType: c.type.mediaType,
      size: c.bytes.length,
      sha256: c.sha256,
    })
  }
}

export async function discardPapers(
  db: Database,
  dataDir: string,
  organisationId: string,
  checked: Checked[],
) {
  for (const c of checked) await removeFileIfUnreferenced(db, dataDir, organisationId, c.sha256)
}

/** The papers sent and received, for the pages: id, name and size only. */
export async function listConsultationPapers(db: Queryable, proposalId: string) {
  const all = await listAttachments(db, proposalId)
  const of = (purpose: string) =>
    all
      .filter((a) => a.purpose === purpose)
      .map((a) => ({ id: a.id, filename: a.filename, size: a.size }))
  return { request: of(PAPER_PURPOSES.request), response: of(PAPER_PURPOSES.response) }
}
