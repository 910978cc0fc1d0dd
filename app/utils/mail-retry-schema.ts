import { z } from 'zod'
import { vm } from './validation-message'

/** The dead-letter page's one form: put a failed e-mail back in line. */
export const MailRetrySchema = z.object({
  intent: z.literal('retry'),
  messageId: z.uuid(vm('admin.chooseMessage')),
})
