import { type IntakeValues } from '~/workflow/intake/intake-schema'
import { type NewMonitoringPlan } from '~/workflow/monitoring/plan.server'

/**
 * The visa-services case (biometric enrolment for the Home Office in branch
 * libraries): the worked example the demo seed and the tests take through
 * every stage.
 */

/** A complete intake for the visa-services case: everything screening needs. */
export function visaIntake(reviewerIds: string[]): IntakeValues {
  return {
    title: 'Biometric visa-application support in branch libraries',
    partner: 'UK Visas and Immigration (Home Office)',
    contractor: 'Sopra Steria',
    description: 'Host biometric enrolment appointments for visa and immigration applicants in three branches.',
    service: 'Biometric enrolment (fingerprints and photographs) for visa applicants, by appointment',
    deliveredBy: 'partner_staff',
    deliveryNotes: 'Contractor staff in a booth; library staff direct visitors',
    sites: ['Central Library', 'Northgate', 'Harbourside'],
    startDate: '2026-09-01',
    endDate: '2028-08-31',
    renewalTerms: 'Renews yearly unless either side gives three months’ notice',
    income: '£18,500 a year',
    costs: 'Booth space and power; about two hours of staff time a week',
    purpose: 'Income to keep Saturday opening; a local service for applicants who now travel far.',
    personalData: true,
    dataCategories: ['Biometric data (fingerprints, facial images)', 'Identity documents', 'Nationality or immigration status'],
    sharedWithPartner: true,
    sharedWithGovernment: true,
    sharingDetails: 'Captured on the contractor’s equipment and sent to the Home Office',
    retention: 'Held by the Home Office under its own retention policy',
    processedWhere: 'On the contractor’s equipment, then Home Office systems',
    userGroups: ['Visa and immigration applicants', 'All users of the three branches'],
    vulnerableGroups: ['migrants'],
    priorEngagement: false,
    reviewerIds,
  }
}

/** The visa-services plan: quarterly, visits against a 10% fall, complaints and incidents. */
export function visaPlan(startsOn: string): Omit<NewMonitoringPlan, 'proposalId'> {
  return {
    intervalMonths: 3,
    startsOn,
    indicators: [
      { name: 'Visits at affected branches', unit: 'visits a month', baseline: 12400, direction: 'higher_is_better', thresholdKind: 'percent', thresholdValue: 10, measure: 'manual' },
      { name: 'Complaints about the service', unit: 'complaints a quarter', baseline: 2, direction: 'lower_is_better', thresholdKind: 'absolute', thresholdValue: 5, measure: 'manual' },
      { name: 'Recorded incidents', unit: 'incidents a quarter', baseline: 0, direction: 'lower_is_better', thresholdKind: 'absolute', thresholdValue: 3, measure: 'incidents' },
    ],
    conditions: [
      { text: 'No Home Office branding in public areas.', source: 'staff' },
      { text: 'Signage tells users the service is outside the library’s privacy protection.', source: 'decision' },
    ],
  }
}

