import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from '@remix-run/react'
import { z } from 'zod'
import { can } from '#machines/proposal-workflow'
import { FormErrors } from '~/components/forms'
import { formDataOf } from '~/utils/multipart.server'
import { actorFor } from '~/workflow/actor.server'
import { applySimpleEvent, simpleEvent } from '~/workflow/simple-events.server'
import { IndicatorChart, RagTag } from '~/components/monitoring/indicator-chart'
import { DueTag } from '~/components/monitoring/due-tag'
import { pageTitle } from '~/utils/meta'
import { formatDate, serviceDate } from '~/utils/calendar'
import { CONDITION_SOURCE_LABELS, CONDITION_STATUS_LABELS, MEASURE_LABELS, OUTCOME_LABELS, TRIGGER_LABELS } from '#machines/vocabulary/monitoring'
import { getMonitoringView } from '~/workflow/monitoring/view.server'
import { requireProposal } from '~/workflow/proposal-access.server'
import { DataTable } from '~/components/data-table'

export const meta: MetaFunction = () => pageTitle('Monitoring')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, proposal, snapshot } = await requireProposal(request, params)
  const view = await getMonitoringView(db, { proposal, snapshot, user, today: serviceDate(new Date()) })
  // The same question the overview asks the machine before offering the start.
  const canStart = can(snapshot, simpleEvent('monitoring.start', actorFor(user)))
  return { proposalId: proposal.id, stage: proposal.stage, view, canStart, version: proposal.version }
}

const StartSchema = z.object({ intent: z.literal('monitoring.start'), version: z.coerce.number().int().positive() })

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, proposal } = await requireProposal(request, params)
  const submission = parseWithZod(await formDataOf(request), { schema: StartSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const result = await applySimpleEvent(db, { user, proposalId: proposal.id, type: 'monitoring.start', expectedVersion: submission.value.version })
  if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: result.status })
  throw redirect(`/proposals/${proposal.id}/monitoring`)
}

const BEFORE_MONITORING = new Set(['draft', 'screening', 'consultation', 'decision'])

