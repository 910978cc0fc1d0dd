import { Link, type MetaFunction } from '@remix-run/react'
import { DEFAULT_ANONYMITY_POLICY } from '#machines/anonymity'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = () => pageTitle('Raising a concern anonymously')

// Public, so that a member of staff can read it before signing in, on any device.
export default function Anonymity() {
  const d = DEFAULT_ANONYMITY_POLICY
  return (
    <article className="stack prose">
      <h1>Raising a concern anonymously</h1>
      <p>
        What Probity keeps when you raise or endorse a concern anonymously, what your chief librarian and the
        administrators can see, and what no software can protect.
      </p>

      <h2>What is stored</h2>
      <ul>
        <li>Your concern’s text and category, and the day (not the time) it was written.</li>
        <li>
          A code derived from your account and the concern under a secret key, so that you cannot endorse your own
          concern or endorse one twice. Nobody can turn it back into your name.
        </li>
        <li>A fingerprint of your receipt code, so that you can look the concern up; never the code itself.</li>
      </ul>

      <h2>What is not stored</h2>
      <ul>
        <li>Your name, account, e-mail address, network address or browser.</li>
        <li>The time of day, or anything that says whether you wrote before or after a colleague.</li>
        <li>No e-mail or notification is sent when you write: not to you, not to anyone.</li>
      </ul>

      <h2>When it appears: the release</h2>
      <p>
        An anonymous concern or endorsement is held, unread, and released together with the others once a day at
        the hour your service has chosen (by default {String(d.releaseHour).padStart(2, '0')}:00, UK time), and when
        the consultation closes. A batch is released in random order, dated by the day only. The history records
        “n anonymous concerns released”, never where each one came among named events, and that entry’s
        fingerprint covers the released texts, so they cannot be changed afterwards without it showing.
      </p>

      <h2>Small groups</h2>
      <p>
        When fewer members of staff can take part than the service’s minimum group size (by default{' '}
        {d.minimumGroupSize}), anyone reading an anonymous concern knows it came from one of very few people. The
        raise form tells you so before you write. Your service then holds anonymous contributions longer: by
        default until at least {d.several} have accumulated, or, if it chose so, until the group is large enough.
        Whatever the group’s size, everything held is released when the consultation closes, so that the decision
        takes it into account.
      </p>

      <h2>What your chief librarian and the administrators see</h2>
      <ul>
        <li>The concern, its category, its day and how many colleagues endorsed it.</li>
        <li>No count of concerns per person, no “last active” times, and no difference anywhere between someone who
          raised a concern anonymously and someone who did not.</li>
        <li>They can read everything in the database, and it still does not say who you are or when you wrote.</li>
      </ul>

      <h2>What Probity cannot protect</h2>
      <ul>
        <li>Your writing style: turns of phrase colleagues know can give you away.</li>
        <li>What you write: a detail only you would know, or naming yourself or your own team.</li>
        <li>Telling people, or being seen writing it.</li>
        <li>Your organisation’s own network and device logs, which are outside Probity.</li>
      </ul>
      <p>
        <Link to="/concerns/receipt">Look up a concern with your receipt code</Link>
      </p>
    </article>
  )
}
