import { Link } from '@remix-run/react'
import { type WaitingAction, type WaitingItem } from '~/workflow/waiting/waiting-for-you.server'

const WHAT: Record<WaitingAction, (count: number) => string> = {
  sign_decision: () => 'Sign the decision',
  sign_reassessment: () => 'Sign the reassessment outcome',
  sign_suspension: () => 'Sign the outcome of the suspension',
  declare_interests: () => 'Declare any conflict of interest',
  submit_review: () => 'Score the criteria and submit your review',
  answer_recommendation: (n) => (n === 1 ? 'Answer the professional body’s recommendation' : `Answer ${n} professional body recommendations`),
  answer_concern: (n) => (n === 1 ? 'Answer a staff concern' : `Answer ${n} staff concerns`),
  record_review: () => 'Record the monitoring review that is due',
}

/** Everything the workflow lets this person do now, each linked to where they do it. */
export function WaitingForYou({ items }: { items: WaitingItem[] }) {
  return (
    <section aria-labelledby="waiting-heading" className="panel">
      <h2 id="waiting-heading">Waiting for you</h2>
      {items.length === 0 ? (
        <p>Nothing is waiting for you.</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={`${item.proposalId}:${item.action}`}>
              <Link to={item.link}>{WHAT[item.action](item.count)}</Link>: {item.title} ({item.reference})
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
