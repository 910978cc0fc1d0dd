import { z } from 'zod'

/**
 * The erasure's confirmation: the administrator types the person's e-mail
 * address. One schema for the browser and the action, made for the person
 * the page is about.
 */
export function erasureSchema(email: string) {
  return z.object({
    confirmEmail: z
      .string({ error: 'Type their e-mail address to confirm' })
      .trim()
      .min(1, 'Type their e-mail address to confirm')
      .refine((typed) => typed.toLowerCase() === email.toLowerCase(), 'That is not their e-mail address: type it exactly as shown'),
  })
}

/**
 * Why an administrator may not erase this person, or null if they may: the
 * page asks this before offering the form, and the action before erasing.
 */
export function erasureRefusal(args: { isSelf: boolean; isActiveAdministrator: boolean; activeAdministrators: number; erased: boolean }): string | null {
  if (args.erased) return 'This person has already been erased.'
  if (args.isActiveAdministrator && args.activeAdministrators <= 1) {
    return 'They are the library service’s last administrator: give someone else the administrator role first.'
  }
  if (args.isSelf) return 'You cannot erase your own account: another administrator must.'
  return null
}
