// The 'register' namespace in English: the service's own partnership register
// (/register). The source of the key set (docs/decisions/030-internationalisation.md).
import { type RegisterSort } from '#machines/vocabulary/register'

export default {
  title: 'Partnership register',
  intro:
    'Every proposal the service has considered, with where it stands, its screened risk, the signed decision and the next monitoring review. Drafts are not listed until they are submitted.',
  filters: {
    label: 'Filter the register',
    search: 'Search',
    stage: 'Stage',
    anyStage: 'Any stage',
    risk: 'Risk band',
    anyRisk: 'Any risk',
    decision: 'Decision',
    anyDecision: 'Any decision',
    nextReview: 'Next review',
    anyTime: 'Any time',
    due: 'Due within 30 days or overdue',
    overdue: 'Overdue',
    show: 'Show',
  },
  total_one: '{{count, number}} proposal',
  total_other: '{{count, number}} proposals',
  matching_one: '{{count, number}} proposal match',
  matching_other: '{{count, number}} proposals match',
  clearFilters: 'Clear the filters',
  downloadCsv: 'Download as CSV',
  caption: 'Partnership register, page {{page}} of {{pages}}, sorted by {{column}}',
  columns: {
    reference: 'Reference',
    title: 'Partnership',
    partner: 'Partner',
    stage: 'Stage',
    risk: 'Risk band',
    decided: 'Decision',
    next_review: 'Next review',
  } satisfies Record<RegisterSort, string>,
  ascending: '(ascending)',
  descending: '(descending)',
  deliveredBy: '(delivered by {{contractor}})',
  notScreened: 'Not screened',
  notDecided: 'Not decided',
  onceMonitoringResumes: '{{date}}, once monitoring resumes',
  none: 'None',
  noMatch: 'No proposals match.',
  pages: {
    label: 'Register pages',
    previous: 'Previous page',
    current: 'Page {{page}} of {{pages}}',
    next: 'Next page',
  },
} as const
