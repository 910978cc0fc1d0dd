import { type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, type MetaFunction } from '@remix-run/react'
import { PapersList, RecommendationAnswer } from '~/components/consultation'
import { FormErrors } from '~/components/forms'
import { appContext } from '~/utils/app-context.server'
import { mailSettings } from '~/utils/mail.server'
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_LABEL } from '~/utils/attachments.server'
import { metaLocale, pageTitle } from '~/utils/meta'
import { useTranslation } from 'react-i18next'
import { usePageLocale } from '~/components/consultation'
import { fixedT } from '~/utils/i18n'
import { localeFor } from '~/utils/i18n.server'
import { readForm, uploadsOf } from '~/utils/multipart.server'
import { type IntentReply } from '~/utils/use-intent-form'
import { formatDate } from '~/utils/calendar'
import { ProfessionalBodyFormSchema } from '~/workflow/consultation/forms'
import { listConsultationPapers, MAX_PAPERS } from '~/workflow/consultation/papers.server'
import {
  answerRecommendation,
  closeWithoutResponse,
  completeProfessionalBody,
  recordResponse,
  requestOpinion,
} from '~/workflow/consultation/professional-body.server'
import { refusalReply, type Refusal } from '~/workflow/refusal'
import { getConsultationView } from '~/workflow/consultation/view.server'
import { requireProposal } from '~/workflow/proposal-access.server'
import { RequestForm, ResponseForm, AnswerForm, CloseForm } from './__professional-body-forms'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = fixedT(metaLocale(matches), 'consultation')
  return pageTitle(data ? t('pb.title', { body: data.view.bodyName }) : t('pb.titleUnknown'))
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireProposal(request, params)
  const { secret } = await appContext()
  const view = await getConsultationView(db, {
    proposal,
    snapshot,
    user,
    secret,
    bodyName: user.organisation.settings.professionalBodyName,
  })
  // The proposer records this consultation; everyone else reads it on the consultation page.
  if (!view.isProposer) throw redirect(`/proposals/${proposal.id}/consultation`)
  const t = fixedT(await localeFor(request, user), 'consultation')
  return {
    proposalId: proposal.id,
    view,
    papers: await listConsultationPapers(db, proposal.id),
    papersHint: t('pb.papersHint', { max: MAX_PAPERS, size: MAX_ATTACHMENT_LABEL }),
  }
}

type Reply = IntentReply & { recommendationId?: string }

function refused(
  intent: string,
  submission: { reply: (o?: object) => SubmissionResult<string[]> },
  r: Refusal,
  extra: Partial<Reply> = {},
) {
  const reply = refusalReply(r)
  return data<Reply>({ intent, ...extra, result: submission.reply(reply) }, { status: r.status })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, proposal } = await requireProposal(request, params)
  const locale = await localeFor(request, user)
  const t = fixedT(locale, 'consultation')
  const read = await readForm(request, {
    locale,
    maxFiles: MAX_PAPERS,
    maxFileBytes: MAX_ATTACHMENT_BYTES,
    tooLarge: t('pb.tooLarge', { size: MAX_ATTACHMENT_LABEL }),
  })
  if (!read.ok) {
    return data<Reply>(
      { intent: 'upload', result: { status: 'error', error: { '': [read.message] } } },
      { status: read.status },
    )
  }
  const submission = parseWithZod(read.form, { schema: ProfessionalBodyFormSchema })
  const intent = String(read.form.get('intent') ?? '')
  if (submission.status !== 'success') {
    // A list button pressed without JavaScript comes back here too, and is no error.
    return data<Reply>(
      {
        intent,
        recommendationId: String(read.form.get('recommendationId') ?? ''),
        result: submission.reply(),
      },
      { status: submission.status === 'error' ? 400 : 200 },
    )
  }
  const v = submission.value
  const base = { user, proposalId: proposal.id, locale }
  const here = `/proposals/${proposal.id}/consultation/professional-body`
  const papers = { files: await uploadsOf(read.form, 'papers') }
  let result
  switch (v.intent) {
    case 'pb.request':
      result = await requestOpinion(db, { ...base, ...v, papers, expectedVersion: v.version })
      break
    case 'pb.respond':
      result = await recordResponse(db, { ...base, ...v, papers, expectedVersion: v.version, mail: mailSettings((await appContext()).config) })
      break
    case 'pb.answer':
      result = await answerRecommendation(db, {
        ...base,
        recommendationId: v.recommendationId,
        accepted: v.answer === 'accepted',
        rationale: v.rationale,
      })
      if (!result.ok)
        return refused(v.intent, submission, result, { recommendationId: v.recommendationId })
      throw redirect(`${here}#recommendation-${v.recommendationId}`)
    case 'pb.closeWithoutResponse':
      result = await closeWithoutResponse(db, { ...base, note: v.note, expectedVersion: v.version })
      break
    case 'pb.complete':
      result = await completeProfessionalBody(db, { ...base, expectedVersion: v.version })
      if (result.ok) throw redirect(`/proposals/${proposal.id}/consultation`)
      break
  }
  if (!result.ok) return refused(v.intent, submission, result)
  throw redirect(here)
}

