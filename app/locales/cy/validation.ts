import { type Catalogue } from '../catalogue'
import type en from '../en/validation'

// The 'validation' namespace in Welsh (terms: docs/welsh-glossary.md).
export default {
  signIn: {
    emailRequired: 'Rhowch eich cyfeiriad e-bost',
    emailTooLong: 'Mae’r cyfeiriad e-bost hwnnw’n rhy hir',
    emailInvalid: 'Rhowch gyfeiriad e-bost fel enw@enghraifft.org',
    passwordRequired: 'Rhowch eich cyfrinair',
    passwordTooLong: 'Mae’r cyfrinair hwnnw’n rhy hir',
  },
  people: {
    theirName: 'Rhowch eu henw llawn',
    yourName: 'Rhowch eich enw llawn',
    adminName: 'Rhowch enw llawn y gweinyddwr',
    theirEmail: 'Rhowch eu cyfeiriad e-bost',
    yourEmail: 'Rhowch eich cyfeiriad e-bost',
    adminEmail: 'Rhowch gyfeiriad e-bost y gweinyddwr',
    emailTooLong: 'Mae’r cyfeiriad e-bost hwnnw’n rhy hir',
    emailInvalid: 'Rhowch gyfeiriad e-bost fel enw@enghraifft.org',
    tooLong: 'Defnyddiwch ddim mwy na {{max}} nod',
    rolesRequired: 'Dewiswch o leiaf un rôl',
    rolesUnknown: 'Dewiswch rolau o’r rhestr',
    serviceName: 'Rhowch enw’r gwasanaeth llyfrgell',
    setupToken: 'Rhowch y tocyn gosod o log y gweinydd',
    setupTokenInvalid: 'Nid tocyn gosod yw hwnnw',
  },
  password: {
    required: 'Rhowch gyfrinair',
    newRequired: 'Rhowch gyfrinair newydd',
    currentRequired: 'Rhowch eich cyfrinair presennol',
    tooShort: 'Defnyddiwch o leiaf {{min}} nod',
    tooLong: 'Mae’r cyfrinair hwnnw’n rhy hir',
    sameAsCurrent: 'Dewiswch gyfrinair sy’n wahanol i’ch un presennol',
  },
  settings: {
    languages: 'Dewiswch ym mha ieithoedd y mae eich gwasanaeth yn gweithio',
  },
} satisfies Catalogue<typeof en>
