import { type Catalogue } from '../catalogue'
import type en from '../en/public'

// The 'public' namespace in Welsh: `satisfies` fails the typecheck when a key is missing or extra.
export default {  registers: {
    title: 'Cofrestrau cyhoeddus o benderfyniadau partneriaeth',
    intro: 'Gall gwasanaethau llyfrgell sy’n defnyddio Probity gyhoeddi pob partneriaeth fasnachol y maent yn penderfynu arni, gyda’r rhesymau a’r amodau, a’r cofnod wedi’i lofnodi y gall unrhyw un ei ddilysu.',
    none: 'Nid oes unrhyw wasanaeth llyfrgell yn cyhoeddi cofrestr yma eto.',
    verify: 'Oes gennych gofnod penderfyniad wedi’i lofnodi? <verify>Gwiriwch ei fod yn ddilys</verify>.',
  },
} satisfies Catalogue<typeof en>
