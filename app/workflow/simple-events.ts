import { z } from 'zod'

/**
 * Events with no form of their own beyond an optional reason, offered on a
 * proposal's overview when the machine allows them. Shared by the page (labels)
 * and the action (validation).
 */
export const SIMPLE_EVENTS = {
  'screening.complete': { label: 'Complete ethics screening', needsReason: false },
  'monitoring.start': { label: 'Start monitoring', needsReason: false },
  'contract.end': { label: 'Record that the contract has ended', needsReason: false },
  'proposal.withdraw': { label: 'Withdraw this proposal', needsReason: true },
} as const

export type SimpleEventType = keyof typeof SIMPLE_EVENTS

export const SimpleEventSchema = z.object({
  intent: z.enum(Object.keys(SIMPLE_EVENTS) as [SimpleEventType, ...SimpleEventType[]]),
  version: z.coerce.number().int().positive(),
  reason: z.string().trim().max(2000, 'Keep the reason under 2,000 characters').optional(),
})
