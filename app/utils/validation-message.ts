import { type ParseKeys } from 'i18next'

type Values = Record<string, string | number>

/**
 * A zod message as a key of the 'validation' catalogue, checked by `tsc`:
 * `z.string().min(1, vm('signIn.passwordRequired'))`, or with values for the
 * text, `vm('text.tooLong', { max: 120 })`. The schema stays the same on server
 * and browser; the field-error components (app/components/forms.tsx) translate
 * the message into the page's language with `translatableMessage`.
 */
export function vm<const K extends ParseKeys<'validation'>>(key: K, values?: Values): string {
  return values ? `validation:${key}|${JSON.stringify(values)}` : `validation:${key}`
}

/** A message made by `vm`, split back into its key and values; anything else as it is. */
export function translatableMessage(message: string): { key: string; values?: Values } | undefined {
  if (!message.startsWith('validation:')) return undefined
  const bar = message.indexOf('|')
  if (bar === -1) return { key: message }
  try {
    return { key: message.slice(0, bar), values: JSON.parse(message.slice(bar + 1)) as Values }
  } catch {
    return undefined
  }
}
