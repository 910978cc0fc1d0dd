import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { insertLibraryIndicator } from '#db/monitoring.server'
import { LibraryIndicatorForm } from '~/components/monitoring/library-indicator-form'
import { getDb } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { formDataOf } from '~/utils/multipart.server'
import { translateReply } from '~/utils/translate-reply'
import { vm } from '~/utils/validation-message'
import { LibraryIndicatorSchema } from '~/workflow/monitoring/forms'

export const meta: MetaFunction = ({ matches }) => {
  const t = fixedT(metaLocale(matches), 'indicators')
  return pageTitle(t('add.title'), t('library.title'))
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const locale = await localeFor(request, admin)
  const submission = parseWithZod(await formDataOf(request), { schema: LibraryIndicatorSchema })
  if (submission.status !== 'success') return data(translateReply(submission.reply(), locale), { status: 400 })
  const { retired: _retired, ...values } = submission.value
  const row = await insertLibraryIndicator(await getDb(), admin.organisationId, admin.id, values)
  if (!row) return data(translateReply(submission.reply({ fieldErrors: { name: [vm('indicator.nameTaken')] } }), locale), { status: 400 })
  throw redirect('/admin/indicators')
}

export default function NewIndicator() {
  const lastResult = useActionData<typeof action>()
  const { t } = useTranslation('indicators')
  return (
    <>
      <p>
        <Link to="/admin/indicators">{t('edit.back')}</Link>
      </p>
      <h1>{t('add.title')}</h1>
      <LibraryIndicatorForm lastResult={lastResult} submitLabel={t('add.submit')} editing={false} />
    </>
  )
}
