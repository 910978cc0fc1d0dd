import { type Catalogue } from '../catalogue'
import type en from '../en/admin'

// The 'admin' namespace in Welsh (terms: docs/welsh-glossary.md).
export default {
  settings: {
    languages: {
      legend: 'Ieithoedd',
      hint: 'Yr ieithoedd y mae eich gwasanaeth yn gweithio ynddynt. Gyda’r ddwy, mae pawb yn dewis eu hiaith eu hunain gyda’r switsh ar frig pob tudalen.',
      en: 'Saesneg yn unig',
      cy: 'Cymraeg yn unig',
      both: 'Cymraeg a Saesneg',
    },
  },
  outbox: {
    title: 'Blwch e-byst allan',
    intro: 'Nid oes gweinydd e-bost wedi’i ffurfweddu (SMTP_URL), felly mae Probity yn cadw yma’r e-byst y byddai wedi’u hanfon, yn lle eu hanfon. Caiff hysbysiadau yn yr ap eu cyflwyno fel arfer.',
    empty: 'Nid oes unrhyw e-bost wedi’i giwio.',
    meta: 'At {{to}} · {{at}} UTC · {{status}}',
    status: { captured: 'wedi’i gadw, heb ei anfon', pending: 'yn aros', sent: 'wedi’i anfon', failed: 'wedi methu' },
  },
  setup: {
    title: 'Gosod Probity',
    intro: 'Nid oes gan Probity unrhyw wasanaeth llyfrgell eto. Crëwch eich un chi a’i weinyddwr cyntaf: chi. Yna byddwch yn ychwanegu pawb arall o dan Pobl.',
    token: 'Tocyn gosod',
    tokenHint: 'Wedi’i argraffu yn log y gweinydd pan ddechreuodd Probity, ar ôl “enter this one-time setup token”.',
    serviceName: 'Enw’r gwasanaeth llyfrgell',
    you: 'Chi, ei weinyddwr cyntaf',
    yourName: 'Eich enw llawn',
    yourEmail: 'Eich cyfeiriad e-bost',
    yourEmailHint: 'Byddwch yn mewngofnodi ag ef.',
    password: 'Dewiswch gyfrinair',
    passwordHint_zero: 'O leiaf {{count}} nod.',
    passwordHint_one: 'O leiaf {{count}} nod.',
    passwordHint_two: 'O leiaf {{count}} nod.',
    passwordHint_few: 'O leiaf {{count}} nod.',
    passwordHint_many: 'O leiaf {{count}} nod.',
    passwordHint_other: 'O leiaf {{count}} nod.',
    submit: 'Creu’r gwasanaeth llyfrgell',
    throttled: 'Gormod o docynnau gosod anghywir. Arhoswch {{minutes}} munud a rhowch gynnig arall arni.',
    wrongToken: 'Nid hwnnw yw’r tocyn gosod. Copïwch ef o log y gweinydd, a argraffwyd pan ddechreuodd Probity.',
    emailTaken: 'Mae gan rywun gyfrif gyda’r cyfeiriad e-bost hwn eisoes',
  },
} satisfies Catalogue<typeof en>