export default function MonitoringPage() {
  const { proposalId, stage, view, canStart, version } = useLoaderData<typeof loader>()
  const startResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const { plan, actions } = view
  const base = `/proposals/${proposalId}/monitoring`
  const openRound = view.rounds.find((r) => r.closedOn === null)
  return (
    <>
      <h2>Monitoring</h2>
      {!plan ? (
        <p>
          {BEFORE_MONITORING.has(stage)
            ? 'Monitoring begins once a decision approves the partnership with a monitoring plan.'
            : 'No monitoring plan was set for this partnership.'}
        </p>
      ) : (
        <section aria-labelledby="plan-heading" className="panel">
          <h3 id="plan-heading">Review schedule</h3>
          <dl className="facts">
            <dt>Reviews</dt>
            <dd>
              {plan.interval}, from {formatDate(plan.startsOn)}
            </dd>
            <dt>Next review</dt>
            <dd>
              Review {plan.nextSlot}, due {formatDate(plan.nextDueOn)} {plan.dueState ? <DueTag state={plan.dueState} /> : null}
              {stage === 'approved' ? (
                <span className="muted"> (reviews begin once monitoring starts)</span>
              ) : stage !== 'monitoring' ? (
                <span className="muted"> (reviews resume when monitoring does)</span>
              ) : null}
            </dd>
            <dt>Responsible</dt>
            <dd>{plan.responsible}</dd>
          </dl>
        </section>
      )}

      {canStart ? (
        <Form method="post" className="panel stack" aria-labelledby="start-heading">
          <h3 id="start-heading">Start monitoring</h3>
          <p>The partnership is approved. Start monitoring when it begins, so that reviews fall due from the plan.</p>
          <FormErrors errors={startResult?.error?.[''] ?? undefined} />
          <input type="hidden" name="intent" value="monitoring.start" />
          <input type="hidden" name="version" value={version} />
          <button type="submit" disabled={navigation.state === 'submitting'}>
            Start monitoring
          </button>
        </Form>
      ) : null}

      {openRound ? (
        <section aria-labelledby="round-heading" className="notice warning">
          <h3 id="round-heading">{openRound.phase === 'reassessment' ? 'Being reassessed' : 'Suspended'}</h3>
          <p>
            <strong>{TRIGGER_LABELS[openRound.trigger]}</strong> on {formatDate(openRound.openedOn)}. {openRound.triggerSummary}
          </p>
          <p>
            {openRound.outcome
              ? `Proposed outcome, awaiting signature: ${OUTCOME_LABELS[openRound.outcome]}.`
              : 'No outcome has been proposed yet.'}{' '}
            <Link to={`${base}/reassessment`}>
              {actions.canRecord || actions.canSign ? 'Decide and sign the outcome' : 'See the reassessment'}
            </Link>
          </p>
        </section>
      ) : null}

      {actions.review || actions.incident || actions.escalate || actions.raiseConcern ? (
        <section aria-labelledby="monitoring-actions-heading">
          <h3 id="monitoring-actions-heading">What you can do</h3>
          <ul className="actions">
            {actions.review && plan ? (
              <li>
                <Link className="button" to={`${base}/review`}>
                  Record review {plan.nextSlot}
                </Link>
              </li>
            ) : null}
            {actions.incident ? (
              <li>
                <Link className="button secondary" to={`${base}/incident`}>
                  Record an incident
                </Link>
              </li>
            ) : null}
            {actions.raiseConcern ? (
              <li>
                <Link className="button secondary" to={`/proposals/${proposalId}/consultation#concerns`}>
                  Raise a concern
                </Link>
              </li>
            ) : null}
            {actions.escalate ? (
              <li>
                <Link className="button secondary" to={`${base}/escalate`}>
                  Escalate for reassessment
                </Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

      {view.indicators.length ? (
        <section aria-labelledby="indicators-heading">
          <h3 id="indicators-heading">Indicators</h3>
          {view.indicators.map((i) => (
            <div key={i.id} className="indicator">
              <IndicatorChart indicator={i} />
              <p className="muted">{MEASURE_LABELS[i.measure]}.</p>
            </div>
          ))}
        </section>
      ) : null}

      {view.conditions.length ? (
        <section aria-labelledby="conditions-heading">
          <h3 id="conditions-heading">Conditions</h3>
          <DataTable caption="Conditions and their status at the latest review" captionHidden>
            <thead>
              <tr>
                <th scope="col">Condition</th>
                <th scope="col">From</th>
                <th scope="col">At the latest review</th>
              </tr>
            </thead>
            <tbody>
              {view.conditions.map((k) => (
                <tr key={k.id}>
                  <td>{k.text}</td>
                  <td>{k.addedLater ? 'Reassessment' : CONDITION_SOURCE_LABELS[k.source]}</td>
                  <td>{k.latest ? CONDITION_STATUS_LABELS[k.latest] : 'Not yet checked'}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}

      {plan ? (
        <section aria-labelledby="reviews-heading">
          <h3 id="reviews-heading">Reviews</h3>
          {view.reviews.length === 0 ? (
            <p>No reviews recorded yet.</p>
          ) : (
            <DataTable caption="Reviews recorded, latest first" captionHidden>
              <thead>
                <tr>
                  <th scope="col">Review</th>
                  <th scope="col">Due</th>
                  <th scope="col">Reviewed</th>
                  <th scope="col">Status</th>
                  <th scope="col">Findings</th>
                  <th scope="col">Recorded by</th>
                </tr>
              </thead>
              <tbody>
                {view.reviews.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">Review {r.slot}</th>
                    <td>{formatDate(r.dueOn)}</td>
                    <td>{formatDate(r.reviewedOn)}</td>
                    <td>
                      <RagTag status={r.status} />
                    </td>
                    <td className="pre-line">
                      {r.escalation ? (
                        <>
                          <strong>{TRIGGER_LABELS[r.escalation]}.</strong>{' '}
                        </>
                      ) : null}
                      {r.narrative}
                    </td>
                    <td>{r.recordedBy}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </section>
      ) : null}

      {view.rounds.length ? (
        <section aria-labelledby="rounds-heading">
          <h3 id="rounds-heading">Reassessments and suspensions</h3>
          <ol className="timeline">
            {view.rounds.map((r) => (
              <li key={r.id}>
                <strong>
                  {r.phase === 'reassessment' ? 'Reassessment' : 'Suspension'} from {formatDate(r.openedOn)}
                </strong>
                : {TRIGGER_LABELS[r.trigger]}.
                {r.outcome && r.closedOn ? (
                  <>
                    {' '}
                    Outcome <strong>{OUTCOME_LABELS[r.outcome]}</strong>, signed {formatDate(r.closedOn)} by{' '}
                    {r.signatures.map((s) => s.name).join(' and ')}.
                    {r.newConditions.length ? ` Conditions added: ${r.newConditions.join('; ')}.` : ''}{' '}
                    {r.addendumId ? (
                      <>
                        <a href={`${base}/addenda/${r.addendumId}`} download>
                          Download the signed addendum (PDF)
                        </a>{' '}
                        · <Link to={`/verify/${r.addendumId}`}>verify it</Link>
                      </>
                    ) : null}
                  </>
                ) : (
                  ' Still open.'
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="incidents-heading">
        <h3 id="incidents-heading">Incidents</h3>
        {view.incidents.length === 0 ? (
          <p>No incidents recorded.</p>
        ) : (
          <DataTable caption="Incidents linked to this partnership, latest first" captionHidden>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Where</th>
                <th scope="col">What happened</th>
                <th scope="col">Who was involved</th>
                <th scope="col">Action taken</th>
                <th scope="col">Recorded by</th>
              </tr>
            </thead>
            <tbody>
              {view.incidents.map((n) => (
                <tr key={n.id}>
                  <td>
                    {formatDate(n.occurredOn)}
                    {n.occurredTime ? `, ${n.occurredTime}` : ''}
                  </td>
                  <td>{n.location}</td>
                  <td className="pre-line">{n.description}</td>
                  <td>{n.rolesInvolved.join(', ')}</td>
                  <td className="pre-line">{n.actionTaken}</td>
                  <td>{n.recordedBy}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </>
  )
}
