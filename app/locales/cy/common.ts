import { type Catalogue } from '../catalogue'
import type en from '../en/common'

// The 'common' namespace in Welsh (terms: docs/welsh-glossary.md).
export default {
  service: 'Probity',
  title: {
    page: '{{page}} – Probity',
    error: 'Gwall – Probity',
  },
  skipLink: 'Neidio i’r prif gynnwys',
  header: {
    mainNavigation: 'Prif',
    signedInAs: 'Wedi mewngofnodi fel <strong>{{name}}</strong>',
    notifications: 'Hysbysiadau',
    unread: 'heb eu darllen',
    changePassword: 'Newid cyfrinair',
    signOut: 'Allgofnodi',
    signIn: 'Mewngofnodi',
    menu: 'Dewislen',
  },
  nav: {
    home: 'Hafan',
    proposals: 'Cynigion',
    register: 'Cofrestr',
    people: 'Pobl',
    settings: 'Gosodiadau',
    singleSignOn: 'Mewngofnodi sengl',
    rubric: 'Cyfeireb',
    indicators: 'Dangosyddion',
    verify: 'Dilysu cofnod',
    libraryServices: 'Gwasanaethau llyfrgell',
  },
  footer: {
    publicInformation: 'Gwybodaeth gyhoeddus',
    ownRegister: 'Ein cofrestr gyhoeddus o benderfyniadau',
    publicRegisters: 'Cofrestrau cyhoeddus',
    verify: 'Dilysu cofnod wedi’i lofnodi',
    accessibility: 'Hygyrchedd',
    privacy: 'Preifatrwydd',
  },
  language: {
    switchLabel: 'Iaith',
    en: 'English',
    cy: 'Cymraeg',
  },
  form: {
    errorPrefix: 'Gwall: ',
    choose: 'Dewiswch…',
  },
  error: {
    status: 'Gwall {{status}}',
    home: 'Mynd i’ch hafan',
    fallbackTitle: 'Aeth rhywbeth o’i le',
    fallbackBody: 'Mae’r gwall wedi’i gofnodi. Rhowch gynnig arall arni mewn munud.',
    '400': { title: 'Nid oedd modd deall y cais hwnnw', body: 'Gwiriwch yr hyn a roesoch a rhowch gynnig arall arni.' },
    '403': { title: 'Nid oes gennych ganiatâd i weld hwn', body: 'Gofynnwch i weinyddwr eich gwasanaeth os ydych chi’n credu y dylech.' },
    '404': { title: 'Heb ddod o hyd i’r dudalen', body: 'Nid yw’r dudalen neu’r cofnod yn bodoli, neu nid yw’n rhan o’ch gwasanaeth llyfrgell.' },
    '409': { title: 'Mae rhywun arall wedi newid hyn', body: 'Ail-lwythwch y dudalen i weld y fersiwn ddiweddaraf, yna rhowch gynnig arall arni.' },
    '413': { title: 'Mae hynny’n rhy fawr', body: 'Anfonwch rywbeth llai a rhowch gynnig arall arni.' },
    '429': { title: 'Gormod o ymdrechion', body: 'Arhoswch ychydig funudau a rhowch gynnig arall arni.' },
    '503': {
      title: 'Nid yw Probity ar gael am ychydig',
      body: 'Ni all gyrraedd ei gronfa ddata ar hyn o bryd. Rhowch gynnig arall arni mewn munud; os oeddech yn cadw rhywbeth, gwiriwch wedyn a gafodd ei gadw.',
    },
  },
  count: {
    unread_zero: '{{count}} heb eu darllen',
    unread_one: '{{count}} heb ei ddarllen',
    unread_two: '{{count}} heb eu darllen',
    unread_few: '{{count}} heb eu darllen',
    unread_many: '{{count}} heb eu darllen',
    unread_other: '{{count}} heb eu darllen',
  },
  notFound: {
    page: 'Ni chafwyd hyd i’r dudalen',
    proposal: 'Ni chafwyd hyd i’r cynnig',
    concern: 'Ni chafwyd hyd i’r pryder',
    record: 'Ni chafwyd hyd i’r cofnod',
    attachment: 'Ni chafwyd hyd i’r ffeil atodedig',
    addendum: 'Ni chafwyd hyd i’r atodiad',
    unexpectedForm: 'Nid oedd y cais ar y ffurf ddisgwyliedig.',
  },
  refusals: {
    conflict: 'Mae rhywun arall wedi newid y cynnig hwn. Ail-lwythwch y dudalen i weld y fersiwn ddiweddaraf, yna rhowch gynnig arall arni.',
    notAllowed: 'Nid yw’r weithred honno ar gael i chi ar y cam hwn.',
  },
  errors: {
    operatorNoRecords: 'Mae gweithredwyr yn rheoli gwasanaethau llyfrgell ac nid ydynt yn gweld dim o’u cofnodion.',
    noPermission: 'Nid oes gennych ganiatâd i wneud hynny.',
    noSuchRegister: 'Nid oes cofrestr o’r fath',
    // Each language is named in itself, as on the language switch.
    chooseLanguage: 'Dewiswch English neu Cymraeg.',
    noSigningCertificate: 'Nid oes tystysgrif llofnodi wedi’i gosod.',
    recordUnreadable: 'Nid oes modd darllen y copi o’r cofnod hwn sydd wedi’i gadw. Gofynnwch i weinyddwr ei adfer o gopi wrth gefn.',
    attachmentMissing: 'Mae’r ffeil atodedig hon ar goll; rhowch wybod i’ch gweinyddwr.',
    addendumUnreadable: 'Nid oes modd darllen y copi o’r atodiad hwn sydd wedi’i gadw. Gofynnwch i weinyddwr ei adfer o gopi wrth gefn.',
  },
} satisfies Catalogue<typeof en>
