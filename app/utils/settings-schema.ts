import { z } from 'zod'
import { SERVICE_LANGUAGES, type OrganisationSettings } from '#db/schema'
import { HOLD_BEHAVIOURS } from '#machines/anonymity'
import { plainText } from './plain-text'
import { vm } from './validation-message'

const whole = (min: number, max: number) =>
  z
    .number({ error: vm('admin.wholeNumber') })
    .int(vm('admin.wholeNumber'))
    .min(min, vm('admin.atLeast', { min }))
    .max(max, vm('admin.atMost', { max }))

// An unticked checkbox sends nothing: absent means no.
const flag = z.boolean({ error: vm('admin.tickBox') }).default(false)

/**
 * Every organisation setting, as the settings page edits it. `satisfies`
 * fails the typecheck when a setting added to OrganisationSettings is missing here.
 */
export const SettingsSchema = z.object({
  // Absent from a form that predates the setting: the service stays as it was.
  languages: z.enum(SERVICE_LANGUAGES, { error: vm('settings.languages') }).default('en'),
  professionalBodyName: plainText(120).pipe(z.string().min(1, vm('admin.professionalBody'))),
  minReviewers: whole(1, 10),
  minConsultationDays: whole(1, 365),
  unionRecognised: flag,
  publicRegister: flag,
  secondSignatoryRequired: flag,
  concernSurgeCount: whole(1, 1000),
  anonymityMinimumGroup: whole(1, 100),
  anonymityHold: z.enum(HOLD_BEHAVIOURS, { error: vm('admin.anonymityHold') }),
  anonymitySeveral: whole(2, 50),
  anonymityReleaseHour: whole(0, 23),
}) satisfies z.ZodType<OrganisationSettings>

