import { type Catalogue } from '../catalogue'
import type en from '../en/auth'

// The 'auth' namespace in Welsh (terms: docs/welsh-glossary.md).
export default {
  login: {
    title: 'Mewngofnodi',
    passwordChosen: 'Mae’r cyfrinair wedi’i osod. Mewngofnodwch ag ef nawr.',
    passwordReset: 'Mae’r cyfrinair wedi’i newid. Rydych wedi cael eich allgofnodi ym mhobman; mewngofnodwch â’r un newydd.',
    serviceSso: 'Mae {{service}} yn mewngofnodi drwy ei ddarparwr hunaniaeth.',
    signInWith: 'Mewngofnodi gyda {{provider}}',
    ssoHeading: 'Mewngofnodi sengl',
    ssoHint: 'Os yw eich gwasanaeth llyfrgell yn mewngofnodi drwy Microsoft, Google neu ddarparwr hunaniaeth arall.',
    ssoEmail: 'E-bost gwaith (mewngofnodi sengl)',
    ssoContinue: 'Parhau gyda mewngofnodi sengl',
    passwordHeading: 'Gyda’ch cyfrinair',
    passwordHint: 'Defnyddiwch y cyfeiriad e-bost a gofrestrodd eich gwasanaeth llyfrgell ar eich cyfer.',
    email: 'Cyfeiriad e-bost',
    password: 'Cyfrinair',
    submit: 'Mewngofnodi',
    forgot: 'Wedi anghofio eich cyfrinair?',
  },
} satisfies Catalogue<typeof en>
