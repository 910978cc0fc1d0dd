import { Trans, useTranslation } from 'react-i18next'

/** The administrator's warning that decision records cannot be signed, with what to do about it. */
export function SigningCertificateWarning({ problem }: { problem: string | null }) {
  if (!problem) return null
  return <Warning problem={problem} />
}

// A component of its own, so that the hook runs only when there is something to say.
function Warning({ problem }: { problem: string }) {
  const { t } = useTranslation('decision')
  return (
    <section className="notice warning" aria-labelledby="signing-warning-heading">
      <h2 id="signing-warning-heading">{t('certificateWarning.heading')}</h2>
      {/* The problem names files and settings, in the words of the configuration. */}
      <p lang="en-GB">{problem}</p>
      <p>
        {/* The README is in English: the section's name is marked as such. */}
        <Trans t={t} i18nKey="certificateWarning.until" components={{ readme: <span lang="en-GB" /> }} />
      </p>
    </section>
  )
}
