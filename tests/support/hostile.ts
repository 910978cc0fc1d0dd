import fc from 'fast-check'
import { ProposalEventSchema } from '#machines/proposal-events'
import { type FormValue, type Probe } from './access-table'
import { pdfBytes } from './documents'

/**
 * Arbitraries for hostile requests: a well-formed submission (a probe from
 * the access table) taken apart field by field and filled with what an
 * attacker, a broken client or a careless paste would send.
 */

/** Script and markup that must never run, wherever it is shown. */
export const SCRIPT_PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=window.__xss=1>',
  "'><iframe srcdoc='<script>parent.__xss=1</script>'>",
  'javascript:window.__xss=1',
  ' JaVaScRiPt:window.__xss=1',
  'data:text/html,<script>window.__xss=1</script>',
  '<a href="javascript:window.__xss=1">click</a>',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '{{constructor.constructor("window.__xss=1")()}}',
  '</textarea><script>window.__xss=1</script>',
  '<img src=x onerror=window.__xss=1',
]

const ODD_STRINGS = [
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '\u202eevil',
  '\ufeff',
  '\ud800',
  '🙂',
  'ﷺ'.repeat(50),
  "'; drop table users; --",
  "1' or '1'='1",
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  '/etc/passwd\u0000.pdf',
  'CON',
  '__proto__',
  'constructor',
  '-1',
  '0',
  '1.5',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '9007199254740993',
  '0x10',
  'true',
  'false',
  'null',
  'undefined',
  '[]',
  '{}',
  '{"$ne":null}',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '1970-01-01T00:00:00Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'on',
]

// Past any limit a form sets, yet each under the megabyte the production
// server lets a form without files bring (scripts/serve.mjs answers 413 to
// more, so more never reaches an action). Built once, shared by every case.
const OVERSIZE = ['x'.repeat(10_001), 'y'.repeat(100_001), '<'.repeat(70_000), 'é'.repeat(100_001)]

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...SCRIPT_PAYLOADS), weight: 3 },
  { arbitrary: fc.constantFrom(...ODD_STRINGS), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.constantFrom(...OVERSIZE), weight: 1 },
  { arbitrary: fc.uuid(), weight: 1 },
  { arbitrary: fc.integer().map(String), weight: 1 },
)

/** Field names a forged request may use: the form's own, Conform paths gone wrong, prototype keys. */
const HOSTILE_NAMES = [
  'intent',
  'version',
  'id',
  '__proto__',
  'constructor',
  'prototype',
  '__proto__.polluted',
  'constructor.prototype.polluted',
  'a[0]',
  'a[-1]',
  'a[99999999]',
  'scores.__proto__.likelihood',
  'a..b',
  '[0]',
  '.',
  '',
  'x'.repeat(1000),
]

/** Every intent a form in the app might carry: the machine's event types and the forms' own words. */
const INTENTS = [
  ...ProposalEventSchema.options.map((o) => o.shape.type.value),
  'save',
  'submit',
  'declare',
  'assign',
  'complete',
  'detach',
  'sign',
  'record',
  'roles',
  'deactivate',
  'reactivate',
  'read-all',
  'open',
]

const fieldName = (known: string[]) =>
  fc.oneof(fc.constantFrom(...known, ...HOSTILE_NAMES), fc.string({ maxLength: 12 }))

const value: fc.Arbitrary<FormValue> = fc.oneof(
  { arbitrary: hostileString, weight: 6 },
  { arbitrary: fc.constantFrom(...INTENTS), weight: 1 },
  { arbitrary: fc.array(hostileString, { minLength: 2, maxLength: 4 }), weight: 1 },
)

type Mutation = { kind: 'keep' } | { kind: 'drop' } | { kind: 'set'; value: FormValue }
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'keep' as const }), weight: 3 },
  { arbitrary: fc.constant({ kind: 'drop' as const }), weight: 1 },
  { arbitrary: value.map((v) => ({ kind: 'set' as const, value: v })), weight: 2 },
)

const HOSTILE_FILENAMES = [
  '../../../../etc/passwd',
  '..\\..\\boot.ini',
  '/etc/shadow',
  'a/../../b.pdf',
  'record.pdf\u0000.html',
  '<script>window.__xss=1</script>.pdf',
  '" onerror="window.__xss=1.pdf',
  '',
  '.',
  '..',
  'CON.pdf',
  `${'n'.repeat(5000)}.pdf`,
  'résumé\r\nX-Injected: yes.pdf',
]

const fileContent: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  fc.constant(new Uint8Array(pdfBytes('<script>window.__xss=1</script>'))),
  fc.constant(new TextEncoder().encode('%PDF-1.4\n<html><script>window.__xss=1</script></html>')),
  fc.constant(new TextEncoder().encode('PK\u0003\u0004 not a zip at all')),
  fc.constant(new Uint8Array(0)),
)

export const hostileFile: fc.Arbitrary<File> = fc
  .record({
    name: fc.oneof(
      fc.constantFrom(...HOSTILE_FILENAMES),
      fc.string({ unit: 'binary', maxLength: 30 }),
    ),
    type: fc.constantFrom(
      'application/pdf',
      'text/html',
      'application/octet-stream',
      'image/svg+xml',
      '',
    ),
    bytes: fileContent,
  })
  .map(({ name, type, bytes }) => new File([bytes as BlobPart], name, { type }))

/** A body no browser would send, under a content type the server lets through. */
export const malformedBody = fc.oneof(
  fc.record({
    raw: fc.constantFrom(
      '--X\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
      '--X--',
      'junk',
      '',
      '--X\r\n\r\n\r\n',
    ),
    contentType: fc.constantFrom(
      'multipart/form-data; boundary=X',
      'multipart/form-data',
      'multipart/form-data; boundary=',
    ),
  }),
  fc.record({
    raw: fc.constantFrom(
      'a=%E0%A4%A&b=%zz',
      '%',
      '&&&==&',
      'intent=%00',
      `a=${'%41'.repeat(100_000)}`,
    ),
    contentType: fc.constant('application/x-www-form-urlencoded'),
  }),
)

/** The value about one time in five, else null. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary, weight: 1 })

export type HostileBody = Probe | { raw: string; contentType: string }

/** The probe taken apart: each field kept, dropped or replaced, with extra fields and sometimes a file. */
export function hostileForm(probe: Probe): fc.Arbitrary<HostileBody> {
  const names = Object.keys(probe)
  const mutated = fc
    .record({
      changes: fc.array(mutation, { minLength: names.length, maxLength: names.length }),
      extra: fc.array(fc.tuple(fieldName(names), value), { maxLength: 4 }),
      file: rarely(fc.tuple(fc.constantFrom(...names, 'file', 'papers'), hostileFile)),
    })
    .map(({ changes, extra, file }) => {
      const form: Probe = {}
      names.forEach((name, i) => {
        const change = changes[i]!
        if (change.kind === 'keep') form[name] = probe[name]!
        else if (change.kind === 'set') form[name] = change.value
      })
      for (const [name, v] of extra) form[name] = v
      if (file) form[file[0]] = file[1]
      return form
    })
  return fc.oneof({ arbitrary: mutated, weight: 9 }, { arbitrary: malformedBody, weight: 1 })
}

/** Sometimes one parameter of the address is replaced too. */
export function hostileParams(
  params: Record<string, string>,
): fc.Arbitrary<Record<string, string>> {
  const names = Object.keys(params)
  if (names.length === 0) return fc.constant(params)
  return rarely(fc.tuple(fc.constantFrom(...names), hostileString)).map((swap) =>
    swap ? { ...params, [swap[0]]: swap[1] } : params,
  )
}
