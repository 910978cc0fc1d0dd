import { z } from 'zod'
import { vm } from '~/utils/validation-message'

/**
 * The erasure's confirmation: the administrator types the person's e-mail
 * address. One schema for the browser and the action, made for the person
 * the page is about.
 */
export function erasureSchema(email: string) {
  return z.object({
    confirmEmail: z
      .string({ error: vm('people.confirmErasure') })
      .trim()
      .min(1, vm('people.confirmErasure'))
      .refine((typed) => typed.toLowerCase() === email.toLowerCase(), vm('people.notTheirEmail')),
  })
}

/** Why an erasure is refused; the 'admin' catalogue words each (erase.refusal). */
export type ErasureRefusal = 'erased' | 'lastAdministrator' | 'self'

/**
 * Why an administrator may not erase this person, or null if they may: the
 * page asks this before offering the form, and the action before erasing.
 */
export function erasureRefusal(args: { isSelf: boolean; isActiveAdministrator: boolean; activeAdministrators: number; erased: boolean }): ErasureRefusal | null {
  if (args.erased) return 'erased'
  if (args.isActiveAdministrator && args.activeAdministrators <= 1) return 'lastAdministrator'
  if (args.isSelf) return 'self'
  return null
}
