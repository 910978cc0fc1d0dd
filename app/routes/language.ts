import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { setPreferredLanguage } from '#db/preferences.server'
import { getDb } from '~/utils/app-context.server'
import { getUser, safeRedirectTarget } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { getLocale, languageCookie } from '~/utils/i18n.server'
import { LanguageChoiceSchema } from '~/utils/language-schema'
import { formDataOf } from '~/utils/multipart.server'

export async function loader() {
  // Choosing a language changes state, so it is a POST; a GET just goes home.
  throw redirect('/')
}

/**
 * The language switch: remembered in a cookie for everyone, and as the
 * person's preference when signed in, then back to the page they were on.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await formDataOf(request))
  const parsed = LanguageChoiceSchema.safeParse(form)
  if (!parsed.success) throw new Response(fixedT(await getLocale(request), 'common')('errors.chooseLanguage'), { status: 400 })
  const user = await getUser(request)
  if (user) await setPreferredLanguage(await getDb(), user.id, parsed.data.lang)
  throw redirect(safeRedirectTarget(parsed.data.redirectTo), {
    headers: { 'Set-Cookie': await languageCookie.serialize(parsed.data.lang) },
  })
}
