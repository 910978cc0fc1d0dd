export {
  completeScreening,
  ok,
  reviewAll,
  submitProposal,
  uniformReview,
  type Rating,
} from '~/workflow/scenarios/screening.server'
export { visaIntake } from '~/workflow/scenarios/visa-case.server'
