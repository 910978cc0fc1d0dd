// The 'proposal' namespace in English: the source of the key set (docs/decisions/030-internationalisation.md).
export default {} as const
