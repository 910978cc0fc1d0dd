import { createRequire } from 'node:module'
import { Font, renderToBuffer, type DocumentProps } from '@react-pdf/renderer'
import { createElement, type ReactElement } from 'react'
import { Addendum } from './addendum'
import { DecisionRecord } from './decision-record'
import { FONT, FOOTER, MONO, pageNumberLabel } from './layout'
import { installPdfkitFontCache } from './pdfkit-font-cache.server'
import { cacheShaping } from './shaping-cache.server'
import { creationDateCarrying } from './pdfkit-attachments.server'
import { numberPagesOf } from './pdfkit-page-numbers.server'
import { fixedT } from '~/utils/i18n'
import { recordLocales } from './record-languages'
import { wordsFor } from './sections'
import { type AddendumData, type DecisionRecordData, type RecordMeta } from './record-data'
import { attachmentName, RECORD_SCHEMA_PATH, recordJsonBytes, type RecordContent } from './record-json'

const require = createRequire(import.meta.url)
const ttf = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`)

let fontsReady: Promise<void> | undefined

/**
 * Embedded DejaVu faces: they cover Welsh (ŵ, ŷ) and accented names, and
 * react-pdf subsets them into each file so the text is real, searchable text.
 */
function registerFonts(): Promise<void> {
  fontsReady ??= loadFonts()
  return fontsReady
}

async function loadFonts() {
  Font.register({
    family: FONT,
    fonts: [
      { src: ttf('DejaVuSans.ttf') },
      { src: ttf('DejaVuSans-Bold.ttf'), fontWeight: 'bold' },
      { src: ttf('DejaVuSans-Oblique.ttf'), fontStyle: 'italic' },
    ],
  })
  Font.register({ family: MONO, src: ttf('DejaVuSansMono.ttf') })
  // Words are never hyphenated, so names and place names stay whole for search;
  // only a run too long for any line (a pasted URL) is split.
  Font.registerHyphenationCallback((word) => (word.length > 40 ? word.match(/.{1,30}/gu) ?? [word] : [word]))
  installPdfkitFontCache()
  // Loaded now rather than on first use, so that their shaping is cached from the first render on.
  const sources = Object.values(Font.getRegisteredFonts()).flatMap((family) => family.sources)
  await Promise.all(sources.map((source) => source.load()))
  for (const source of sources) if (source.data && 'layout' in source.data) cacheShaping(source.data as unknown as Parameters<typeof cacheShaping>[0])
}

// The face of the footer's text (DejaVuSans.ttf's PostScript name), which the page numbers are drawn in.
const FOOTER_FACE = 'DejaVuSans'
/** The attached file's description, in the record's first language. */
function attachmentDescription(content: RecordContent): string {
  const { record, organisation } = content.data
  const t = fixedT(recordLocales(organisation.languages)[0]!, 'record')
  const values = { reference: record.reference, schema: new URL(RECORD_SCHEMA_PATH, record.verifyUrl).toString() }
  return content.kind === 'decision' ? t('meta.attachmentDecision', values) : t('meta.attachmentAddendum', values)
}

/**
 * The record's data as JSON, attached as PDF/A-3's associated file with the
 * relationship Data. It goes in before signing, so the signature covers it.
 */
function carryingJson(content: RecordContent): RecordMeta {
  const { record } = content.data
  const issuedAt = creationDateCarrying(record.issuedAt, [
    {
      name: attachmentName(content.kind),
      bytes: recordJsonBytes(content),
      mimeType: 'application/json',
      description: attachmentDescription(content),
      relationship: 'Data',
      date: record.issuedAt,
    },
  ])
  numberPagesOf(issuedAt, { label: pageNumberLabel(recordLocales(content.data.organisation.languages).map(wordsFor)), ...FOOTER, postscriptName: FOOTER_FACE })
  return { ...record, issuedAt }
}

export async function renderDecisionRecord(data: DecisionRecordData): Promise<Buffer> {
  await registerFonts()
  const record = carryingJson({ kind: 'decision', data })
  return renderToBuffer(createElement(DecisionRecord, { data: { ...data, record } }) as ReactElement<DocumentProps>)
}

export async function renderAddendum(data: AddendumData): Promise<Buffer> {
  await registerFonts()
  const record = carryingJson({ kind: 'addendum', data })
  return renderToBuffer(createElement(Addendum, { data: { ...data, record } }) as ReactElement<DocumentProps>)
}
