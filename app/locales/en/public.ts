// The 'public' namespace in English: the source of the key set (docs/decisions/030-internationalisation.md).
export default {  registers: {
    title: 'Public registers of partnership decisions',
    intro: 'Library services using Probity may publish every commercial partnership they decide on, with the reasons and conditions, and the signed record anyone can verify.',
    none: 'No library service publishes a register here yet.',
    verify: 'Hold a signed decision record? <verify>Check that it is genuine</verify>.',
  },
} as const
