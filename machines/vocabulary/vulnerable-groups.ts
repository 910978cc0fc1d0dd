/**
 * People a partnership can harm more than others, as the proposal form asks
 * about them, and what a reviewer should weigh more heavily when they are
 * affected. The domain brief: outreach that draws attention to a group can
 * endanger the people it means to serve, so partnerships touching minors,
 * migrants or other vulnerable groups deserve a higher bar.
 */
export const VULNERABLE_GROUPS = ['minors', 'migrants', 'homelessness', 'other'] as const
export type VulnerableGroup = (typeof VULNERABLE_GROUPS)[number]

/** How a sentence names each group ("This proposal affects …"). */
export const VULNERABLE_GROUP_NAMES: Record<VulnerableGroup, string> = {
  minors: 'children and young people',
  migrants: 'migrants, refugees and asylum seekers',
  homelessness: 'people experiencing homelessness',
  other: 'other vulnerable people',
}

/**
 * The screening criteria (by key, as in the default rubric) each group's
 * presence affects most, with what the higher bar asks there. A criterion an
 * administrator renamed to another key simply shows no guidance; the notice
 * on the page still does.
 */
export const HIGHER_BAR = {
  minors: {
    privacy: 'Children’s data needs special care: parental consent, age limits, and nothing kept that is not needed.',
    equality: 'Children cannot weigh the risk for themselves: would any of them be treated less well, or stay away?',
    safety_security: 'Who supervises the partner’s staff with children, and are they vetted (DBS checks)?',
    legal_compliance: 'UK GDPR treats children’s data as needing specific protection; check the lawful basis and the DPIA.',
  },
  migrants: {
    privacy: 'Could anything collected reach immigration enforcement, or reveal someone’s status?',
    equality: 'Drawing attention to migrants can put them at risk: would any of them stop using the library?',
    public_trust: 'Would migrants still see the library as a safe place that takes no side with the state?',
    safety_security: 'Could the partnership bring hostility or confrontation towards migrants at the library?',
  },
  homelessness: {
    privacy: 'People without a home may have no other address or device: what is recorded about them, and who sees it?',
    equality: 'The library may be where they keep warm and get online: would anything make them unwelcome?',
    safety_security: 'Could the partnership change who may stay in the building, and when?',
  },
  other: {
    privacy: 'Weigh what is recorded about the people the proposal names more heavily than for other users.',
    equality: 'Would the people the proposal names be treated less well, or stay away?',
  },
} as const satisfies Record<VulnerableGroup, Partial<Record<string, string>>>

/** For one criterion, what the higher bar asks for each affected group that it applies to. */
export function higherBarFor(criterionKey: string, groups: readonly VulnerableGroup[]): { group: VulnerableGroup; guidance: string }[] {
  return groups.flatMap((group) => {
    const guidance = (HIGHER_BAR[group] as Partial<Record<string, string>>)[criterionKey]
    return guidance ? [{ group, guidance }] : []
  })
}
