import { z } from 'zod'

export const SignInSchema = z.object({
  email: z
    .string({ error: 'Enter your e-mail address' })
    .trim()
    .max(254, 'That e-mail address is too long')
    .pipe(z.email('Enter an e-mail address like name@example.org')),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(1024, 'That password is too long'),
})
