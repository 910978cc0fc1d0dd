import { getFormProps, getInputProps, getTextareaProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  type MetaFunction,
} from '@remix-run/react'
import { describedBy, Field, FormErrors } from '~/components/forms'
import { appContext } from '~/utils/app-context.server'
import { mailSettings } from '~/utils/mail.server'
import { pageTitle } from '~/utils/meta'
import { useIntentForm, type IntentReply } from '~/utils/use-intent-form'
import { formatDate } from '~/utils/calendar'
import {
  LIMITS,
  StaffFormSchema,
  StaffOpenSchema,
  UnionSchema,
} from '~/workflow/consultation/forms'
import {
  completeStaffConsultation,
  openStaffConsultation,
  recordUnionResponse,
} from '~/workflow/consultation/staff.server'
import { getConsultationView } from '~/workflow/consultation/view.server'
import { refusalReply } from '~/workflow/refusal'
import { requireProposal } from '~/workflow/proposal-access.server'
import { formDataOf } from '~/utils/multipart.server'

import { AnonymityNotice, type AnonymityInfo } from '~/components/anonymity-notice'
import { anonymityInfo } from '~/workflow/consultation/release-anonymous.server'

export const meta: MetaFunction = () => pageTitle('Staff consultation')

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
  // The proposer runs the staff consultation; staff take part on the consultation page.
  if (!view.isProposer) throw redirect(`/proposals/${proposal.id}/consultation`)
  return { proposalId: proposal.id, view, anonymity: await anonymityInfo(db, user.organisationId) }
}

type Reply = IntentReply

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, proposal } = await requireProposal(request, params)
  const { config } = await appContext()
  const submission = parseWithZod(await formDataOf(request), { schema: StaffFormSchema })
  if (submission.status !== 'success') {
    return data<Reply>(
      { intent: String(submission.payload.intent ?? ''), result: submission.reply() },
      { status: 400 },
    )
  }
  const v = submission.value
  const base = { user, proposalId: proposal.id }
  const result =
    v.intent === 'staff.open'
      ? await openStaffConsultation(db, {
          ...base,
          closesOn: v.closesOn,
          summary: v.summary,
          mail: mailSettings(config),
          expectedVersion: v.version,
        })
      : v.intent === 'union.record'
        ? await recordUnionResponse(db, {
            ...base,
            unionName: v.unionName,
            consultedOn: v.consultedOn,
            response: v.response,
          })
        : await completeStaffConsultation(db, { ...base, expectedVersion: v.version })
  if (!result.ok) {
    const reply = refusalReply(result)
    return data<Reply>(
      { intent: v.intent, result: submission.reply(reply) },
      { status: result.status },
    )
  }
  throw redirect(
    v.intent === 'union.record'
      ? `/proposals/${proposal.id}/consultation/staff`
      : `/proposals/${proposal.id}/consultation`,
  )
}

