import { describe, expect, it } from 'vitest'
import { readPeopleCsv } from '~/identity/people-csv.server'

const csv = (text: string) => new TextEncoder().encode(text)

describe('the people CSV in either language', () => {
  it('reads English and Welsh header rows and role names alike, whatever the administrator’s language', () => {
    const english = readPeopleCsv(csv('Full name;E-mail address;Roles\nNia Roberts;nia@example.org;Ethics reviewer, Staff\n'))
    const welsh = readPeopleCsv(csv('Enw llawn;Cyfeiriad e-bost;Rôl\nNia Roberts;nia@example.org;Adolygydd moeseg, Staff\n'), 'cy')
    const mixed = readPeopleCsv(csv('Enw,E-bost,Rolau\nGwen Hughes,gwen@example.org,Prif lyfrgellydd\n'))
    expect(english).toEqual({ ok: true, rows: [expect.objectContaining({ roles: ['reviewer', 'staff'], problems: [] })] })
    expect(welsh).toEqual({ ok: true, rows: [expect.objectContaining({ roles: ['reviewer', 'staff'], problems: [] })] })
    expect(mixed).toEqual({ ok: true, rows: [expect.objectContaining({ name: 'Gwen Hughes', roles: ['chief_librarian'] })] })
  })

  it('says what is wrong in the administrator’s language', () => {
    const file = csv('Name,Email,Roles\n,not-an-address,Librarian\n')
    expect(readPeopleCsv(file)).toMatchObject({ ok: true, rows: [{ problems: ['No name.', '“not-an-address” is not an e-mail address.', expect.stringMatching(/^Unknown role “Librarian”\. Use: Administrator, Chief librarian/)] }] })
    expect(readPeopleCsv(file, 'cy')).toMatchObject({
      ok: true,
      rows: [{ problems: ['Dim enw.', 'Nid yw “not-an-address” yn gyfeiriad e-bost.', expect.stringMatching(/^Rôl anhysbys “Librarian”\. Defnyddiwch: Gweinyddwr, Prif lyfrgellydd/)] }],
    })
    expect(readPeopleCsv(csv('Name,Email\nA,a@example.org\n'), 'cy')).toEqual({ ok: false, message: expect.stringMatching(/Ar goll: rolau\.$/) })
    expect(readPeopleCsv(csv('Name,Email\nA,a@example.org\n'))).toEqual({ ok: false, message: expect.stringMatching(/Missing: roles\.$/) })
  })
})
