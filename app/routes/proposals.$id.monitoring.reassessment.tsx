import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from '@remix-run/react'
import { z } from 'zod'
import { describedBy, ErrorList, Field, FormErrors } from '~/components/forms'
import { appContext } from '~/utils/app-context.server'
import { mailSettings } from '~/utils/mail.server'
import { pageTitle } from '~/utils/meta'
import { formatDate, serviceDate } from '~/utils/calendar'
import { refusalReply } from '~/workflow/refusal'
import { ReassessmentOutcomeSchema, SignSchema, SuspensionOutcomeSchema } from '~/workflow/monitoring/forms'
import { outcomeActions, recordOutcome, signOutcome } from '~/workflow/monitoring/reassessment.server'
import { OUTCOME_LABELS, REASSESSMENT_OUTCOMES, SUSPENSION_OUTCOMES, TRIGGER_LABELS } from '#machines/vocabulary/monitoring'
import { getMonitoringView } from '~/workflow/monitoring/view.server'
import { requireProposal } from '~/workflow/proposal-access.server'
import { formDataOf } from '~/utils/multipart.server'
import { ssoProblemMessage } from '~/utils/sso/problems'
import { SignWithSsoSchema } from '~/workflow/decision/decision-schema'
import { beginReauthenticationToSign } from '~/workflow/signing/reauthenticate.server'

export const meta: MetaFunction = () => pageTitle('Reassessment', 'Monitoring')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireProposal(request, params)
  const view = await getMonitoringView(db, { proposal, snapshot, user, today: serviceDate(new Date()) })
  const round = view.rounds.find((r) => r.closedOn === null) ?? null
  return {
    proposalId: proposal.id,
    version: proposal.version,
    round,
    actions: outcomeActions(snapshot, user),
    requiredSignatures: snapshot.context.requiredSignatures,
    signWithSso: user.signInMethod === 'sso',
    ssoProblem: ssoProblemMessage(new URL(request.url).searchParams.get('sso')) ?? null,
  }
}

const RecordSchemas = { reassessment: ReassessmentOutcomeSchema, suspension: SuspensionOutcomeSchema }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireProposal(request, params)
  const { phase } = outcomeActions(snapshot, user)
  if (!phase) throw new Response('This partnership is not being reassessed.', { status: 409 })
  const formData = await formDataOf(request)
  const here = `/proposals/${proposal.id}/monitoring/reassessment`
  if (formData.get('intent') === 'sign' && user.signInMethod === 'sso') {
    const submission = parseWithZod(formData, { schema: SignWithSsoSchema })
    if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
    const started = await beginReauthenticationToSign(
      db,
      await appContext(),
      user,
      { kind: 'outcome', proposalId: proposal.id, version: submission.value.version },
      here,
    )
    if (!started.ok) return data(submission.reply({ formErrors: [started.message] }), { status: started.status })
    throw redirect(started.location, { headers: { 'Set-Cookie': started.cookie } })
  }
  const schema = z.discriminatedUnion('intent', [RecordSchemas[phase], SignSchema])
  const submission = parseWithZod(formData, { schema })
  // A password is never sent back to the page.
  const hideFields = ['password']
  if (submission.status !== 'success') return data(submission.reply({ hideFields }), { status: 400 })
  const v = submission.value
  if (v.intent === 'record') {
    const result = await recordOutcome(db, {
      user,
      proposalId: proposal.id,
      values: { outcome: v.outcome, rationale: v.rationale, newConditions: 'newConditions' in v ? v.newConditions : [] },
      expectedVersion: v.version,
    })
    if (!result.ok) return data(submission.reply({ ...refusalReply(result), hideFields }), { status: result.status })
    throw redirect(`/proposals/${proposal.id}/monitoring/reassessment`)
  }
  const { config, secret } = await appContext()
  const result = await signOutcome(db, {
    user,
    proposalId: proposal.id,
    password: v.password,
    signing: config,
    secret,
    mail: mailSettings(config),
    clientAddress: context.clientAddress ?? 'unknown',
    expectedVersion: v.version,
  })
  if (!result.ok) return data(submission.reply({ ...refusalReply(result), hideFields }), { status: result.status })
  throw redirect(result.closed ? `/proposals/${proposal.id}/monitoring` : `/proposals/${proposal.id}/monitoring/reassessment`)
}

