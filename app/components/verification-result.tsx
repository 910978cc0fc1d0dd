import { Fragment, useEffect, useRef } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { SignatureCheck } from '~/signing/verify-pdf.server'
import type { RecordVerification } from '~/signing/verify-record.server'
import { formatDateTime } from '~/utils/calendar'
import { useLocale } from '~/utils/use-locale'
import { useVocabulary, type VocabularyValue } from '~/utils/vocabulary'

type Words = ReturnType<typeof useTranslation<'verify'>>['t']

/** The server reports problems in English with a code beside them: word them in the reader's language. */
function signatureProblem(t: Words, s: Pick<SignatureCheck, 'problem' | 'issue'>): string | null {
  return s.issue ? t(`problems.${s.issue.code}`, { date: '', detail: '', ...s.issue.values }) : s.problem
}

function chainMessage(t: Words, v: RecordVerification): string | undefined {
  return v.chainWording ? t(`chain.${v.chainWording.code}`, v.chainWording.values) : v.chain?.message
}

function Verdict({ v }: { v: RecordVerification }) {
  const { t } = useTranslation('verify')
  const authentic = v.signature.problem === null && v.record !== null && v.chain?.verified === true
  if (authentic) {
    return (
      <p className="notice success">
        <Trans t={t} i18nKey="result.authentic" values={{ reference: v.record!.reference, organisation: v.record!.organisationName }} components={{ strong: <strong /> }} />
      </p>
    )
  }
  return (
    <p className="notice warning">
      <strong>{t('result.notConfirmed')}</strong> {signatureProblem(t, v.signature) ?? (v.record === null ? t('result.notIssued') : chainMessage(t, v))}
    </p>
  )
}

/**
 * The outcome of checking a record: a verdict first, then each check in
 * words (never colour alone), then what the record says.
 */
export function VerificationResult({ v, focus = false }: { v: RecordVerification; focus?: boolean }) {
  const { t } = useTranslation('verify')
  const locale = useLocale()
  const label = useVocabulary()
  const heading = useRef<HTMLHeadingElement>(null)
  // After an upload the result appears below the form: take keyboard and screen-reader users to it.
  useEffect(() => {
    if (focus) heading.current?.focus()
  }, [focus, v.sha256])
  const s = v.signature
  const problem = signatureProblem(t, s) ?? ''
  return (
    <section aria-labelledby="verification-heading" className="verify-result">
      <h2 id="verification-heading" ref={heading} tabIndex={-1}>
        {t('result.heading')}
      </h2>
      <Verdict v={v} />
      <h3>{t('result.signatureHeading')}</h3>
      <dl>
        <dt>{t('result.signature')}</dt>
        <dd>{!s.found ? t('result.noneFound', { problem }) : s.intact ? t('result.valid') : t('result.notValid', { problem })}</dd>
        <dt>{t('result.wholeFile')}</dt>
        <dd>{s.coversWholeFile ? t('result.yes') : t('result.no')}</dd>
        <dt>{t('result.signer')}</dt>
        <dd>{s.signer ? s.signer.subject : t('result.unknown')}</dd>
        <dt>{t('result.chainsToCa')}</dt>
        <dd>{s.chainsToCa ? t('result.yes') : t('result.no')}</dd>
        {s.chain.length > 1 ? (
          <>
            <dt>{t('result.certificateChain')}</dt>
            <dd>
              <ol className="certificate-chain">
                {s.chain.map((name, i) => (
                  <li key={`${i}-${name}`}>{name}</li>
                ))}
              </ol>
            </dd>
          </>
        ) : null}
        <dt>{t('result.signedAt')}</dt>
        <dd>
          {s.signingTime ? formatDateTime(new Date(s.signingTime), locale) : t('result.unknown')}
          {s.timestamp?.valid ? t('result.byTimestamp', { authority: s.timestamp.authority }) : s.found ? t('result.asStated') : ''}
        </dd>
        <dt>{t('result.sha256')}</dt>
        <dd className="hash">{v.sha256}</dd>
      </dl>
      <h3>{t('result.recordHeading')}</h3>
      {v.record ? (
        <dl>
          <dt>{t('result.issuedBy')}</dt>
          <dd>{v.record.organisationName}</dd>
          <dt>{v.record.kind === 'decision' ? t('result.decisionRecord') : t('result.addendum')}</dt>
          <dd>{v.record.reference}</dd>
          {v.record.parent ? (
            <>
              <dt>{t('result.addsTo')}</dt>
              <dd>
                <Trans t={t} i18nKey="result.parent" values={{ reference: v.record.parent.reference, sha256: v.record.parent.sha256 }} components={{ hash: <span className="hash" /> }} />
              </dd>
            </>
          ) : null}
          <dt>{t('result.proposal')}</dt>
          <dd>
            {v.record.proposalReference}: {v.record.proposalTitle}
          </dd>
          <dt>{t('result.partner')}</dt>
          <dd>{v.record.partner}</dd>
          <dt>{t('result.outcome')}</dt>
          <dd>
            {v.record.kind === 'decision'
              ? label('decisionOutcome', v.record.outcomeCode as VocabularyValue<'decisionOutcome'>)
              : label('reassessmentOutcome', v.record.outcomeCode as VocabularyValue<'reassessmentOutcome'>)}
          </dd>
          <dt>{t('result.signed')}</dt>
          <dd>{formatDateTime(new Date(v.record.signedAt), locale)}</dd>
          <dt>{t('result.auditTrail')}</dt>
          <dd>
            {v.chain?.verified ? t('result.verifies') : t('result.doesNotVerify')} {chainMessage(t, v)} {t('result.auditHead', { seq: v.record.auditHeadSeq })}{' '}
            <span className="hash">{v.record.auditHeadHash}</span>
          </dd>
        </dl>
      ) : (
        <p>{t('result.noRecord')}</p>
      )}
      <RecordData v={v} />
    </section>
  )
}

