import { z } from 'zod'

export const MAX_VERIFY_BYTES = 20 * 1024 * 1024
export const MAX_VERIFY_LABEL = '20 MB'

/** One schema for the verify form in the browser and its action. */
export const VerifyUploadSchema = z.object({
  file: z
    .instanceof(File, { message: 'Choose the PDF record to check' })
    .refine((f) => f.size > 0, 'That file is empty')
    .refine((f) => f.size <= MAX_VERIFY_BYTES, `Choose a file of at most ${MAX_VERIFY_LABEL}`),
})
