import { type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, type MetaFunction } from '@remix-run/react'
import { PapersList, RecommendationAnswer } from '~/components/consultation'
import { FormErrors } from '~/components/forms'
import { appContext } from '~/utils/app-context.server'
import { mailSettings } from '~/utils/mail.server'
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_LABEL } from '~/utils/attachments.server'
import { pageTitle } from '~/utils/meta'
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

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? `${data.view.bodyName} consultation` : 'Professional body consultation')

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
  return {
    proposalId: proposal.id,
    view,
    papers: await listConsultationPapers(db, proposal.id),
    papersHint: `Optional. PDF, Word (.docx) or OpenDocument (.odt), up to ${MAX_PAPERS} files of ${MAX_ATTACHMENT_LABEL} each.`,
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
  const read = await readForm(request, {
    maxFiles: MAX_PAPERS,
    maxFileBytes: MAX_ATTACHMENT_BYTES,
    tooLarge: `Attach files of at most ${MAX_ATTACHMENT_LABEL} each`,
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
  const base = { user, proposalId: proposal.id }
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
  const generalError =
    actionData && ['upload', 'pb.complete'].includes(actionData.intent)
      ? actionData.result.error?.['']
      : undefined
  return (
    <>
      <p>
        <Link to={`/proposals/${proposalId}/consultation`}>Back to the consultation</Link>
      </p>
      <h2>{view.bodyName} consultation</h2>
      <FormErrors errors={generalError ?? undefined} />
      {pb.request ? (
        <section aria-labelledby="request-heading" className="panel">
          <h3 id="request-heading">Request</h3>
          <p>
            Sent to {pb.request.contact} on {formatDate(pb.request.sentOn)}; response due by{' '}
            {formatDate(pb.request.deadline)}.
          </p>
          <p className="prewrap">{pb.request.shared}</p>
          <PapersList proposalId={proposalId} label="Papers sent" papers={papers.request} />
        </section>
      ) : null}
      {pb.can.request ? (
        <RequestForm version={view.version} today={view.today} bodyName={view.bodyName} />
      ) : null}
      {pb.can.respond ? (
        <ResponseForm version={view.version} today={view.today} bodyName={view.bodyName} />
      ) : null}
      {pb.state === 'awaitingResponse' && !pb.can.close && pb.request ? (
        <p className="muted">
          If nothing arrives, you can close this consultation with a note once the deadline (
          {formatDate(pb.request.deadline)}) has passed.
        </p>
      ) : null}
      {pb.can.close ? <CloseForm version={view.version} /> : null}
      {pb.response ? (
        <section aria-labelledby="response-heading">
          <h3 id="response-heading">Response received {formatDate(pb.response.receivedOn)}</h3>
          <p className="prewrap">{pb.response.summary}</p>
          <PapersList proposalId={proposalId} label="Their letter" papers={papers.response} />
          {pb.recommendations.map((r) => (
            <article
              key={r.id}
              id={`recommendation-${r.id}`}
              className="concern"
              aria-labelledby={`recommendation-${r.id}-heading`}
            >
              <h4 id={`recommendation-${r.id}-heading`}>Recommendation {r.position}</h4>
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
            <p>Every recommendation has an answer.</p>
          ) : (
            <p>
              {pb.unanswered === 1
                ? 'One recommendation still needs'
                : `${pb.unanswered} recommendations still need`}{' '}
              an answer before this consultation can be completed.
            </p>
          )}
          {pb.can.complete ? (
            <button type="submit">Complete the {view.bodyName} consultation</button>
          ) : null}
        </Form>
      ) : null}
    </>
  )
}
