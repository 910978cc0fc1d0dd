import { describe, expect, it } from 'vitest'
import { detectDocumentType, MAX_ATTACHMENT_BYTES, zipEntryNames } from '~/utils/document-type'
import { checkUpload, displayName } from '~/utils/attachments.server'
import { docxBytes, odtBytes, pdfBytes, zipBytes } from '#tests/support/documents'

describe('document type by content', () => {
  it('recognises a PDF, a Word document and an OpenDocument text', () => {
    expect(detectDocumentType(pdfBytes())?.extension).toBe('pdf')
    expect(detectDocumentType(docxBytes())?.extension).toBe('docx')
    expect(detectDocumentType(odtBytes())?.extension).toBe('odt')
  })

  it('refuses files that only claim to be documents', () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>')
    expect(detectDocumentType(html)).toBeNull()
    // The PDF signature alone, without a PDF behind it.
    expect(detectDocumentType(Buffer.from('%PDF-1.7 <script>alert(1)</script>'))).toBeNull()
    // A ZIP that is neither kind of document (say, a spreadsheet or an archive of anything).
    expect(detectDocumentType(zipBytes([['xl/workbook.xml', '<x/>'], ['[Content_Types].xml', '<x/>']]))).toBeNull()
    expect(detectDocumentType(zipBytes([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'], ['content.xml', '<x/>']]))).toBeNull()
    expect(detectDocumentType(Buffer.from('PK\u0003\u0004 truncated'))).toBeNull()
    expect(detectDocumentType(Buffer.alloc(0))).toBeNull()
  })

  it('reads the entry names of a ZIP archive', () => {
    expect(zipEntryNames(docxBytes())).toEqual(['[Content_Types].xml', 'word/document.xml'])
    expect(zipEntryNames(Buffer.from('not a zip at all, just text'))).toBeNull()
  })

  it('checks size and records the SHA-256 of the content', () => {
    const fine = checkUpload('contract.pdf', pdfBytes())
    expect(fine.ok && fine.sha256).toMatch(/^[0-9a-f]{64}$/)
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(MAX_ATTACHMENT_BYTES)])
    expect(checkUpload('big.pdf', big)).toEqual({ ok: false, message: 'Attach files of at most 10 MB' })
    expect(checkUpload('empty.pdf', Buffer.alloc(0)).ok).toBe(false)
  })

  it('keeps only the last part of a file name, without control characters or markup', () => {
    const pdf = detectDocumentType(pdfBytes())!
    expect(displayName('../../etc/passwd', pdf)).toBe('passwd')
    expect(displayName('C:\\Users\\me\\Draft contract.pdf', pdf)).toBe('Draft contract.pdf')
    expect(displayName('<img src=x>.pdf\u0000', pdf)).toBe('img src=x.pdf')
    expect(displayName('', pdf)).toBe('document.pdf')
  })
})
