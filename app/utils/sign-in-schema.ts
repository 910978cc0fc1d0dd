import { z } from 'zod'
import { vm } from './validation-message'

export const SignInSchema = z.object({
  email: z
    .string({ error: vm('signIn.emailRequired') })
    .trim()
    .max(254, vm('signIn.emailTooLong'))
    .pipe(z.email(vm('signIn.emailInvalid'))),
  password: z.string({ error: vm('signIn.passwordRequired') }).min(1, vm('signIn.passwordRequired')).max(1024, vm('signIn.passwordTooLong')),
})
