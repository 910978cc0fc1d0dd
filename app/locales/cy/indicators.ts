import { type Catalogue } from '../catalogue'
import type en from '../en/indicators'

// The 'indicators' namespace in Welsh (terms: docs/welsh-glossary.md).
export default {
  library: {
    title: 'Llyfrgell dangosyddion',
    intro:
      'Nid oes mesurau cenedlaethol o berfformiad llyfrgelloedd: mae’r gwasanaeth yn dewis ei rai ei hun. Caiff y dangosyddion a gedwir yma eu cynnig pan fydd penderfyniad yn gosod cynllun monitro, pob un gyda’i uned, ei gyfeiriad a’i drothwy arferol.',
    add: 'Ychwanegu dangosydd',
    none: 'Dim dangosyddion eto.',
    caption: 'Dangosyddion yn y llyfrgell',
    indicator: 'Dangosydd',
    betterWhen: 'Pa ffordd sydd orau',
    reassessAfter: 'Ailasesu ar ôl',
    value: 'Gwerth',
    status: 'Statws',
    unit: '({{unit}})',
    retired: 'Wedi’i dynnu o ddefnydd',
    offered: 'Yn cael ei gynnig',
  },
  edit: {
    title: 'Dangosydd',
    notFound: 'Ni chafwyd hyd i’r dangosydd',
    back: 'Yn ôl i’r llyfrgell dangosyddion',
    intro:
      'Mae newidiadau’n berthnasol i gynlluniau a osodir o hyn ymlaen; mae cynllun sydd eisoes wedi’i gymeradwyo yn cadw’r dangosydd fel yr oedd pan gafodd ei lofnodi.',
    submit: 'Cadw’r dangosydd',
  },
  add: {
    title: 'Ychwanegu dangosydd',
    submit: 'Ychwanegu at y llyfrgell',
  },
  threshold: {
    percent_higher_is_better: 'gostyngiad o {{value}}% o’r llinell sylfaen',
    percent_lower_is_better: 'cynnydd o {{value}}% o’r llinell sylfaen',
    absolute_higher_is_better: 'gostyngiad o {{value}} {{unit}} o’r llinell sylfaen',
    absolute_lower_is_better: 'cynnydd o {{value}} {{unit}} o’r llinell sylfaen',
    absoluteNoUnit_higher_is_better: 'gostyngiad o {{value}} o’r llinell sylfaen',
    absoluteNoUnit_lower_is_better: 'cynnydd o {{value}} o’r llinell sylfaen',
  },
  reading: {
    held: 'Arhosodd {{name}} ar ei linell sylfaen o {{baseline}}',
    fell: 'Gostyngodd {{name}} {{amount}} o’i gymharu â throthwy o {{against}}',
    rose: 'Cododd {{name}} {{amount}} o’i gymharu â throthwy o {{against}}',
    percent: '{{value}}%',
    amount: '{{value}} {{unit}}',
  },
} satisfies Catalogue<typeof en>
