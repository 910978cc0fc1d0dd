import { z } from 'zod'
import { vm } from '~/utils/validation-message'

export const MAX_VERIFY_BYTES = 20 * 1024 * 1024
export const MAX_VERIFY_LABEL = '20 MB'

/** One schema for the verify form in the browser and its action; its messages are 'validation' keys. */
export const VerifyUploadSchema = z.object({
  file: z
    .instanceof(File, { message: vm('verify.fileRequired') })
    .refine((f) => f.size > 0, vm('verify.fileEmpty'))
    .refine((f) => f.size <= MAX_VERIFY_BYTES, vm('verify.fileTooLarge', { max: MAX_VERIFY_LABEL })),
})
