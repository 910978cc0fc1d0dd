import { z } from 'zod'
import { LOCALES } from './locale'

/** The language switch's form (app/components/language-switch.tsx). */
export const LanguageChoiceSchema = z.object({
  lang: z.enum(LOCALES),
  redirectTo: z.string().optional(),
})
