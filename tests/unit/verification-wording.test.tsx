import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { VerificationResult } from '~/components/verification-result'
import { failedCheck, withIssue, type SignatureCheck } from '~/signing/verify-pdf.server'
import type { RecordVerification } from '~/signing/verify-record.server'
import { i18nFor, type Locale } from '~/utils/i18n'

/** A stored record whose copy changed and whose audit trail lost an entry: every server-made sentence at once. */
function verification(): RecordVerification {
  const signature: SignatureCheck = { ...failedCheck('noSignature'), found: true, intact: false, ...withIssue({ code: 'storedChanged' }) }
  return {
    sha256: '0'.repeat(64),
    signature,
    record: {
      id: '00000000-0000-0000-0000-000000000000',
      kind: 'decision',
      reference: 'LLS-2025-014-R1',
      organisationName: 'Llanfair Library Service',
      proposalReference: 'LLS-2025-014',
      proposalTitle: 'Visa biometrics enrolment in branch libraries',
      partner: 'UK Visas and Immigration (Home Office)',
      outcome: 'Approved with conditions',
      outcomeCode: 'approve_with_conditions',
      signedAt: new Date('2026-08-26T10:00:00Z'),
      sha256: '1'.repeat(64),
      auditHeadHash: '2'.repeat(64),
      auditHeadSeq: 7,
      parent: null,
    },
    chain: { verified: false, message: 'The audit trail is broken at entry 4: entry 3 is missing.' },
    chainWording: { code: 'missing', values: { seq: 4, missing: 3 } },
    data: { name: 'decision-record.json', schemaPath: '/schemas/decision-record/v1.json', facts: [], problem: 'The attached record data cannot be read.' },
  }
}

const text = (locale: Locale) =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n: i18nFor(locale) }, createElement(VerificationResult, { v: verification() })))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')

describe('the verify page words what the server found in the reader’s language', () => {
  it('in English, exactly the server’s English messages', () => {
    const v = verification()
    const page = text('en')
    expect(page).toContain(v.signature.problem!)
    expect(page).toContain(v.chain!.message)
    expect(page).toContain(v.data!.problem!)
    expect(page).toContain('Approved with conditions')
  })

  it('in Welsh, with no English sentence from the server left', () => {
    const v = verification()
    const page = text('cy')
    for (const english of [v.signature.problem!, v.chain!.message, v.data!.problem!, 'Approved with conditions']) expect(page).not.toContain(english)
    expect(page).toContain('Nid yw’r copi sy’n cael ei gadw bellach yn cyfateb i’r stwnsh')
    expect(page).toContain('Mae’r llwybr archwilio wedi torri yn eitem 4: mae eitem 3 ar goll.')
    expect(page).toContain('Ni ellir darllen data’r cofnod sydd wedi’i atodi.')
    expect(page).toContain('Cymeradwywyd gydag amodau')
  })

  it('makes the English problem and chain messages from the catalogue, word for word as before', () => {
    expect(failedCheck('noSignature').problem).toBe('The file has no digital signature.')
    expect(withIssue({ code: 'timestampInvalid', values: { detail: 'the token is not for this signature' } }).problem).toBe(
      'The signature’s timestamp is not valid: the token is not for this signature.',
    )
    expect(withIssue({ code: 'revoked', values: { date: ' (2026-01-02)', detail: 'The certificate “X” was revoked.' } }).problem).toBe(
      'The signer’s certificate was not valid when the record was signed (2026-01-02). The certificate “X” was revoked.',
    )
  })
})