function OpenForm({
  version,
  earliest,
  minDays,
  anonymity,
}: {
  version: number
  earliest: string
  minDays: number
  anonymity: AnonymityInfo
}) {
  const navigation = useNavigation()
  const [form, fields] = useIntentForm(StaffOpenSchema, {
    id: 'staff-open',
    intent: 'staff.open',
    defaultValue: { closesOn: earliest },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <h3>Open the staff consultation</h3>
      <p>Every member of staff is told at once, in Probity and by e-mail.</p>
      <AnonymityNotice info={anonymity} audience="chief" />
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="staff.open" />
      <input type="hidden" name="version" value={version} />
      <Field
        id={fields.summary.id}
        label="Summary for staff"
        hint="What is proposed and why, in plain words. Staff read this before raising concerns."
        errors={fields.summary.errors}
      >
        <textarea
          {...getTextareaProps(fields.summary)}
          rows={8}
          maxLength={LIMITS.summary}
          {...describedBy(fields.summary.id, { hint: true, errors: fields.summary.errors })}
        />
      </Field>
      <Field
        id={fields.closesOn.id}
        label="Closing date"
        hint={`Staff have at least ${minDays} days: ${formatDate(earliest)} at the earliest. Concerns are accepted until the end of that day.`}
        errors={fields.closesOn.errors}
      >
        <input
          {...getInputProps(fields.closesOn, { type: 'date' })}
          min={earliest}
          {...describedBy(fields.closesOn.id, { hint: true, errors: fields.closesOn.errors })}
        />
      </Field>
      <button type="submit" disabled={navigation.state === 'submitting'}>
        Open the consultation and notify staff
      </button>
    </Form>
  )
}

function UnionForm({ today }: { today: string }) {
  const navigation = useNavigation()
  const [form, fields] = useIntentForm(UnionSchema, {
    id: 'union',
    intent: 'union.record',
    defaultValue: { consultedOn: today },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="union.record" />
      <Field id={fields.unionName.id} label="Union" errors={fields.unionName.errors}>
        <input
          {...getInputProps(fields.unionName, { type: 'text' })}
          maxLength={LIMITS.short}
          {...describedBy(fields.unionName.id, { errors: fields.unionName.errors })}
        />
      </Field>
      <Field
        id={fields.consultedOn.id}
        label="Date of their response"
        errors={fields.consultedOn.errors}
      >
        <input
          {...getInputProps(fields.consultedOn, { type: 'date' })}
          max={today}
          {...describedBy(fields.consultedOn.id, { errors: fields.consultedOn.errors })}
        />
      </Field>
      <Field id={fields.response.id} label="Their response" errors={fields.response.errors}>
        <textarea
          {...getTextareaProps(fields.response)}
          maxLength={LIMITS.summary}
          {...describedBy(fields.response.id, { errors: fields.response.errors })}
        />
      </Field>
      <button type="submit" disabled={navigation.state === 'submitting'}>
        Record the union’s response
      </button>
    </Form>
  )
}

export default function StaffConsultation() {
  const { proposalId, view, anonymity } = useLoaderData<typeof loader>()
  const staff = view.staff
  const actionData = useActionData<typeof action>()
  const completeErrors =
    actionData?.intent === 'staff.complete' ? actionData.result.error?.[''] : undefined
  return (
    <>
      <p>
        <Link to={`/proposals/${proposalId}/consultation`}>Back to the consultation</Link>
      </p>
      <h2>Staff consultation</h2>
      {staff.can.open ? (
        <OpenForm
          version={view.version}
          earliest={staff.earliestClosingDate}
          minDays={staff.minDays}
          anonymity={anonymity}
        />
      ) : null}
      {staff.consultation ? (
        <section aria-labelledby="open-heading" className="panel">
          <h3 id="open-heading">Open since {formatDate(staff.consultation.openedOn)}</h3>
          <p>
            {staff.consultation.closed ? 'Closed at the end of' : 'Closes at the end of'}{' '}
            {formatDate(staff.consultation.closesOn)}.{' '}
            {view.concerns.length === 1 ? 'One concern' : `${view.concerns.length} concerns`}{' '}
            raised;{' '}
            {view.concerns.filter((c) => c.response === null && c.hiddenReason === null).length}{' '}
            awaiting a response.
          </p>
          <p>
            <Link to={`/proposals/${proposalId}/consultation#concerns`}>
              Read and answer the concerns
            </Link>
          </p>
        </section>
      ) : null}
      {staff.state === 'open' ? (
        <section aria-labelledby="union-heading">
          <h3 id="union-heading">Trade union</h3>
          {staff.union ? (
            <p>
              <strong>{staff.union.unionName}</strong> responded on{' '}
              {formatDate(staff.union.consultedOn)}: {staff.union.response}
            </p>
          ) : (
            <p>
              {staff.unionRequired
                ? 'The recognised union’s response is needed before this consultation can complete.'
                : 'The service recognises no trade union; you may still record a union’s response.'}
            </p>
          )}
          {staff.can.union ? <UnionForm today={view.today} /> : null}
        </section>
      ) : null}
      {staff.state === 'open' ? (
        <Form method="post" className="panel stack">
          <h3>Complete the staff consultation</h3>
          <FormErrors errors={completeErrors ?? undefined} />
          <input type="hidden" name="intent" value="staff.complete" />
          <input type="hidden" name="version" value={view.version} />
          {staff.blockers.length > 0 ? (
            <>
              <p>Before it can complete:</p>
              <ul>
                {staff.blockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>The consultation has closed and every concern has an answer.</p>
          )}
          {staff.can.complete ? (
            <button type="submit">Complete the staff consultation</button>
          ) : null}
        </Form>
      ) : null}
    </>
  )
}
