import { type Catalogue } from '../catalogue'
import type en from '../en/public'

// The 'public' namespace in Welsh: `satisfies` fails the typecheck when a key is missing or extra.
export default {
  registers: {
    title: 'Cofrestrau cyhoeddus o benderfyniadau partneriaeth',
    intro: 'Gall gwasanaethau llyfrgell sy’n defnyddio Probity gyhoeddi pob partneriaeth fasnachol y maent yn penderfynu arni, gyda’r rhesymau a’r amodau, a’r cofnod wedi’i lofnodi y gall unrhyw un ei ddilysu.',
    none: 'Nid oes unrhyw wasanaeth llyfrgell yn cyhoeddi cofrestr yma eto.',
    verify: 'Oes gennych gofnod penderfyniad wedi’i lofnodi? <verify>Gwiriwch ei fod yn ddilys</verify>.',
  },
  register: {
    title: 'Cofrestr o benderfyniadau partneriaeth',
    titleOf: 'Cofrestr o benderfyniadau partneriaeth: {{organisation}}',
    notFound: 'Ni chanfuwyd y gofrestr',
    intro:
      'Pob partneriaeth fasnachol y mae’r gwasanaeth llyfrgell hwn wedi penderfynu arni, boed wedi’i chymeradwyo neu ei gwrthod, gyda’r rhesymau a’r amodau a gyhoeddodd pan benderfynodd. Mae pob penderfyniad yn gofnod wedi’i lofnodi y gall unrhyw un wirio nad yw wedi cael ei newid.',
    searchLabel: 'Chwilio’r gofrestr',
    searchBy: 'Chwilio yn ôl cyfeirnod, partneriaeth neu bartner',
    search: 'Chwilio',
    downloadEvery: 'Lawrlwytho pob penderfyniad:',
    downloadThese: 'Lawrlwytho’r penderfyniadau hyn:',
    noMatch: 'Nid oes unrhyw benderfyniad yn cyfateb i “{{q}}”.',
    noneSigned: 'Nid oes unrhyw benderfyniadau wedi’u llofnodi eto.',
    // "penderfyniad" after a numeral: singular, soft after 2, aspirate after 3 and 6.
    total_zero: '{{count, number}} penderfyniad, y rhai a lofnodwyd ddiwethaf yn gyntaf.',
    total_one: '{{count, number}} penderfyniad, y rhai a lofnodwyd ddiwethaf yn gyntaf.',
    total_two: '{{count, number}} benderfyniad, y rhai a lofnodwyd ddiwethaf yn gyntaf.',
    total_few: '{{count, number}} phenderfyniad, y rhai a lofnodwyd ddiwethaf yn gyntaf.',
    total_many: '{{count, number}} phenderfyniad, y rhai a lofnodwyd ddiwethaf yn gyntaf.',
    total_other: '{{count, number}} penderfyniad, y rhai a lofnodwyd ddiwethaf yn gyntaf.',
    matching_zero: '{{count, number}} penderfyniad yn cyfateb i “{{q}}”, y rhai a lofnodwyd ddiwethaf yn gyntaf.',
    matching_one: '{{count, number}} penderfyniad yn cyfateb i “{{q}}”, y rhai a lofnodwyd ddiwethaf yn gyntaf.',
    matching_two: '{{count, number}} benderfyniad yn cyfateb i “{{q}}”, y rhai a lofnodwyd ddiwethaf yn gyntaf.',
    matching_few: '{{count, number}} phenderfyniad yn cyfateb i “{{q}}”, y rhai a lofnodwyd ddiwethaf yn gyntaf.',
    matching_many: '{{count, number}} phenderfyniad yn cyfateb i “{{q}}”, y rhai a lofnodwyd ddiwethaf yn gyntaf.',
    matching_other: '{{count, number}} penderfyniad yn cyfateb i “{{q}}”, y rhai a lofnodwyd ddiwethaf yn gyntaf.',
    reference: 'Cyfeirnod',
    partner: 'Partner',
    // A typed name cannot take the mutation "gan" asks for: named after a colon instead.
    deliveredBy: ', contractwr: {{contractor}}',
    decision: 'Penderfyniad',
    decidedOn: '{{outcome}} ar {{date}}',
    why: 'Pam',
    conditions: 'Amodau',
    checkRecord: 'Gwirio’r cofnod penderfyniad wedi’i lofnodi {{reference}}',
    addenda: 'Atodiadau a lofnodwyd wedyn',
    addendumSignedOn: '{{reference}}, wedi’i lofnodi ar {{date}}',
    pages: {
      label: 'Tudalennau’r gofrestr',
      previous: 'Y dudalen flaenorol',
      current: 'Tudalen {{page}} o {{pages}}',
      next: 'Y dudalen nesaf',
    },
  },
} satisfies Catalogue<typeof en>
