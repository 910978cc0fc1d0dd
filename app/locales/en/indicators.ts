// The 'indicators' namespace in English: the administrator's indicator library,
// and how a threshold and a reading read in words (app/utils/thresholds.ts).
export default {
  library: {
    title: 'Indicator library',
    intro:
      'There are no national measures of library performance: the service chooses its own. Indicators kept here are offered when a decision sets a monitoring plan, each with its usual unit, direction and threshold.',
    add: 'Add an indicator',
    none: 'No indicators yet.',
    caption: 'Indicators in the library',
    indicator: 'Indicator',
    betterWhen: 'Better when',
    reassessAfter: 'Reassess after',
    value: 'Value',
    status: 'Status',
    unit: '({{unit}})',
    retired: 'Retired',
    offered: 'Offered',
  },
  edit: {
    title: 'Indicator',
    notFound: 'Indicator not found',
    back: 'Back to the indicator library',
    intro: 'Changes apply to plans set from now on; a plan already approved keeps the indicator as it was signed.',
    submit: 'Save the indicator',
  },
  add: {
    title: 'Add an indicator',
    submit: 'Add to the library',
  },
  threshold: {
    percent_higher_is_better: 'a {{value}}% fall from the baseline',
    percent_lower_is_better: 'a {{value}}% rise from the baseline',
    absolute_higher_is_better: 'a fall of {{value}} {{unit}} from the baseline',
    absolute_lower_is_better: 'a rise of {{value}} {{unit}} from the baseline',
    absoluteNoUnit_higher_is_better: 'a fall of {{value}} from the baseline',
    absoluteNoUnit_lower_is_better: 'a rise of {{value}} from the baseline',
  },
  reading: {
    held: '{{name}} held at its baseline of {{baseline}}',
    fell: '{{name}} fell {{amount}} against a {{against}} threshold',
    rose: '{{name}} rose {{amount}} against a {{against}} threshold',
    percent: '{{value}}%',
    amount: '{{value}} {{unit}}',
  },
} as const
