import { type ActionFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { type Database } from '#db/client.server'
import { action as concernAction } from '~/routes/proposals.$id.consultation.concerns.$concernId'
import { action as consultationAction } from '~/routes/proposals.$id.consultation._index'
import { action as professionalBodyAction } from '~/routes/proposals.$id.consultation.professional-body'
import { action as staffAction } from '~/routes/proposals.$id.consultation.staff'
import { loadProposal } from '~/workflow/apply-event.server'
import { raiseConcern } from '~/workflow/consultation/concerns.server'
import { LIMITS } from '~/workflow/consultation/forms'
import { openedStaffConsultation, releaseAnonymous } from '#tests/support/consultation'
import { dumpAllTables } from '#tests/support/database-dump'
import {
  createOrganisation,
  createUser,
  makeRequest,
  sessionCookieFor,
  statusOf,
} from '#tests/support/factories'
import { setupTestApp } from '#tests/support/test-app'
import { databaseKind } from '#tests/support/test-database'

const app = setupTestApp()

async function openConsultation(db: Database) {
  const {
    org,
    proposer,
    proposal,
    staff: [staff, colleague],
  } = await openedStaffConsultation(db, { staff: 2 })
  const raised = await raiseConcern(db, {
    user: colleague!,
    proposalId: proposal.id,
    secret: app().secret,
    category: 'ethics',
    text: 'A concern to endorse',
    anonymous: false,
  })
  return {
    org,
    proposal,
    concernId: raised.ok ? raised.concernId : '',
    staffCookie: await sessionCookieFor(db, staff!.id),
    colleagueCookie: await sessionCookieFor(db, colleague!.id),
    proposerCookie: await sessionCookieFor(db, proposer.id),
  }
}

type Action = (args: ActionFunctionArgs) => Promise<unknown>
const send = (
  action: Action,
  path: string,
  params: Record<string, string>,
  cookie: string,
  form: Record<string, string>,
) => statusOf(() => action({ request: makeRequest(path, { cookie, form }), params, context: {} }))

/** Runs a hostile request and checks it was refused with `status` and that no row anywhere changed. */
async function refusedWithoutChange(db: Database, status: number, run: () => Promise<number>) {
  const before = await dumpAllTables(db)
  expect(await run()).toBe(status)
  expect(await dumpAllTables(db)).toEqual(before)
}

describe(`hostile input to the consultation (${databaseKind()})`, () => {
  it('refuses script in a concern, oversize text and unknown categories, changing nothing', async () => {
    const { db } = app().database
    const { proposal, staffCookie } = await openConsultation(db)
    const raise = (form: Record<string, string>) =>
      send(
        consultationAction,
        `/proposals/${proposal.id}/consultation`,
        { id: proposal.id },
        staffCookie,
        {
          intent: 'concern.raise',
          category: 'ethics',
          identity: 'anonymous',
          ...form,
        },
      )
    await refusedWithoutChange(db, 400, () =>
      raise({ text: 'Fine <script>alert(document.cookie)</script>' }),
    )
    await refusedWithoutChange(db, 400, () => raise({ text: '<img src=x onerror=alert(1)>' }))
    await refusedWithoutChange(db, 400, () => raise({ text: 'x'.repeat(LIMITS.concern + 1) }))
    await refusedWithoutChange(db, 400, () => raise({ text: 'Valid', category: 'bogus' }))
    await refusedWithoutChange(db, 400, () => raise({ text: 'Valid', identity: 'somebody-else' }))
    await refusedWithoutChange(db, 400, () => raise({ text: 'Line\u0000break' }))
    // Text at the limit, and ordinary punctuation that merely looks like markup, is accepted.
    expect(
      await raise({
        text: `I <3 this library & "its" staff; 5 < 6. ${'y'.repeat(LIMITS.concern - 40)}`,
      }),
    ).toBe(200)
  })

  it('refuses endorsing twice, endorsing one’s own anonymous concern, and endorsing a made-up concern', async () => {
    const { db } = app().database
    const { proposal, concernId, staffCookie } = await openConsultation(db)
    const path = `/proposals/${proposal.id}/consultation`
    const endorse = (id: string, identity: string) =>
      send(consultationAction, path, { id: proposal.id }, staffCookie, {
        intent: 'concern.endorse',
        concernId: id,
        identity,
      })
    expect(await endorse(concernId, 'named')).toBe(302)
    await refusedWithoutChange(db, 409, () => endorse(concernId, 'named'))
    // Anonymity does not make a second endorsement: the tag is the same.
    await refusedWithoutChange(db, 409, () => endorse(concernId, 'anonymous'))

    const own = (await consultationAction({
      request: makeRequest(path, {
        cookie: staffCookie,
        form: {
          intent: 'concern.raise',
          category: 'privacy',
          text: 'My own worry',
          identity: 'anonymous',
        },
      }),
      params: { id: proposal.id },
      context: {},
    })) as { data: { concernId: string } }
    // Held until released, it cannot be endorsed at all; once released, not by its author.
    await refusedWithoutChange(db, 404, () => endorse(own.data.concernId, 'named'))
    await releaseAnonymous(db, proposal.organisationId, proposal.id)
    await refusedWithoutChange(db, 409, () => endorse(own.data.concernId, 'anonymous'))
    await refusedWithoutChange(db, 409, () => endorse(own.data.concernId, 'named'))
    await refusedWithoutChange(db, 404, () => endorse(crypto.randomUUID(), 'named'))
    await refusedWithoutChange(db, 400, () => endorse('not-an-id', 'named'))
  })

  it('refuses a member of staff posting the proposer’s actions, changing nothing', async () => {
    const { db } = app().database
    const { proposal, concernId, staffCookie } = await openConsultation(db)
    const id = proposal.id
    const today = new Date().toISOString().slice(0, 10)
    // The version the page showed, so that only who is asking can be the reason for refusal.
    const version = String((await loadProposal(db, proposal.organisationId, id))!.row.version)
    await refusedWithoutChange(db, 403, () =>
      send(
        professionalBodyAction,
        `/proposals/${id}/consultation/professional-body`,
        { id },
        staffCookie,
        {
          intent: 'pb.request',
          version,
          sentOn: today,
          contact: 'Me',
          shared: 'Nothing',
          deadline: today,
        },
      ),
    )
    await refusedWithoutChange(db, 403, () =>
      send(staffAction, `/proposals/${id}/consultation/staff`, { id }, staffCookie, {
        intent: 'union.record',
        unionName: 'Fake union',
        consultedOn: today,
        response: 'Fine by us',
      }),
    )
    await refusedWithoutChange(db, 403, () =>
      send(staffAction, `/proposals/${id}/consultation/staff`, { id }, staffCookie, {
        intent: 'staff.complete',
        version,
      }),
    )
    const concernPath = `/proposals/${id}/consultation/concerns/${concernId}`
    await refusedWithoutChange(db, 403, () =>
      send(concernAction, concernPath, { id, concernId }, staffCookie, {
        intent: 'concern.respond',
        response: 'Dismissed',
      }),
    )
    await refusedWithoutChange(db, 403, () =>
      send(concernAction, concernPath, { id, concernId }, staffCookie, {
        intent: 'concern.hide',
        reason: 'I disagree',
      }),
    )
  })

  it('answers another organisation’s staff with 404 and changes nothing', async () => {
    const { db } = app().database
    const { proposal, concernId } = await openConsultation(db)
    const elsewhere = await createOrganisation(db)
    const outsider = await createUser(db, elsewhere.id, ['staff', 'chief_librarian'])
    const cookie = await sessionCookieFor(db, outsider.id)
    const path = `/proposals/${proposal.id}/consultation`
    await refusedWithoutChange(db, 404, () =>
      send(consultationAction, path, { id: proposal.id }, cookie, {
        intent: 'concern.endorse',
        concernId,
        identity: 'named',
      }),
    )
    await refusedWithoutChange(db, 404, () =>
      send(consultationAction, path, { id: proposal.id }, cookie, {
        intent: 'concern.raise',
        category: 'other',
        text: 'Hi',
        identity: 'named',
      }),
    )
  })

  it('the proposer cannot answer a concern twice or hide it twice', async () => {
    const { db } = app().database
    const { proposal, concernId, proposerCookie } = await openConsultation(db)
    const id = proposal.id
    const path = `/proposals/${id}/consultation/concerns/${concernId}`
    const respond = () =>
      send(concernAction, path, { id, concernId }, proposerCookie, {
        intent: 'concern.respond',
        response: 'Answered',
      })
    expect(await respond()).toBe(302)
    await refusedWithoutChange(db, 403, respond)
    const hide = () =>
      send(concernAction, path, { id, concernId }, proposerCookie, {
        intent: 'concern.hide',
        reason: 'Abuse',
      })
    expect(await hide()).toBe(302)
    await refusedWithoutChange(db, 409, hide)
  })
})