/**
 * The data the file carries as JSON, signed with it: what it says, where to
 * get it (for a record of ours) and the schema that describes it.
 */
function RecordData({ v }: { v: RecordVerification }) {
  const { t } = useTranslation('verify')
  const data = v.data
  // Pages of ours are offered only for a file that is one of our records, byte for byte.
  const ours = v.record && v.sha256 === v.record.sha256 ? `/verify/${v.record.id}` : null
  return (
    <>
      <h3>{t('result.dataHeading')}</h3>
      {!data ? (
        <p>{t('result.noData')}</p>
      ) : (
        <>
          <p>
            <Trans t={t} i18nKey="result.carriesData" values={{ name: data.name }} components={{ schema: <a href={data.schemaPath} /> }} />
            {ours ? null : (
              <>
                {' '}
                <Trans t={t} i18nKey="result.extract" components={{ code: <code /> }} />
              </>
            )}
          </p>
          {data.problem ? (
            <p className="notice warning">{t('result.dataUnreadable')}</p>
          ) : (
            <dl>
              {data.facts.map(([label, value]) => (
                <Fragment key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </Fragment>
              ))}
            </dl>
          )}
          {ours ? (
            <ul>
              <li>
                <a href={`${ours}/record`}>{t('result.accessible')}</a>
              </li>
              <li>
                <a href={`${ours}/record.json`} download>
                  {t('result.download', { name: data.name })}
                </a>
              </li>
            </ul>
          ) : null}
        </>
      )}
    </>
  )
}

/** How to check a record with nothing but the file, a PDF reader or pdfsig, and the CA certificate. */
export function TrustHelp() {
  const { t } = useTranslation('verify')
  return (
    <section aria-labelledby="independent-heading">
      <h2 id="independent-heading">{t('help.heading')}</h2>
      <p>
        <Trans t={t} i18nKey="help.intro" components={{ ca: <a href="/verify/ca.pem" download />, code: <code /> }} />
      </p>
      <pre>
        <code>{`mkdir nssdb && certutil -N --empty-password -d sql:nssdb
certutil -A -d sql:nssdb -n probity -t "CT,C,C" -i ca.pem
pdfsig -nssdir sql:nssdb record.pdf`}</code>
      </pre>
      <p>
        <Trans t={t} i18nKey="help.genuine" components={{ code: <code /> }} />
      </p>
    </section>
  )
}
