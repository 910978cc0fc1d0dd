import { type Catalogue } from '../catalogue'
import type en from '../en/email'

// The 'email' namespace in Welsh (terms: docs/welsh-glossary.md). Interpolated
// titles follow "ynghylch" or a colon, which mutate nothing, so a typed title
// never needs a mutation Probity cannot make.
export default {
  bilingual: {
    englishBelow: 'Mae’r fersiwn Saesneg yn dilyn y fersiwn Gymraeg.',
  },
  dear: 'Annwyl {{name}},',
  hello: 'Annwyl {{name}},',
  signature: '— Probity, {{service}}',
  roles: {
    admin: 'Gweinyddwr',
    chief_librarian: 'Prif lyfrgellydd',
    reviewer: 'Adolygydd moeseg',
    staff: 'Staff',
    signatory: 'Llofnodwr',
  },
  invitation: {
    subject: 'Gwahoddiad i ddefnyddio Probity: {{service}}',
    added: 'Mae {{service}} wedi eich ychwanegu at Probity, lle mae’r gwasanaeth llyfrgell yn penderfynu ar bartneriaethau masnachol yn agored.',
    choose: 'Dewiswch eich cyfrinair gyda’r ddolen hon (dim ond unwaith y mae’n gweithio):',
    expires: 'Mae’r ddolen yn dod i ben am {{when}}. Os yw wedi dod i ben, gofynnwch i’ch gweinyddwr anfon un newydd.',
    signInAs: 'Byddwch yn mewngofnodi gyda’r cyfeiriad e-bost hwn: {{email}}',
  },
  reset: {
    subject: 'Ailosod eich cyfrinair Probity',
    asked: 'Mae rhywun (chi, gobeithio) wedi gofyn am ailosod eich cyfrinair Probity. Dewiswch un newydd gyda’r ddolen hon (dim ond unwaith y mae’n gweithio):',
    expires: 'Mae’r ddolen yn dod i ben am {{when}}. Mae gosod cyfrinair newydd yn eich allgofnodi ym mhob man arall.',
    ignore: 'Os na wnaethoch chi ofyn am hyn, anwybyddwch yr e-bost hwn: bydd eich cyfrinair yn aros fel y mae.',
  },
  consultationOpened: {
    title: 'Ymgynghoriad â staff ar agor: {{title}}',
    body: 'Darllenwch y crynodeb a chodwch unrhyw bryderon, gyda’ch enw neu’n ddienw, erbyn {{date}}.',
    intro: 'Mae eich gwasanaeth llyfrgell yn ymgynghori â staff ar bartneriaeth arfaethedig gyda {{partner}}: {{title}}.',
    anonymous: 'Caiff pryderon dienw eu cadw heb eich enw, eich cyfrif nac amser y dydd.',
  },
  concernAnswered: {
    title: 'Mae ymateb i’ch pryder ynghylch {{title}}',
    body: 'Mae’r ymateb wedi’i gyhoeddi gyda’ch pryder.',
  },
  // "pryder" after a numeral: singular, soft after 2, aspirate after 3 and 6 (glossary).
  concernsReleased: {
    title_zero: '{{count}} pryder dienw ynghylch {{title}}',
    title_one: 'Pryder dienw ynghylch {{title}}',
    title_two: '{{count}} bryder dienw ynghylch {{title}}',
    title_few: '{{count}} phryder dienw ynghylch {{title}}',
    title_many: '{{count}} phryder dienw ynghylch {{title}}',
    title_other: '{{count}} pryder dienw ynghylch {{title}}',
    body: 'Wedi’u rhyddhau gyda swp heddiw; darllenwch nhw ac ymatebwch iddynt ar dudalen yr ymgynghoriad.',
  },
  consultationClosing: {
    title: 'Mae’r ymgynghoriad â staff ynghylch {{title}} yn cau ar {{date}}',
    body: 'Mae angen ateb i bob pryder cyn y gellir cwblhau’r ymgynghoriad.',
  },
  signaturesAwaited: {
    title: 'Mae’r penderfyniad ynghylch {{title}} yn aros am eich llofnod',
    body: 'Darllenwch y penderfyniad a’i lofnodi, neu dywedwch pam lai, er mwyn i’w gofnod gael ei gyhoeddi.',
  },
  reviewDue: {
    title: 'Adolygiad {{slot}} ynghylch {{title}}: i’w gofnodi erbyn {{date}}',
    body: 'Cofnodwch ef gyda gwerthoedd y dangosyddion a statws yr amodau erbyn hynny.',
  },
  reviewOverdue: {
    title: 'Adolygiad {{slot}} ynghylch {{title}}: mae’n hwyr',
    body: 'Roedd i’w gofnodi erbyn {{date}}. Cofnodwch ef gyda gwerthoedd y dangosyddion a statws yr amodau.',
  },
  ssoProvisioned: {
    title: 'Person newydd drwy fewngofnodi sengl: {{name}}',
    body: 'Mewngofnododd {{name}} ({{email}}) gyda {{provider}} am y tro cyntaf, a chafodd y rôl {{role}}. Gwiriwch rolau’r person o dan Pobl.',
  },
  waiting: {
    sign_decision: {
      title: 'Mae’r penderfyniad ynghylch {{title}} yn aros am eich llofnod',
      body: 'Darllenwch y penderfyniad a’i lofnodi gyda’ch cyfrinair er mwyn i’w gofnod gael ei gyhoeddi.',
    },
    sign_reassessment: {
      title: 'Mae canlyniad yr ailasesiad ynghylch {{title}} yn aros am eich llofnod',
      body: 'Mae wedi’i lofnodi unwaith ac mae angen eich llofnod chi i’w setlo. Darllenwch ef a’i lofnodi gyda’ch cyfrinair.',
    },
    sign_suspension: {
      title: 'Mae canlyniad yr ataliad ynghylch {{title}} yn aros am eich llofnod',
      body: 'Mae wedi’i lofnodi unwaith ac mae angen eich llofnod chi i’w setlo. Darllenwch ef a’i lofnodi gyda’ch cyfrinair.',
    },
    declare_interests: {
      title: 'Rydych yn adolygydd ar gyfer {{title}}',
      body: 'Datganwch unrhyw wrthdaro buddiannau yn gyntaf; yna sgoriwch y meini prawf ac atebwch y rhestr wirio preifatrwydd.',
    },
    submit_review: {
      title: 'Mae disgwyl eich adolygiad ar gyfer {{title}}',
      body: 'Sgoriwch y meini prawf ac atebwch y rhestr wirio preifatrwydd, yna cyflwynwch eich adolygiad.',
    },
    answer_recommendation: {
      title: 'Mae argymhellion y corff proffesiynol ynghylch {{title}} yn aros am eich ateb',
      body: 'Nodwch ar gyfer pob argymhelliad a yw wedi’i dderbyn, a pham.',
    },
    answer_concern: {
      title: 'Mae pryderon staff ynghylch {{title}} yn aros am eich ateb',
      body: 'Cyhoeddwch ymateb i bob pryder cyn y gellir cwblhau’r ymgynghoriad.',
    },
    record_review: {
      title: 'Mae adolygiad monitro ynghylch {{title}} i’w gofnodi',
      body: 'Cofnodwch ef gyda gwerthoedd y dangosyddion a statws yr amodau.',
    },
  },
} satisfies Catalogue<typeof en>
