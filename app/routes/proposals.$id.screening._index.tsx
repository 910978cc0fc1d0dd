import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, type MetaFunction } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { z } from 'zod'
import { type ProposalEvent } from '#machines/proposal-events'
import { can } from '#machines/proposal-workflow'
import { ChoiceGroup, TextAreaField } from '~/components/form-controls'
import { FormErrors } from '~/components/forms'
import { ScreeningResults } from '~/components/screening-results'
import { getLocale } from '~/utils/i18n.server'
import { translateReply } from '~/utils/translate-reply'
import { vm } from '~/utils/validation-message'
import { fixedT } from '~/utils/i18n'
import { metaLocale, pageTitle } from '~/utils/meta'
import { actorFor } from '~/workflow/actor.server'
import { eligibleReviewers, reviewerChoiceProblem } from '~/workflow/intake/intake.server'
import { requireProposal } from '~/workflow/proposal-access.server'
import { reviewerStatus, type ReviewerStatus } from '~/workflow/screening/access'
import { DeclarationSchema } from '~/workflow/screening/review-schema'
import { addReviewers, declareInterest, finishScreening, screeningView } from '~/workflow/screening/screening.server'
import { formDataOf } from '~/utils/multipart.server'
import { DataTable } from '~/components/data-table'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'screening')('page.title'))

const statusKey = (status: ReviewerStatus) => `page.status.${status}` as const

const ActionSchema = z.discriminatedUnion('intent', [
  DeclarationSchema.safeExtend({ intent: z.literal('declare') }),
  z.object({
    intent: z.literal('assign'),
    version: z.number().int().positive(),
    reviewerIds: z.array(z.uuid(vm('intake.reviewersUnknown')), { error: vm('intake.reviewerRequired') }).min(1, vm('intake.reviewerRequired')).max(20),
  }),
  z.object({ intent: z.literal('complete'), version: z.number().int().positive() }),
])

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireProposal(request, params)
  const actor = actorFor(user)
  const view = await screeningView(db, proposal, snapshot, user.id)
  const kept = view.reviewers.filter((r) => r.status !== 'recused').map((r) => r.id)
  const assigned = new Set(view.reviewers.map((r) => r.id))
  const candidates = (await eligibleReviewers(db, user.organisationId, proposal.proposerId)).filter((r) => !assigned.has(r.id))
  const assign = (id: string): ProposalEvent => ({ type: 'reviewers.assign', reviewerIds: [...kept, id], actor })
  return {
    stage: proposal.stage,
    version: proposal.version,
    myStatus: reviewerStatus(snapshot, user.id) ?? null,
    canDeclare: can(snapshot, { type: 'review.declare', conflict: false, actor }),
    canScore: can(snapshot, { type: 'review.save', actor }),
    canComplete: can(snapshot, { type: 'screening.complete', actor }),
    // Only those the machine would accept alongside everyone already at work.
    candidates: snapshot.matches('screening') ? candidates.filter((c) => can(snapshot, assign(c.id))) : [],
    ...view,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, proposal } = await requireProposal(request, params)
  const locale = await getLocale(request)
  const submission = parseWithZod(await formDataOf(request), { schema: ActionSchema })
  if (submission.status !== 'success') return data(translateReply(submission.reply(), locale), { status: 400 })
  const target = { actor: actorFor(user), organisationId: user.organisationId, proposalId: proposal.id, locale }
  const v = submission.value
  if (v.intent === 'assign') {
    const problem = await reviewerChoiceProblem(db, user.organisationId, proposal.proposerId, v.reviewerIds)
    if (problem) return data(translateReply(submission.reply({ fieldErrors: { reviewerIds: [problem] } }), locale), { status: 400 })
  }
  const result =
    v.intent === 'declare'
      ? await declareInterest(db, { ...target, conflict: v.conflict === 'yes', reason: v.reason })
      : v.intent === 'assign'
        ? await addReviewers(db, { ...target, reviewerIds: v.reviewerIds, expectedVersion: v.version })
        : await finishScreening(db, { ...target, expectedVersion: v.version })
  if (!result.ok) return data(translateReply(submission.reply({ formErrors: [result.message] }), locale), { status: result.status })
  throw redirect(v.intent === 'declare' && v.conflict === 'no' ? `/proposals/${proposal.id}/screening/review` : `/proposals/${proposal.id}/screening`)
}

