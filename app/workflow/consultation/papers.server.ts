import { insertAttachment, listAttachments } from '#db/attachments.server'
import { type Queryable } from '#db/client.server'
import { checkUpload, storeAttachmentFile } from '~/utils/attachments.server'
import { DEFAULT_LOCALE, fixedT, type Locale } from '~/utils/i18n'
import { refuse, type Refusal } from '~/workflow/refusal'

/**
 * Papers exchanged with the professional body (what was shared, the letter
 * that came back), kept as attachments of the proposal beside the intake
 * papers, under their own purpose. Files are stored in the transaction that
 * inserts their rows, so there is no file without a row.
 */
export const PAPER_PURPOSES = {
  request: 'professional-body-request',
  response: 'professional-body-response',
} as const

export const MAX_PAPERS = 5

export type Upload = { filename: string; bytes: Buffer }
export type Papers = { files: Upload[] }
export type Checked = Extract<ReturnType<typeof checkUpload>, { ok: true }>

export function checkPapers(
  files: Upload[],
  field: string,
  locale: Locale = DEFAULT_LOCALE,
): { ok: true; checked: Checked[] } | Refusal {
  if (files.length > MAX_PAPERS) return refuse(400, fixedT(locale, 'validation')('intake.tooManyFiles', { max: MAX_PAPERS }), field)
  const checked: Checked[] = []
  for (const file of files) {
    const result = checkUpload(file.filename, file.bytes, locale)
    if (!result.ok) return refuse(400, `${file.filename}: ${result.message}`, field)
    checked.push(result)
  }
  return { ok: true, checked }
}

export async function insertPapers(
  tx: Queryable,
  values: { organisationId: string; proposalId: string; purpose: string; uploadedBy: string },
  checked: Checked[],
  locale: Locale = DEFAULT_LOCALE,
) {
  for (const c of checked) {
    await storeAttachmentFile(tx, c.sha256, c.bytes, locale)
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

/** The papers sent and received, for the pages: id, name and size only. */
export async function listConsultationPapers(db: Queryable, proposalId: string) {
  const all = await listAttachments(db, proposalId)
  const of = (purpose: string) =>
    all
      .filter((a) => a.purpose === purpose)
      .map((a) => ({ id: a.id, filename: a.filename, size: a.size }))
  return { request: of(PAPER_PURPOSES.request), response: of(PAPER_PURPOSES.response) }
}
