import { z } from 'zod'
import { vm } from './validation-message'

// A tag such as <script> or <img …>; "< 5 sites" or "a<b" are not tags.
const MARKUP = /<\s*\/?\s*[a-z!][^<>]*>/i
// Control characters other than tab and line breaks have no place in typed text.
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

/**
 * Free text typed into a form: trimmed, limited in length, and refused when it
 * holds markup or control characters. Pages escape everything they show; the
 * refusal tells the person at once that the field takes plain text only.
 */
export function plainText(max: number) {
  return z
    .string()
    .trim()
    .max(max, vm('plainText.tooLong', { max }))
    .refine((v) => !MARKUP.test(v), vm('plainText.markup'))
    .refine((v) => !CONTROL.test(v), vm('plainText.control'))
}

/** A list typed one item per line, blank lines dropped. */
export function lineList(maxItems: number, maxEach: number) {
  return plainText(maxItems * (maxEach + 1))
    .transform((v) =>
      v
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((items) => items.length <= maxItems, vm('plainText.tooManyLines', { max: maxItems }))
    .refine((items) => items.every((i) => i.length <= maxEach), vm('plainText.lineTooLong', { max: maxEach }))
}