function Declaration({ lastResult }: { lastResult: ReturnType<typeof useActionData<typeof action>> }) {
  const [form, fields] = useForm({
    id: 'declare',
    lastResult,
    constraint: getZodConstraint(DeclarationSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeclarationSchema }),
    shouldRevalidate: 'onBlur',
  })
  const { t } = useTranslation('screening')
  return (
    <section aria-labelledby="declare-heading" className="panel">
      <h2 id="declare-heading">{t('page.declareHeading')}</h2>
      <p>{t('page.declareIntro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="declare" />
        <ChoiceGroup
          field={fields.conflict}
          legend={t('page.conflictLegend')}
          type="radio"
          options={[
            { value: 'no', label: t('page.conflictNo') },
            { value: 'yes', label: t('page.conflictYes') },
          ]}
        />
        <TextAreaField field={fields.reason} label={t('page.conflictReason')} hint={t('page.conflictReasonHint')} rows={3} />
        <button type="submit">{t('page.declare')}</button>
      </Form>
    </section>
  )
}

export default function Screening() {
  const d = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [assignForm, assignFields] = useForm<{ reviewerIds: string[] }>({ id: 'assign', lastResult })
  const active = d.reviewers.filter((r) => r.status !== 'recused').length
  const { t } = useTranslation('screening')
  return (
    <>
      <h2>{t('page.title')}</h2>
      {/* One place for refusals of any form on this page; field errors sit by their fields. */}
      <FormErrors errors={lastResult?.error?.[''] ?? undefined} />
      {!d.started ? (
        <p>{t('page.notStarted')}</p>
      ) : (
        <p>{t('page.progress', { version: d.rubric.version, submitted: d.submitted, count: d.minReviewers })}</p>
      )}
      {d.canDeclare ? <Declaration lastResult={lastResult} /> : null}
      {d.canScore ? (
        <p className="notice">
          <Trans t={t} i18nKey="page.cleared" components={{ anchor: <Link to="review" /> }} />
        </p>
      ) : null}
      {d.myStatus === 'submitted' && d.stage === 'screening' ? <p className="notice success">{t('page.submitted')}</p> : null}
      {d.myStatus === 'recused' ? <p className="notice">{t('page.recused')}</p> : null}

      {d.reviewers.length ? (
        <DataTable caption={t('page.reviewers')}>
          <thead>
            <tr>
              <th scope="col">{t('page.reviewer')}</th>
              <th scope="col">{t('page.statusHeading')}</th>
            </tr>
          </thead>
          <tbody>
            {d.reviewers.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>
                  {r.conflictReason
                    ? t('page.conflict', { status: t(statusKey(r.status)), reason: r.conflictReason })
                    : t(statusKey(r.status))}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}

      {d.candidates.length ? (
        <section aria-labelledby="assign-heading" className="panel">
          <h2 id="assign-heading">{t('page.addReviewer')}</h2>
          {active < d.minReviewers ? <p className="notice warning">{t('page.tooFew', { count: active, min: d.minReviewers })}</p> : null}
          <Form method="post" {...getFormProps(assignForm)} className="stack">
            <input type="hidden" name="intent" value="assign" />
            <input type="hidden" name="version" value={d.version} />
            <ChoiceGroup
              field={assignFields.reviewerIds}
              legend={t('page.reviewersToAdd')}
              type="checkbox"
              options={d.candidates.map((c) => ({ value: c.id, label: c.name }))}
            />
            <button type="submit">{t('page.assign')}</button>
          </Form>
        </section>
      ) : null}

      {d.canComplete ? (
        <Form method="post" className="panel">
          <input type="hidden" name="intent" value="complete" />
          <input type="hidden" name="version" value={d.version} />
          <p>{t('page.enough')}</p>
          <button type="submit">{t('page.complete')}</button>
        </Form>
      ) : null}

      {d.result ? (
        <ScreeningResults result={d.result} />
      ) : d.started ? (
        <p>
          {d.myStatus === 'assigned' || d.myStatus === 'cleared'
            ? t('page.resultsLaterYours', { min: d.minReviewers })
            : t('page.resultsLater', { min: d.minReviewers })}
        </p>
      ) : null}
    </>
  )
}
