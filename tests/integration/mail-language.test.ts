import { describe, expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { listNotifications, listOutbox } from '#db/notifications.server'
import { setPreferredLanguage } from '#db/preferences.server'
import { type Language, type ServiceLanguages } from '#db/schema'
import { sendPasswordResetLink } from '~/identity/request-password-reset.server'
import { remindOnce } from '~/workflow/reminders/remind.server'
import { TEST_MAIL } from '#tests/support/consultation'
import { createOrganisation, createUser } from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()

async function personIn(db: Database, languages: ServiceLanguages, preferred: Language | null) {
  const org = await createOrganisation(db, { languages })
  const user = await createUser(db, org.id, ['staff'])
  if (preferred) await setPreferredLanguage(db, user.id, preferred)
  return { org, person: { ...user, preferredLanguage: preferred } }
}

async function resetMail(db: Database, languages: ServiceLanguages, preferred: Language | null) {
  const { org, person } = await personIn(db, languages, preferred)
  await sendPasswordResetLink(db, org, person, TEST_MAIL)
  const [mail] = await listOutbox(db, org.id)
  return mail!
}

describe(`e-mail in the recipient's language (${databaseKind()})`, () => {
  it('writes in English to a service that works in English, whatever the person chose', async () => {
    const mail = await resetMail(app().database.db, 'en', 'cy')
    expect(mail.subject).toBe('Reset your Probity password')
    expect(mail.body).toMatch(/^Hello /)
  })

  it('writes in Welsh to a Welsh-only service', async () => {
    const mail = await resetMail(app().database.db, 'cy', null)
    expect(mail.subject).toBe('Ailosod eich cyfrinair Probity')
    expect(mail.body).toMatch(/^Annwyl /)
    expect(mail.body).not.toContain('Reset your')
  })

  it('writes in the language a person chose when their service offers both', async () => {
    const db = app().database.db
    expect((await resetMail(db, 'both', 'cy')).subject).toBe('Ailosod eich cyfrinair Probity')
    expect((await resetMail(db, 'both', 'en')).subject).toBe('Reset your Probity password')
  })

  it('writes in Welsh and then English to someone who has not chosen, in a service that offers both', async () => {
    const mail = await resetMail(app().database.db, 'both', null)
    expect(mail.subject).toBe('Ailosod eich cyfrinair Probity / Reset your Probity password')
    const welsh = mail.body.indexOf('Mae rhywun (chi, gobeithio)')
    const english = mail.body.indexOf('Someone (we hope you)')
    expect(welsh).toBeGreaterThan(0)
    expect(english).toBeGreaterThan(welsh)
    expect(mail.body.split('\n')[0]).toBe('Mae’r fersiwn Saesneg yn dilyn y fersiwn Gymraeg.')
    // The same single-use link in both halves.
    const links = mail.body.match(/\/set-password\/\S+/g)
    expect(links).toHaveLength(2)
    expect(links![0]).toBe(links![1])
  })

  it('writes a reminder and its in-app notice in each person’s language', async () => {
    const db = app().database.db
    const org = await createOrganisation(db, { languages: 'both' })
    const welsh = await createUser(db, org.id, ['staff'])
    await setPreferredLanguage(db, welsh.id, 'cy')
    const undecided = await createUser(db, org.id, ['staff'])
    const sent = await remindOnce(
      db,
      {
        organisationId: org.id,
        kind: 'consultation.closing',
        subjectId: org.id,
        period: 'p1',
        people: [
          { ...welsh, preferredLanguage: 'cy' },
          { ...undecided, preferredLanguage: null },
        ],
        wording: (t) => ({ title: t('consultationClosing.title', { title: 'Caffi', date: '1' }), body: t('consultationClosing.body') }),
        link: '/proposals',
      },
      TEST_MAIL,
    )
    expect(sent).toBe(true)
    const outbox = await listOutbox(db, org.id)
    const to = (email: string) => outbox.find((m) => m.toAddress === email)!
    expect(to(welsh.email).subject).toBe('Mae’r ymgynghoriad â staff ynghylch Caffi yn cau ar 1')
    expect(to(undecided.email).subject).toBe(
      'Mae’r ymgynghoriad â staff ynghylch Caffi yn cau ar 1 / The staff consultation on Caffi closes on 1',
    )
    // On screen, someone who has not chosen reads the service's first language until they switch.
    expect((await listNotifications(db, welsh.id))[0]!.title).toBe('Mae’r ymgynghoriad â staff ynghylch Caffi yn cau ar 1')
    expect((await listNotifications(db, undecided.id))[0]!.title).toBe('The staff consultation on Caffi closes on 1')
  })
})
