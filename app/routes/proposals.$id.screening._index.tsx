import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, type MetaFunction } from '@remix-run/react'
import { z } from 'zod'
import { type ProposalEvent } from '#machines/proposal-events'
import { can } from '#machines/proposal-workflow'
import { ChoiceGroup, TextAreaField } from '~/components/form-controls'
import { FormErrors } from '~/components/forms'
import { ScreeningResults } from '~/components/screening-results'
import { pageTitle } from '~/utils/meta'
import { actorFor } from '~/workflow/actor.server'
import { eligibleReviewers, reviewerChoiceProblem } from '~/workflow/intake/intake.server'
import { requireProposal } from '~/workflow/proposal-access.server'
import { reviewerStatus, type ReviewerStatus } from '~/workflow/screening/access'
import { DeclarationSchema } from '~/workflow/screening/review-schema'
import { addReviewers, declareInterest, finishScreening, screeningView } from '~/workflow/screening/screening.server'
import { formDataOf } from '~/utils/multipart.server'
import { DataTable } from '~/components/data-table'

export const meta: MetaFunction = () => pageTitle('Ethics screening')

const STATUS_LABELS: Record<ReviewerStatus, string> = {
  assigned: 'Has not yet declared any conflict of interest',
  cleared: 'Declared no conflict; scoring',
  recused: 'Recused',
  submitted: 'Submitted their review',
}

const ActionSchema = z.discriminatedUnion('intent', [
  DeclarationSchema.safeExtend({ intent: z.literal('declare') }),
  z.object({
    intent: z.literal('assign'),
    version: z.number().int().positive(),
    reviewerIds: z.array(z.uuid('Choose reviewers from the list'), { error: 'Choose at least one reviewer' }).min(1, 'Choose at least one reviewer').max(20),
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
  const submission = parseWithZod(await formDataOf(request), { schema: ActionSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const target = { actor: actorFor(user), organisationId: user.organisationId, proposalId: proposal.id }
  const v = submission.value
  if (v.intent === 'assign') {
    const problem = await reviewerChoiceProblem(db, user.organisationId, proposal.proposerId, v.reviewerIds)
    if (problem) return data(submission.reply({ fieldErrors: { reviewerIds: [problem] } }), { status: 400 })
  }
  const result =
    v.intent === 'declare'
      ? await declareInterest(db, { ...target, conflict: v.conflict === 'yes', reason: v.reason })
      : v.intent === 'assign'
        ? await addReviewers(db, { ...target, reviewerIds: v.reviewerIds, expectedVersion: v.version })
        : await finishScreening(db, { ...target, expectedVersion: v.version })
  if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: result.status })
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
  return (
    <section aria-labelledby="declare-heading" className="panel">
      <h2 id="declare-heading">Declare any conflict of interest</h2>
      <p>
        Before you read the papers, say whether you have any interest in the partner or its contractor: work, money,
        family, or anything a fair observer would think could sway you. If you do, you are recused and the proposer
        assigns someone else.
      </p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="declare" />
        <ChoiceGroup
          field={fields.conflict}
          legend="Do you have a conflict of interest?"
          type="radio"
          options={[
            { value: 'no', label: 'No, I have no conflict of interest' },
            { value: 'yes', label: 'Yes, I have a conflict and should be recused' },
          ]}
        />
        <TextAreaField field={fields.reason} label="If so, what is the conflict?" hint="Recorded on the proposal’s record." rows={3} />
        <button type="submit">Record my declaration</button>
      </Form>
    </section>
  )
}

export default function Screening() {
  const d = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [assignForm, assignFields] = useForm<{ reviewerIds: string[] }>({ id: 'assign', lastResult })
  const active = d.reviewers.filter((r) => r.status !== 'recused').length
  return (
    <>
      <h2>Ethics screening</h2>
      {/* One place for refusals of any form on this page; field errors sit by their fields. */}
      <FormErrors errors={lastResult?.error?.[''] ?? undefined} />
      {!d.started ? (
        <p>Screening starts when the proposer submits the proposal.</p>
      ) : (
        <p>
          Rubric version {d.rubric.version}. {d.submitted} of at least {d.minReviewers} reviews submitted.
        </p>
      )}
      {d.canDeclare ? <Declaration lastResult={lastResult} /> : null}
      {d.canScore ? (
        <p className="notice">
          You have declared no conflict of interest. <Link to="review">Score this proposal</Link>: your scores stay
          hidden from other reviewers, and theirs from you, until you submit.
        </p>
      ) : null}
      {d.myStatus === 'submitted' && d.stage === 'screening' ? <p className="notice success">You have submitted your review.</p> : null}
      {d.myStatus === 'recused' ? <p className="notice">You are recused from this proposal.</p> : null}

      {d.reviewers.length ? (
        <DataTable caption="Reviewers">
          <thead>
            <tr>
              <th scope="col">Reviewer</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {d.reviewers.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>
                  {STATUS_LABELS[r.status]}
                  {r.conflictReason ? `: ${r.conflictReason}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}

      {d.candidates.length ? (
        <section aria-labelledby="assign-heading" className="panel">
          <h2 id="assign-heading">Add a reviewer</h2>
          {active < d.minReviewers ? (
            <p className="notice warning">
              Only {active} reviewer{active === 1 ? '' : 's'} can screen this proposal; at least {d.minReviewers} are needed.
              Assign a replacement.
            </p>
          ) : null}
          <Form method="post" {...getFormProps(assignForm)} className="stack">
            <input type="hidden" name="intent" value="assign" />
            <input type="hidden" name="version" value={d.version} />
            <ChoiceGroup
              field={assignFields.reviewerIds}
              legend="Reviewers to add"
              type="checkbox"
              options={d.candidates.map((c) => ({ value: c.id, label: c.name }))}
            />
            <button type="submit">Assign</button>
          </Form>
        </section>
      ) : null}

      {d.canComplete ? (
        <Form method="post" className="panel">
          <input type="hidden" name="intent" value="complete" />
          <input type="hidden" name="version" value={d.version} />
          <p>Enough reviewers have submitted. Completing screening opens the consultation.</p>
          <button type="submit">Complete ethics screening</button>
        </Form>
      ) : null}

      {d.result ? (
        <ScreeningResults result={d.result} />
      ) : d.started ? (
        <p>
          Results appear here once at least {d.minReviewers} reviewers have submitted
          {d.myStatus === 'assigned' || d.myStatus === 'cleared' ? ', and you have submitted yours' : ''}.
        </p>
      ) : null}
    </>
  )
}
