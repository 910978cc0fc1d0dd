import { type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, type MetaFunction } from '@remix-run/react'
import {
  ConsultationSummary,
  RecordedDecision,
  RecordLinks,
  SignatureList,
} from '~/components/decision'
import { ScreeningResults } from '~/components/screening-results'
import { formatDateTime } from '~/utils/calendar'
import { useTranslation } from 'react-i18next'
import { usePageLocale } from '~/components/consultation'
import { fixedT } from '~/utils/i18n'
import { getLocale } from '~/utils/i18n.server'
import { translateReply } from '~/utils/translate-reply'
import { appContext } from '~/utils/app-context.server'
import { mailSettings } from '~/utils/mail.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { recordDecision, signDecision } from '~/workflow/decision/decision.server'
import { decisionSchema, SignSchema, SignWithSsoSchema } from '~/workflow/decision/decision-schema'
import { blockingIssuesOf } from '~/workflow/decision/record-sections'
import { decisionView } from '~/workflow/decision/view.server'
import { requireProposal } from '~/workflow/proposal-access.server'
import { getScreeningResult } from '~/workflow/screening/screening.server'
import { formDataOf } from '~/utils/multipart.server'
import { ssoProblemMessage } from '~/utils/sso/problems'
import { beginReauthenticationToSign } from '~/workflow/signing/reauthenticate.server'
import { SignPanel, DecisionForm } from './__decision-forms'

export const meta: MetaFunction = ({ matches }) => pageTitle(fixedT(metaLocale(matches), 'decision')('title'))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireProposal(request, params)
  const { config } = await appContext()
  const view = await decisionView(db, { proposal, snapshot, user, signing: config })
  return {
    proposalId: proposal.id,
    bodyName: user.organisation.settings.professionalBodyName,
    view,
    signWithSso: user.signInMethod === 'sso',
    // Why signing through the identity provider did not complete, when it sent the signatory back.
    ssoProblem: ssoProblemMessage(new URL(request.url).searchParams.get('sso')) ?? null,
  }
}

export type Reply = { intent: 'record' | 'sign'; result: SubmissionResult<string[]> }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, db, proposal } = await requireProposal(request, params)
  const locale = await getLocale(request)
  const formData = await formDataOf(request)
  const here = `/proposals/${proposal.id}/decision`
  if (formData.get('intent') === 'sign' && user.signInMethod === 'sso') {
    const submission = parseWithZod(formData, { schema: SignWithSsoSchema })
    if (submission.status !== 'success') return data<Reply>({ intent: 'sign', result: translateReply(submission.reply(), locale) }, { status: 400 })
    const started = await beginReauthenticationToSign(
      db,
      await appContext(),
      user,
      { kind: 'decision', proposalId: proposal.id, version: submission.value.version },
      here,
      locale,
    )
    if (!started.ok) return data<Reply>({ intent: 'sign', result: translateReply(submission.reply({ formErrors: [started.message] }), locale) }, { status: started.status })
    throw redirect(started.location, { headers: { 'Set-Cookie': started.cookie } })
  }
  if (formData.get('intent') === 'sign') {
    const submission = parseWithZod(formData, { schema: SignSchema })
    if (submission.status !== 'success') {
      return data<Reply>({ intent: 'sign', result: translateReply(submission.reply({ hideFields: ['password'] }), locale) }, { status: 400 })
    }
    const { config, secret } = await appContext()
    const result = await signDecision(db, {
      user,
      proposalId: proposal.id,
      password: submission.value.password,
      signing: config,
      secret,
      mail: mailSettings(config),
      clientAddress: context.clientAddress ?? 'unknown',
      expectedVersion: submission.value.version,
      locale,
    })
    if (!result.ok) {
      const errors = result.field ? { fieldErrors: { [result.field]: [result.message] } } : { formErrors: [result.message] }
      return data<Reply>({ intent: 'sign', result: translateReply(submission.reply({ ...errors, hideFields: ['password'] }), locale) }, { status: result.status })
    }
    throw redirect(result.complete ? `${here}#records-heading` : here)
  }

  const screening = await getScreeningResult(db, proposal)
  const submission = parseWithZod(formData, { schema: decisionSchema(screening ? blockingIssuesOf(screening) : []) })
  if (submission.status !== 'success') {
    // A list button (add or remove a condition) comes back here too, and is no error.
    return data<Reply>({ intent: 'record', result: translateReply(submission.reply(), locale) }, { status: submission.status === 'error' ? 400 : 200 })
  }
  const { intent: _intent, version, ...values } = submission.value
  const result = await recordDecision(db, { user, proposalId: proposal.id, values, expectedVersion: version, locale })
  if (!result.ok) {
    const errors = result.field ? { fieldErrors: { [result.field]: [result.message] } } : { formErrors: [result.message] }
    return data<Reply>({ intent: 'record', result: translateReply(submission.reply(errors), locale) }, { status: result.status })
  }
  throw redirect(`${here}#pending-heading`)
}

export default function DecisionPage() {
  const { proposalId, bodyName, view, signWithSso, ssoProblem } = useLoaderData<typeof loader>()
  const settled = !view.deciding && view.history.length === 0
  const { t } = useTranslation('decision')
  const locale = usePageLocale()
  return (
    <>
      <h2>{t('title')}</h2>
      {view.signingProblem ? (
        <div className="notice warning" role="status">
          <p>
            <strong>{t('page.cannotSign')}</strong> {view.signingProblem}
          </p>
          <p>{t('page.cannotSignUntil')}</p>
        </div>
      ) : null}
      {settled ? <p>{t('page.settled')}</p> : null}

      {view.current ? (
        <section aria-labelledby="pending-heading" className="panel">
          <h3 id="pending-heading">{t('page.pendingHeading')}</h3>
          <p className="muted">{t('page.recordedAt', { date: formatDateTime(view.current.recordedAt, locale) })}</p>
          <RecordedDecision d={view.current.content} />
          <h4>{t('page.signatures')}</h4>
          <SignatureList signatures={view.current.signatures} required={view.requiredSignatures} />
        </section>
      ) : view.deciding ? (
        <p>{view.canRecord ? t('page.recordBelow') : t('page.notYetRecorded')}</p>
      ) : null}

      {view.canSign ? <SignPanel version={view.version} withSso={signWithSso} problem={ssoProblem} /> : null}

      {view.deciding && view.screening ? <ScreeningResults result={view.screening} /> : null}
      {view.deciding && view.consultation ? <ConsultationSummary bodyName={bodyName} {...view.consultation} /> : null}

      {view.canRecord ? <DecisionForm view={view} /> : null}

      {view.history.length ? (
        <section aria-labelledby="records-heading">
          <h2 id="records-heading">{t('page.signedHeading')}</h2>
          {view.history.map((h) => (
            <article key={h.id} aria-labelledby={`decision-${h.id}`} className="panel">
              <h3 id={`decision-${h.id}`}>
                {t(`outcomeStated.${h.outcome}`)}
                {h.round > 0 ? t('page.afterRevision', { round: h.round }) : ''}
              </h3>
              <SignatureList signatures={h.signatures} />
              {h.record ? <RecordLinks proposalId={proposalId} record={h.record} /> : null}
            </article>
          ))}
        </section>
      ) : null}
    </>
  )
}
