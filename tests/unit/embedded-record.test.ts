import { describe, expect, it } from 'vitest'
import { readEmbeddedRecord } from '~/pdf/embedded-record.server'

// Anyone may upload any bytes to /verify; whatever they are, the answer is "no record data", never an error.
describe('record data read from an uploaded file', () => {
  it.each([
    ['text that is not a PDF', 'root:x:0:0:root:/root:/bin/bash\n'],
    ['a PDF header and nothing else', '%PDF-1.7\n%%EOF\n'],
    ['a PDF whose catalogue is missing', '%PDF-1.7\n1 0 obj\n<< /Type /Pages >>\nendobj\ntrailer\n<< /Root 9 0 R >>\n%%EOF\n'],
    ['no bytes at all', ''],
  ])('%s carries none', async (_, content) => {
    expect(await readEmbeddedRecord(new TextEncoder().encode(content))).toBeNull()
  })
})
