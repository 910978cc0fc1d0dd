/** The administrator's warning that decision records cannot be signed, with what to do about it. */
export function SigningCertificateWarning({ problem }: { problem: string | null }) {
  if (!problem) return null
  return (
    <section className="notice warning" aria-labelledby="signing-warning-heading">
      <h2 id="signing-warning-heading">Decision records cannot be signed</h2>
      <p>{problem}</p>
      <p>
        Until this is fixed, the last signature of any decision is refused and nothing is recorded. The README section
        “Signed decision records” explains how to install a certificate.
      </p>
    </section>
  )
}
