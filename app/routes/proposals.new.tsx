import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { IntakeForm } from '~/components/intake-form'
import { getLocale } from '~/utils/i18n.server'
import { translateReply } from '~/utils/translate-reply'
import { getDb } from '~/utils/app-context.server'
import { requireRole } from '~/utils/auth.server'
import { fixedT } from '~/utils/i18n'
import { metaLocale, pageTitle } from '~/utils/meta'
import { intakeFormSchema } from '~/workflow/intake/intake-schema'
import { createDraftProposal, eligibleReviewers, reviewerChoiceProblem } from '~/workflow/intake/intake.server'
import { formDataOf } from '~/utils/multipart.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'proposal')('new.title'))

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'chief_librarian')
  return {
    reviewers: await eligibleReviewers(await getDb(), user.organisationId, user.id),
    minReviewers: user.organisation.settings.minReviewers,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'chief_librarian')
  const db = await getDb()
  const locale = await getLocale(request)
  const submission = parseWithZod(await formDataOf(request), { schema: intakeFormSchema(user.organisation.settings.minReviewers) })
  // A new proposal is only ever saved as a draft; submission happens from its own page.
  if (submission.status !== 'success' || submission.value.intent !== 'save') {
    return data(translateReply(submission.reply(), locale), { status: 400 })
  }
  const problem = await reviewerChoiceProblem(db, user.organisationId, user.id, submission.value.reviewerIds ?? [])
  if (problem) return data(translateReply(submission.reply({ fieldErrors: { reviewerIds: [problem] } }), locale), { status: 400 })
  const proposal = await createDraftProposal(db, { id: user.id, organisationId: user.organisationId, settings: user.organisation.settings }, submission.value)
  throw redirect(`/proposals/${proposal.id}/edit?saved=1`)
}

export default function NewProposal() {
  const { reviewers, minReviewers } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const { t } = useTranslation('proposal')
  return (
    <>
      <p>
        <Link to="/proposals">{t('new.back')}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <p>{t('new.intro')}</p>
      <IntakeForm lastResult={lastResult} defaultValue={{}} reviewers={reviewers} minReviewers={minReviewers} canSubmit={false} />
    </>
  )
}
