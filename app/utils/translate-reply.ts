import { fixedT, type Locale } from './i18n'
import { translatableMessage } from './validation-message'

type Reply = { error?: Record<string, string[] | null> | null }

/** One message: a validation key (`vm`) written out in `locale`; any other message as it is. */
export function translateMessage(message: string, locale: Locale): string {
  const parsed = translatableMessage(message)
  return parsed ? (fixedT(locale, 'validation') as (key: string, values?: object) => string)(parsed.key, parsed.values) : message
}

/**
 * A form's reply with its validation keys (`vm`) written out in the page's
 * language, so that what an action returns reads the same with or without
 * JavaScript and for any client; messages already written pass unchanged.
 */
export function translateReply<R extends Reply>(reply: R, locale: Locale): R {
  if (!reply.error) return reply
  const write = (message: string) => translateMessage(message, locale)
  return { ...reply, error: Object.fromEntries(Object.entries(reply.error).map(([field, messages]) => [field, messages?.map(write) ?? null])) }
}
