import { Fragment, useEffect, useRef } from 'react'
import type { RecordVerification } from '~/signing/verify-record.server'
import { SERVICE_TIME_ZONE } from '~/utils/calendar'

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: SERVICE_TIME_ZONE,
})

function Verdict({ v }: { v: RecordVerification }) {
  const authentic = v.signature.problem === null && v.record !== null && v.chain?.verified === true
  if (authentic) {
    return (
      <p className="notice success">
        <strong>Authentic.</strong> This is record {v.record!.reference}, signed by {v.record!.organisationName}, and
        unchanged since it was signed.
      </p>
    )
  }
  return (
    <p className="notice warning">
      <strong>Not confirmed.</strong>{' '}
      {v.signature.problem ??
        (v.record === null
          ? 'The signature is valid, but this service issued no record with this exact file.'
          : v.chain?.message)}
    </p>
  )
}

/**
 * The outcome of checking a record: a verdict first, then each check in
 * words (never colour alone), then what the record says.
 */
export function VerificationResult({ v, focus = false }: { v: RecordVerification; focus?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null)
  // After an upload the result appears below the form: take keyboard and screen-reader users to it.
  useEffect(() => {
    if (focus) heading.current?.focus()
  }, [focus, v.sha256])
  const s = v.signature
  return (
    <section aria-labelledby="verification-heading" className="verify-result">
      <h2 id="verification-heading" ref={heading} tabIndex={-1}>
        Result
      </h2>
      <Verdict v={v} />
      <h3>Signature</h3>
      <dl>
        <dt>Signature</dt>
        <dd>
          {!s.found
            ? `None found. ${s.problem ?? ''}`
            : s.intact
              ? 'Valid: the signed bytes are unchanged'
              : `Not valid. ${s.problem ?? ''}`}
        </dd>
        <dt>Whole file signed</dt>
        <dd>{s.coversWholeFile ? 'Yes' : 'No'}</dd>
        <dt>Signer</dt>
        <dd>{s.signer ? s.signer.subject : 'Unknown'}</dd>
        <dt>Certificate chains to this service’s root certificate authority</dt>
        <dd>{s.chainsToCa ? 'Yes' : 'No'}</dd>
        {s.chain.length > 1 ? (
          <>
            <dt>Certificate chain</dt>
            <dd>
              <ol className="certificate-chain">
                {s.chain.map((name, i) => (
                  <li key={`${i}-${name}`}>{name}</li>
                ))}
              </ol>
            </dd>
          </>
        ) : null}
        <dt>Signed at</dt>
        <dd>
          {s.signingTime ? dateTime.format(new Date(s.signingTime)) : 'Unknown'}
          {s.timestamp?.valid
            ? `, by the trusted timestamp of ${s.timestamp.authority}`
            : s.found
              ? ', as stated by the signer (no trusted timestamp)'
              : ''}
        </dd>
        <dt>SHA-256 of the file</dt>
        <dd className="hash">{v.sha256}</dd>
      </dl>
      <h3>Record</h3>
      {v.record ? (
        <dl>
          <dt>Issued by</dt>
          <dd>{v.record.organisationName}</dd>
          <dt>{v.record.kind === 'decision' ? 'Decision record' : 'Addendum'}</dt>
          <dd>{v.record.reference}</dd>
          {v.record.parent ? (
            <>
              <dt>Adds to record</dt>
              <dd>
                {v.record.parent.reference} (SHA-256 <span className="hash">{v.record.parent.sha256}</span>)
              </dd>
            </>
          ) : null}
          <dt>Proposal</dt>
          <dd>
            {v.record.proposalReference}: {v.record.proposalTitle}
          </dd>
          <dt>Partner</dt>
          <dd>{v.record.partner}</dd>
          <dt>Outcome</dt>
          <dd>{v.record.outcome}</dd>
          <dt>Signed</dt>
          <dd>{dateTime.format(new Date(v.record.signedAt))}</dd>
          <dt>Audit trail</dt>
          <dd>
            {v.chain?.verified ? 'Verifies. ' : 'Does not verify. '}
            {v.chain?.message} Head of the trail at signing: entry {v.record.auditHeadSeq},{' '}
            <span className="hash">{v.record.auditHeadHash}</span>
          </dd>
        </dl>
      ) : (
        <p>No record issued by this service has this file’s SHA-256.</p>
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
  const data = v.data
  // Pages of ours are offered only for a file that is one of our records, byte for byte.
  const ours = v.record && v.sha256 === v.record.sha256 ? `/verify/${v.record.id}` : null
  return (
    <>
      <h3>Data in the file</h3>
      {!data ? (
        <p>The file carries no record data. Records issued before data was attached to them hold it only as printed text.</p>
      ) : (
        <>
          <p>
            The file carries its data as JSON ({data.name}), attached before signing, so the signature covers it. It is
            described by <a href={data.schemaPath}>the record data schema (JSON Schema)</a>.
            {ours ? null : (
              <>
                {' '}
                Extract it with <code>pdfdetach -saveall record.pdf</code>.
              </>
            )}
          </p>
          {data.problem ? (
            <p className="notice warning">{data.problem}</p>
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
                <a href={`${ours}/record`}>Read this record as an accessible web page</a>
              </li>
              <li>
                <a href={`${ours}/record.json`} download>
                  Download the record data ({data.name})
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
  return (
    <section aria-labelledby="independent-heading">
      <h2 id="independent-heading">Check it without this website</h2>
      <p>
        You need not trust this page. Any PDF reader that shows signatures will check the file. To trust the signer,
        download <a href="/verify/ca.pem" download>this service’s certificate authority (ca.pem)</a> and add it to your
        reader, or use poppler’s <code>pdfsig</code>:
      </p>
      <pre>
        <code>{`mkdir nssdb && certutil -N --empty-password -d sql:nssdb
certutil -A -d sql:nssdb -n probity -t "CT,C,C" -i ca.pem
pdfsig -nssdir sql:nssdb record.pdf`}</code>
      </pre>
      <p>
        A genuine record shows “Signature is Valid”, “Total document signed” and “Certificate is Trusted”. Its SHA-256
        (<code>sha256sum record.pdf</code>) opens the record’s page at <code>/verify/</code> followed by the hash.
      </p>
    </section>
  )
}
