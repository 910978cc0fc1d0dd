import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import { fixedT } from './i18n'
import { getLocale } from './i18n.server'
import { DEFAULT_LOCALE, type Locale } from './locale'

/**
 * The reader's language for a refusal: the caller's when it knows it, else the
 * request's, read only when there is something to refuse (it may read the session).
 */
async function wordsFor(request: Request, locale: Locale | undefined) {
  const chosen = locale ?? (await getLocale(request).catch(() => DEFAULT_LOCALE))
  return fixedT(chosen, ['common', 'validation'])
}

// No list in a form of ours comes near 10 000 items. Conform builds a dense
// array up to the largest index it is sent, so a field named `a[99999999]`
// costs seconds of CPU and an answer (echoing it) of hundreds of megabytes.
const HUGE_INDEX = /\[\d{5,}\]/

/**
 * What no form of ours sends: a list index no form has, or a NUL character,
 * which no one types and PostgreSQL cannot store in text (the insert would
 * fail with a 500 after the form had passed every check).
 */
export function isForged(form: FormData) {
  for (const [name, value] of form.entries()) {
    if (HUGE_INDEX.test(name)) return true
    if (typeof value === 'string' && value.includes('\u0000')) return true
  }
  return false
}

/**
 * The posted form. A body no form of ours sends (broken multipart, a content
 * type that is not a form, a forged field) is the sender's mistake: 400,
 * never a 500.
 */
export async function formDataOf(request: Request, locale?: Locale): Promise<FormData> {
  let form: FormData | undefined
  try {
    form = await request.formData()
  } catch {
    form = undefined
  }
  if (!form || isForged(form)) {
    const t = await wordsFor(request, locale)
    throw new Response(t('notFound.unexpectedForm'), { status: 400 })
  }
  return form
}

export type ReadForm =
  { ok: true; form: FormData } | { ok: false; status: 400 | 413; message: string }

/**
 * A posted form, with its files when it is multipart: the declared size is
 * checked before anything is read, and each file is held in memory only up to
 * `maxFileBytes`.
 */
export async function readForm(
  request: Request,
  limits: { maxFiles: number; maxFileBytes: number; tooLarge: string; locale?: Locale },
): Promise<ReadForm> {
  if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
    return { ok: true, form: await formDataOf(request, limits.locale) }
  }
  const declared = Number(request.headers.get('content-length') ?? 0)
  // A little room above the files for the form's own fields and boundaries.
  if (declared > limits.maxFiles * limits.maxFileBytes + 64 * 1024)
    return { ok: false, status: 413, message: limits.tooLarge }
  try {
    const handler = unstable_createMemoryUploadHandler({ maxPartSize: limits.maxFileBytes })
    const form = await unstable_parseMultipartFormData(request, handler)
    if (isForged(form)) {
      const t = await wordsFor(request, limits.locale)
      return { ok: false, status: 400, message: t('notFound.unexpectedForm') }
    }
    return { ok: true, form }
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return { ok: false, status: 413, message: limits.tooLarge }
    const t = await wordsFor(request, limits.locale)
    return { ok: false, status: 400, message: t('validation:intake.unreadableUpload') }
  }
}

/** The files chosen in one file input; an input left empty sends one nameless, empty part. */
export async function uploadsOf(form: FormData, name: string) {
  const files = form.getAll(name).filter((v): v is File => v instanceof File && v.size > 0)
  return Promise.all(
    files.map(async (f) => ({ filename: f.name, bytes: Buffer.from(await f.arrayBuffer()) })),
  )
}
