import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { listAuditEntries, verifyEntries } from '#db/audit.server'
import { listUsers } from '#db/users.server'
import { can } from '#machines/proposal-workflow'
import { Field, FormErrors } from '~/components/forms'
import { IntakeSummary } from '~/components/intake-summary'
import { actorFor } from '~/workflow/actor.server'
import { papersFor } from '~/workflow/intake/intake.server'
import { requireProposal } from '~/workflow/proposal-access.server'
import { canSeePapers } from '~/workflow/screening/access'
import { SIMPLE_EVENTS, SimpleEventSchema, type SimpleEventType } from '~/workflow/simple-events'
import { applySimpleEvent, simpleEvent } from '~/workflow/simple-events.server'
import { describeAuditEntry } from '~/utils/audit-summary'
import { formDataOf } from '~/utils/multipart.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireProposal(request, params)
  const actor = actorFor(user)
  const [entries, people] = await Promise.all([listAuditEntries(db, proposal.id), listUsers(db, user.organisationId)])
  const names = new Map(people.map((p) => [p.id, p.name]))
  const chain = verifyEntries(proposal.id, entries)
  // A reviewer declares any conflict having seen only the title, partner and contractor.
  const papersVisible = canSeePapers(snapshot, user.id)
  return {
    description: papersVisible ? proposal.description : '',
    papers: await papersFor(db, proposal, papersVisible),
    canEdit: can(snapshot, { type: 'proposal.update', actor }),
    version: proposal.version,
    actions: (Object.keys(SIMPLE_EVENTS) as SimpleEventType[])
      // A placeholder reason: the machine checks who and when; the form asks for the real one.
      .filter((type) => can(snapshot, simpleEvent(type, actor, 'reason')))
      .map((type) => ({ type, ...SIMPLE_EVENTS[type] })),
    chain: chain.ok ? { ok: true as const, length: chain.length, headHash: chain.headHash } : { ok: false as const, brokenAtSeq: chain.brokenAtSeq },
    timeline: entries.map((e) => ({
      seq: e.seq,
      at: e.actorKind === 'anonymous_staff' ? e.at.toISOString().slice(0, 10) : e.at.toISOString().replace('T', ' ').slice(0, 16),
      eventType: e.eventType,
      summary: describeAuditEntry(e),
      who:
        e.actorKind === 'user'
          ? (names.get(e.actorId ?? '') ?? 'a former member of staff')
          : e.actorKind === 'system'
            ? 'Probity'
            : 'an anonymous member of staff',
    })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, proposal } = await requireProposal(request, params)
  const submission = parseWithZod(await formDataOf(request), { schema: SimpleEventSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const { intent, version, reason } = submission.value
  if (SIMPLE_EVENTS[intent].needsReason && !reason) {
    return data(submission.reply({ fieldErrors: { reason: ['Give a reason'] } }), { status: 400 })
  }
  const result = await applySimpleEvent(db, { user, proposalId: proposal.id, type: intent, reason, expectedVersion: version })
  if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: result.status })
  throw redirect(`/proposals/${proposal.id}`)
}

export default function ProposalOverview() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        {d.papers ? (
          <p>{d.description || 'No description yet.'}</p>
        ) : (
          <p>
            You will see the proposal once you have <Link to="screening">declared any conflict of interest</Link>.
          </p>
        )}
        {d.canEdit ? (
          <p>
            <Link className="button" to="edit">
              Edit or submit the proposal
            </Link>
          </p>
        ) : null}
      </section>
      {d.papers ? <IntakeSummary summary={d.papers.summary} attachments={d.papers.attachments} /> : null}
      <section aria-labelledby="actions-heading" className="panel">
        <h2 id="actions-heading">What you can do now</h2>
        <FormErrors errors={result?.error?.[''] ?? undefined} />
        {d.actions.length === 0 ? (
          <p>Nothing here needs you at this stage. The sections above show what is under way.</p>
        ) : (
          d.actions.map((a) => (
            <Form method="post" key={a.type} className="stack">
              <input type="hidden" name="intent" value={a.type} />
              <input type="hidden" name="version" value={d.version} />
              {a.needsReason ? (
                <Field id={`reason-${a.type}`} label="Reason" errors={result?.error?.reason ?? undefined}>
                  <textarea id={`reason-${a.type}`} name="reason" maxLength={2000} required />
                </Field>
              ) : null}
              <button type="submit" className={a.type === 'proposal.withdraw' ? 'warning' : undefined}>
                {a.label}
              </button>
            </Form>
          ))
        )}
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <p>
          {d.chain.ok ? (
            <span className="badge-ok">✓ Chain verified: {d.chain.length} entries, head {d.chain.headHash.slice(0, 16)}…</span>
          ) : (
            <span className="badge-bad">✗ The history chain is broken at entry {d.chain.brokenAtSeq}</span>
          )}
        </p>
        <ol className="timeline">
          {d.timeline.map((e) => (
            <li key={e.seq}>
              <strong>{e.summary}</strong>
              <br />
              <span className="muted">
                #{e.seq} · {e.at} · by {e.who}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}
