import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { findLibraryIndicator, updateLibraryIndicator } from '#db/monitoring.server'
import { LibraryIndicatorForm } from '~/components/monitoring/library-indicator-form'
import { getDb } from '~/utils/app-context.server'
import { notFound, requireRole } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { formDataOf } from '~/utils/multipart.server'
import { translateReply } from '~/utils/translate-reply'
import { vm } from '~/utils/validation-message'
import { LibraryIndicatorSchema } from '~/workflow/monitoring/forms'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = fixedT(metaLocale(matches), 'indicators')
  return pageTitle(data?.indicator.name ?? t('edit.title'), t('library.title'))
}

async function load(request: Request, id: string | undefined) {
  const admin = await requireRole(request, 'admin')
  const locale = await localeFor(request, admin)
  if (!/^[0-9a-f-]{36}$/i.test(id ?? '')) notFound(fixedT(locale, 'indicators')('edit.notFound'))
  const indicator = await findLibraryIndicator(await getDb(), admin.organisationId, id!)
  if (!indicator) notFound(fixedT(locale, 'indicators')('edit.notFound'))
  return { admin, indicator, locale }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { indicator } = await load(request, params.indicatorId)
  return {
    indicator: {
      name: indicator.name,
      unit: indicator.unit,
      description: indicator.description,
      direction: indicator.direction,
      thresholdKind: indicator.thresholdKind,
      thresholdValue: String(indicator.thresholdValue),
      measure: indicator.measure,
      retired: indicator.retiredAt !== null,
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, indicator, locale } = await load(request, params.indicatorId)
  const submission = parseWithZod(await formDataOf(request), { schema: LibraryIndicatorSchema })
  if (submission.status !== 'success') return data(translateReply(submission.reply(), locale), { status: 400 })
  const saved = await updateLibraryIndicator(await getDb(), admin.organisationId, indicator.id, submission.value)
  if (!saved) return data(translateReply(submission.reply({ fieldErrors: { name: [vm('indicator.nameTaken')] } }), locale), { status: 400 })
  throw redirect('/admin/indicators')
}

export default function EditIndicator() {
  const { indicator } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { t } = useTranslation('indicators')
  return (
    <>
      <p>
        <Link to="/admin/indicators">{t('edit.back')}</Link>
      </p>
      <h1>{indicator.name}</h1>
      <p>{t('edit.intro')}</p>
      <LibraryIndicatorForm lastResult={lastResult} defaultValue={indicator} submitLabel={t('edit.submit')} editing />
    </>
  )
}
