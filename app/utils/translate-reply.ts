import { fixedT, type Locale } from './i18n'
import { translatableMessage } from './validation-message'

type Reply = { error?: Record<string, string[] | null> | null }

/**
 * A form's reply with its validation keys (`vm`) written out in the page's
 * language, so that what an action returns reads the same with or without
 * JavaScript and for any client; messages already written pass unchanged.
 */
export function translateReply<R extends Reply>(reply: R, locale: Locale): R {
  if (!reply.error) return reply
  const t = fixedT(locale, 'validation')
  const write = (message: string) => {
    const parsed = translatableMessage(message)
    return parsed ? (t as (key: string, values?: object) => string)(parsed.key, parsed.values) : message
  }
  return { ...reply, error: Object.fromEntries(Object.entries(reply.error).map(([field, messages]) => [field, messages?.map(write) ?? null])) }
}
