import enCommon from './en/common'
import enAuth from './en/auth'
import enAdmin from './en/admin'
import enProposal from './en/proposal'
import enScreening from './en/screening'
import enConsultation from './en/consultation'
import enDecision from './en/decision'
import enMonitoring from './en/monitoring'
import enRegister from './en/register'
import enVerify from './en/verify'
import enRecord from './en/record'
import enEmail from './en/email'
import enValidation from './en/validation'
import enPublic from './en/public'
import enVocabulary from './en/vocabulary'
import enIndicators from './en/indicators'
import enRubric from './en/rubric'
import enAudit from './en/audit'
import cyCommon from './cy/common'
import cyAuth from './cy/auth'
import cyAdmin from './cy/admin'
import cyProposal from './cy/proposal'
import cyScreening from './cy/screening'
import cyConsultation from './cy/consultation'
import cyDecision from './cy/decision'
import cyMonitoring from './cy/monitoring'
import cyRegister from './cy/register'
import cyVerify from './cy/verify'
import cyRecord from './cy/record'
import cyEmail from './cy/email'
import cyValidation from './cy/validation'
import cyPublic from './cy/public'
import cyVocabulary from './cy/vocabulary'
import cyIndicators from './cy/indicators'
import cyRubric from './cy/rubric'
import cyAudit from './cy/audit'

/**
 * Every namespace, bundled: the catalogues are imported statically on the
 * server and in the browser, so no page waits for a translation to load.
 * A namespace is one area of Probity, so people converting different areas
 * edit different files (docs/decisions/030-internationalisation.md).
 */
export const en = {
  common: enCommon,
  auth: enAuth,
  admin: enAdmin,
  proposal: enProposal,
  screening: enScreening,
  consultation: enConsultation,
  decision: enDecision,
  monitoring: enMonitoring,
  register: enRegister,
  verify: enVerify,
  record: enRecord,
  email: enEmail,
  validation: enValidation,
  public: enPublic,
  vocabulary: enVocabulary,
  indicators: enIndicators,
  rubric: enRubric,
  audit: enAudit,
} as const

export const cy = {
  common: cyCommon,
  auth: cyAuth,
  admin: cyAdmin,
  proposal: cyProposal,
  screening: cyScreening,
  consultation: cyConsultation,
  decision: cyDecision,
  monitoring: cyMonitoring,
  register: cyRegister,
  verify: cyVerify,
  record: cyRecord,
  email: cyEmail,
  validation: cyValidation,
  public: cyPublic,
  vocabulary: cyVocabulary,
  indicators: cyIndicators,
  rubric: cyRubric,
  audit: cyAudit,
} satisfies { [N in keyof typeof en]: unknown }

export const resources = { en, cy }

export type Namespace = keyof typeof en
export const NAMESPACES = Object.keys(en) as Namespace[]
