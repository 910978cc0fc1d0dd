import { Link } from '@remix-run/react'
import { type AnonymityPolicy } from '#machines/anonymity'

export type AnonymityInfo = AnonymityPolicy & { eligible: number; smallGroup: boolean }

function hour(h: number) {
  return `${String(h).padStart(2, '0')}:00`
}

/** What happens to anonymous contributions here: the release, and the small-group rule when it applies. */
export function AnonymityNotice({ info, audience }: { info: AnonymityInfo; audience: 'staff' | 'chief' }) {
  const waitsFor =
    info.hold === 'until_several'
      ? `until at least ${info.several} have accumulated`
      : `until at least ${info.minimumGroupSize} members of staff can take part`
  return (
    <div className={info.smallGroup ? 'notice warning' : 'notice'} role="note" aria-label="About anonymous contributions">
      {info.smallGroup ? (
        <p>
          <strong>Small group:</strong> only {info.eligible} {info.eligible === 1 ? 'member' : 'members'} of staff can
          take part, fewer than {info.minimumGroupSize}.{' '}
          {audience === 'staff'
            ? 'Anyone reading an anonymous concern knows it came from one of this few, and may guess who.'
            : 'An anonymous concern could be traced to one of this few: do not try to work out who wrote one.'}{' '}
          Anonymous concerns and endorsements are therefore held {waitsFor}, and in any case released when the
          consultation closes.
        </p>
      ) : null}
      <p>
        Anonymous concerns and endorsements are released together once a day at {hour(info.releaseHour)} (UK time)
        and when the consultation closes, in random order and dated by the day only.{' '}
        <Link to="/anonymity">What anonymity guarantees, and what it cannot</Link>.
      </p>
    </div>
  )
}