export default function Reassessment() {
  const { proposalId, version, round, actions, requiredSignatures, signWithSso, ssoProblem } = useLoaderData<typeof loader>()
  if (!round || !actions.phase) {
    return (
      <>
        <h2>Reassessment</h2>
        <p>
          This partnership is not being reassessed. <Link to={`/proposals/${proposalId}/monitoring`}>Back to monitoring</Link>
        </p>
      </>
    )
  }
  const signed = round.signatures.length
  return (
    <>
      <h2>{round.phase === 'reassessment' ? 'Reassessment' : 'Suspension'}</h2>
      <section aria-labelledby="trigger-heading" className="panel">
        <h3 id="trigger-heading">Why</h3>
        <p>
          <strong>{TRIGGER_LABELS[round.trigger]}</strong>, {formatDate(round.openedOn)}.
        </p>
        <p className="pre-line">{round.triggerSummary}</p>
        <p>
          <Link to={`/proposals/${proposalId}/monitoring`}>See the indicators, conditions and reviews</Link>
        </p>
      </section>
      {round.outcome ? (
        <section aria-labelledby="proposed-heading">
          <h3 id="proposed-heading">Proposed outcome</h3>
          <dl className="facts">
            <dt>Outcome</dt>
            <dd>{OUTCOME_LABELS[round.outcome]}</dd>
            <dt>Reasons</dt>
            <dd className="pre-line">{round.rationale}</dd>
            {round.newConditions.length ? (
              <>
                <dt>Conditions to add</dt>
                <dd>
                  <ul>
                    {round.newConditions.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            <dt>Proposed by</dt>
            <dd>{round.recordedBy ?? 'the chief librarian'}</dd>
            <dt>Signatures</dt>
            <dd>
              {signed} of {requiredSignatures}
              {signed ? `: ${round.signatures.map((s) => s.name).join(', ')}` : ''}
            </dd>
          </dl>
        </section>
      ) : null}
      {actions.canSign && round.outcome ? <SignForm version={version} withSso={signWithSso} problem={ssoProblem} /> : null}
      {actions.canRecord ? <OutcomeForm phase={round.phase} version={version} hasOutcome={!!round.outcome} /> : null}
      {!actions.canSign && !actions.canRecord ? (
        <p>Nothing here needs you now. The chief librarian proposes the outcome and the signatories sign it.</p>
      ) : null}
    </>
  )
}

function OutcomeForm({ phase, version, hasOutcome }: { phase: 'reassessment' | 'suspension'; version: number; hasOutcome: boolean }) {
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const schema = RecordSchemas[phase]
  const [form, fields] = useForm({
    id: 'outcome',
    lastResult: lastResult?.initialValue?.intent === 'record' ? lastResult : undefined,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: 'onBlur',
    defaultValue: { intent: 'record', version: String(version) },
  })
  const outcomes = phase === 'reassessment' ? REASSESSMENT_OUTCOMES : SUSPENSION_OUTCOMES
  const outcomeError = `${fields.outcome.id}-error`
  // Conform's fields answer any name (and `in` sees none), so the phase says whether this form has the field.
  const conditions = phase === 'reassessment' ? (fields as Extract<typeof fields, { newConditions: unknown }>).newConditions : null
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <h3>{hasOutcome ? 'Change the proposed outcome' : 'Propose the outcome'}</h3>
      <p className="hint">Until someone signs, the outcome can still be changed.</p>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="record" />
      <input {...getInputProps(fields.version, { type: 'hidden' })} />
      <fieldset className="field choices" aria-describedby={fields.outcome.errors?.length ? outcomeError : undefined}>
        <legend>Outcome</legend>
        <ErrorList id={outcomeError} errors={fields.outcome.errors} />
        {outcomes.map((o) => (
          <div key={o} className="choice">
            <input type="radio" id={`outcome-${o}`} name={fields.outcome.name} value={o} defaultChecked={fields.outcome.initialValue === o} required />
            <label htmlFor={`outcome-${o}`}>{OUTCOME_LABELS[o]}</label>
          </div>
        ))}
      </fieldset>
      <Field id={fields.rationale.id} label="Reasons" errors={fields.rationale.errors}>
        <textarea {...getTextareaProps(fields.rationale)} rows={5} {...describedBy(fields.rationale.id, { errors: fields.rationale.errors })} />
      </Field>
      {conditions ? (
        <Field
          id={conditions.id}
          label="Conditions to add"
          hint="Only when continuing with added conditions. One condition a line; each is checked at every review from now on."
          errors={conditions.errors}
        >
          <textarea {...getTextareaProps(conditions)} rows={4} {...describedBy(conditions.id, { hint: true, errors: conditions.errors })} />
        </Field>
      ) : null}
      <button type="submit" className="secondary" disabled={navigation.state === 'submitting'}>
        {hasOutcome ? 'Change the outcome' : 'Propose this outcome'}
      </button>
    </Form>
  )
}

function SignForm({ version, withSso, problem }: { version: number; withSso: boolean; problem: string | null }) {
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const schema = withSso ? SignWithSsoSchema : SignSchema
  const mine = lastResult?.initialValue?.intent === 'sign' ? lastResult : undefined
  const [form, fields] = useForm<{ intent: 'sign'; version: number; password?: string }>({
    id: 'sign',
    lastResult: mine,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: { intent: 'sign', version: String(version) },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack panel">
      <h3>Sign the outcome</h3>
      <p>
        Signing puts your name to this outcome. When the last signature is given the outcome takes effect and a signed
        addendum to the decision record is issued.
      </p>
      <FormErrors errors={form.errors ?? (problem && !mine ? [problem] : undefined)} />
      <input type="hidden" name="intent" value="sign" />
      <input {...getInputProps(fields.version, { type: 'hidden' })} />
      {withSso ? (
        <p>You signed in with single sign-on: your identity provider asks you to sign in again, then brings you back here and the outcome is signed.</p>
      ) : (
        <Field id={fields.password.id} label="Your password" hint="Enter the password you sign in with, to confirm it is you." errors={fields.password.errors}>
          <input
            {...getInputProps(fields.password, { type: 'password' })}
            autoComplete="current-password"
            {...describedBy(fields.password.id, { hint: true, errors: fields.password.errors })}
          />
        </Field>
      )}
      <button type="submit" disabled={navigation.state === 'submitting'}>
        {withSso ? 'Sign in again and sign' : 'Sign with my password'}
      </button>
    </Form>
  )
}
