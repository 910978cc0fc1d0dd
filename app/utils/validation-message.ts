import { type ParseKeys } from 'i18next'

/**
 * A zod message as a key of the 'validation' catalogue, checked by `tsc`:
 * `z.string().min(1, vm('signIn.passwordRequired'))`. The schema stays the same
 * on server and browser; the field-error component (app/components/forms.tsx)
 * translates the key into the page's language.
 */
export function vm<const K extends ParseKeys<'validation'>>(key: K): `validation:${K}` {
  return `validation:${key}`
}
