import { createRequire } from 'node:module'
import { Font, renderToBuffer, type DocumentProps } from '@react-pdf/renderer'
import { createElement, type ReactElement } from 'react'
import { Addendum } from './addendum'
import { DecisionRecord } from './decision-record'
import { FONT, MONO } from './layout'
import { installPdfkitFontCache } from './pdfkit-font-cache.server'
import { type AddendumData, type DecisionRecordData } from './record-data'

const require = createRequire(import.meta.url)
const ttf = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`)

let registered = false

/**
 * Embedded DejaVu faces: they cover Welsh (ŵ, ŷ) and accented names, and
 * react-pdf subsets them into each file so the text is real, searchable text.
 */
function registerFonts() {
  if (registered) return
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
  registered = true
}

export async function renderDecisionRecord(data: DecisionRecordData): Promise<Buffer> {
  registerFonts()
  return renderToBuffer(createElement(DecisionRecord, { data }) as ReactElement<DocumentProps>)
}

export async function renderAddendum(data: AddendumData): Promise<Buffer> {
  registerFonts()
  return renderToBuffer(createElement(Addendum, { data }) as ReactElement<DocumentProps>)
}