export default function ProfessionalBodyConsultation() {
  const { proposalId, view, papers } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const pb = view.professionalBody
  const { t } = useTranslation('consultation')
  const locale = usePageLocale()
  const generalError =
    actionData && ['upload', 'pb.complete'].includes(actionData.intent)
      ? actionData.result.error?.['']
      : undefined
  return (
    <>
      <p>
        <Link to={`/proposals/${proposalId}/consultation`}>{t('staff.back')}</Link>
      </p>
      <h2>{t('pb.title', { body: view.bodyName })}</h2>
      <FormErrors errors={generalError ?? undefined} />
      {pb.request ? (
        <section aria-labelledby="request-heading" className="panel">
          <h3 id="request-heading">{t('pb.requestHeading')}</h3>
          <p>
            {t('pb.sentTo', {
              contact: pb.request.contact,
              sent: formatDate(pb.request.sentOn, locale),
              due: formatDate(pb.request.deadline, locale),
            })}
          </p>
          <p className="prewrap">{pb.request.shared}</p>
          <PapersList proposalId={proposalId} label={t('pb.papersSent')} papers={papers.request} />
        </section>
      ) : null}
      {pb.can.request ? (
        <RequestForm version={view.version} today={view.today} bodyName={view.bodyName} />
      ) : null}
      {pb.can.respond ? (
        <ResponseForm version={view.version} today={view.today} bodyName={view.bodyName} />
      ) : null}
      {pb.state === 'awaitingResponse' && !pb.can.close && pb.request ? (
        <p className="muted">{t('pb.closeLater', { date: formatDate(pb.request.deadline, locale) })}</p>
      ) : null}
      {pb.can.close ? <CloseForm version={view.version} /> : null}
      {pb.response ? (
        <section aria-labelledby="response-heading">
          <h3 id="response-heading">{t('pb.responseHeading', { date: formatDate(pb.response.receivedOn, locale) })}</h3>
          <p className="prewrap">{pb.response.summary}</p>
          <PapersList proposalId={proposalId} label={t('pb.theirLetter')} papers={papers.response} />
          {pb.recommendations.map((r) => (
            <article
              key={r.id}
              id={`recommendation-${r.id}`}
              className="concern"
              aria-labelledby={`recommendation-${r.id}-heading`}
            >
              <h4 id={`recommendation-${r.id}-heading`}>{t('pb.recommendation', { number: r.position })}</h4>
              <p className="prewrap">{r.text}</p>
              {r.canAnswer ? <AnswerForm r={r} /> : <RecommendationAnswer r={r} />}
            </article>
          ))}
        </section>
      ) : null}
      {pb.state === 'answering' ? (
        <Form method="post" className="panel stack">
          <input type="hidden" name="intent" value="pb.complete" />
          <input type="hidden" name="version" value={view.version} />
          {pb.can.complete ? (
            <p>{t('pb.allAnswered')}</p>
          ) : (
            <p>{t('pb.unanswered', { count: pb.unanswered })}</p>
          )}
          {pb.can.complete ? (
            <button type="submit">{t('pb.completeSubmit', { body: view.bodyName })}</button>
          ) : null}
        </Form>
      ) : null}
    </>
  )
}
