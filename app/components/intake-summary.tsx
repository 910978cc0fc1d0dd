import { useTranslation } from 'react-i18next'
import { type ProposalSummary } from '~/pdf/record-data'
import { proposalFacts, wordsFor } from '~/pdf/sections'
import { usePageLocale } from '~/components/consultation'

export type AttachmentLink = { id: string; filename: string; href: string }

/** The proposal's papers as reviewers and staff read them, worded as in the signed record. */
export function IntakeSummary({ summary, attachments }: { summary: ProposalSummary; attachments: AttachmentLink[] }) {
  const rows = proposalFacts(summary, wordsFor(usePageLocale()))
  const { t } = useTranslation('proposal')
  return (
    <section aria-labelledby="papers-summary-heading">
      <h2 id="papers-summary-heading">{t('papers.heading')}</h2>
      <dl className="summary-list">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('papers.papers')}</h3>
      {attachments.length === 0 ? (
        <p>{t('papers.none')}</p>
      ) : (
        <ul>
          {attachments.map((a) => (
            <li key={a.id}>
              <a href={a.href}>{a.filename}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
