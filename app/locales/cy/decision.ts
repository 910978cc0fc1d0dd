import { type Catalogue } from '../catalogue'
import type en from '../en/decision'

// The 'decision' namespace in Welsh (terms: docs/welsh-glossary.md, "Consultation and decision").
export default {
  title: 'Penderfyniad',
  outcome: {
    approve: 'Cymeradwyo',
    approve_with_conditions: 'Cymeradwyo gydag amodau',
    reject: 'Gwrthod',
    return_for_revision: 'Dychwelyd i’w ddiwygio (yn ôl i ddrafft, i’w sgrinio eto)',
  },
  outcomeStated: {
    approve: 'Cymeradwywyd',
    approve_with_conditions: 'Cymeradwywyd gydag amodau',
    reject: 'Gwrthodwyd',
    return_for_revision: 'Dychwelwyd i’w ddiwygio',
  },
  page: {
    cannotSign: 'Ni ellir llofnodi cofnodion penderfyniadau ar hyn o bryd.',
    cannotSignUntil:
      'Hyd nes y bydd gweinyddwr yn datrys hyn, caiff llofnod olaf penderfyniad ei wrthod ac ni chaiff dim ei gofnodi.',
    settled: 'Caiff y penderfyniad ei gofnodi yma pan fydd dwy ran yr ymgynghoriad wedi’u cwblhau.',
    pendingHeading: 'Penderfyniad yn aros am lofnod',
    recordedAt: 'Cofnodwyd {{date}}.',
    signatures: 'Llofnodion',
    recordBelow: 'Cofnodwch y penderfyniad isod.',
    notYetRecorded: 'Nid yw’r prif lyfrgellydd wedi cofnodi’r penderfyniad eto.',
    signedHeading: 'Penderfyniadau wedi’u llofnodi',
    afterRevision: ' (ar ôl diwygiad {{round}})',
  },
  summary: {
    heading: 'Beth a ganfu’r ymgynghoriad',
    recommendationsCaption: 'Argymhellion ac atebion y gwasanaeth',
    recommendation: 'Argymhelliad',
    answer: 'Ateb',
    staff: 'Staff',
    byCategoryCaption: 'Pryderon fesul categori',
    category: 'Categori',
    concerns: 'Pryderon',
    endorsements: 'Cefnogwyr',
    raisedBy: ', codwyd gan {{author}} ar {{date}} ({{endorsements}})',
    union: 'Undeb llafur',
  },
  recorded: {
    outcome: 'Canlyniad',
    rationale: 'Rhesymeg',
    conditions: 'Amodau',
    number: 'Rhif',
    condition: 'Amod',
    source: 'Ffynhonnell',
    overrides: 'Materion atal a ddiystyrwyd',
    dissent: 'Anghytuno a barn leiafrifol',
    monitoring: 'Monitro',
    indicators: 'Dangosyddion',
    indicator: 'Dangosydd',
    baseline: 'Llinell sylfaen',
    direction: 'Cyfeiriad',
    threshold: 'Trothwy',
  },
  signatures: {
    signedBy: 'Llofnodwyd gan {{name}}, {{role}}, {{date}}',
    none: 'Nid oes neb wedi’i lofnodi eto.',
    // "Llofnodion: 1 o 2" avoids the mutation a numeral would need before "llofnod".
    progress:
      'Llofnodion: {{signed}} o {{required}}. Caiff y cofnod wedi’i lofnodi ei greu pan fydd y llofnodwr olaf yn llofnodi.',
  },
  record: {
    signedRecord: 'Cofnod wedi’i lofnodi',
    download: 'Lawrlwytho cofnod {{reference}} (PDF)',
    signed: 'Llofnodwyd',
    sha256: 'SHA-256',
    verify: 'Dilysu',
    check: 'Gwirio cofnod {{reference}} ar y dudalen ddilysu',
  },
  sign: {
    heading: 'Llofnodi’r penderfyniad',
    intro:
      'Darllenwch y penderfyniad uchod. Mae llofnodi’n derfynol: pan fydd y llofnodwr olaf yn llofnodi, ni ellir newid y penderfyniad na’i gofnod wedi’i lofnodi.',
    sso: 'Gwnaethoch fewngofnodi drwy fewngofnodi sengl: i gadarnhau mai chi sy’n llofnodi, bydd eich darparwr hunaniaeth yn gofyn i chi fewngofnodi eto, yna’n dod â chi’n ôl yma a chaiff y penderfyniad ei lofnodi.',
    password: 'Eich cyfrinair',
    passwordHint: 'Rhowch y cyfrinair rydych yn mewngofnodi ag ef, i gadarnhau mai chi sy’n llofnodi.',
    submit: 'Llofnodi’r penderfyniad',
  },
  form: {
    changeHeading: 'Newid y penderfyniad',
    recordHeading: 'Cofnodi’r penderfyniad',
    changeIntro:
      'Hyd nes y bydd rhywun yn llofnodi, cewch newid y penderfyniad. Mae ei gofnodi eto yn disodli’r fersiwn uchod.',
    recordIntro:
      'Mae’r penderfyniad yn mynd at ei lofnodwyr pan fyddwch yn ei gofnodi. Cewch ei newid hyd nes y bydd y cyntaf ohonynt yn llofnodi.',
    outcome: 'Canlyniad',
    rationale: 'Rhesymeg',
    rationaleHint: 'Pam y penderfynodd y gwasanaeth fel y gwnaeth. Caiff ei argraffu ar y cofnod wedi’i lofnodi.',
    conditions: 'Amodau',
    conditionsHint:
      'Ar gyfer cymeradwyaeth gydag amodau. Mae’r argymhellion a dderbyniwyd yn yr ymgynghoriad a’r ymrwymiadau a wnaed i staff wedi’u llenwi; newidiwch nhw neu ychwanegwch ragor.',
    condition: 'Amod {{number}}',
    removeCondition: 'Dileu amod {{number}}',
    addCondition: 'Ychwanegu amod',
    blocking: 'Materion atal',
    blockingHint:
      'Canfu’r sgrinio fod y mesurau diogelu preifatrwydd gofynnol hyn ar goll. I gymeradwyo er gwaethaf un ohonynt, cofnodwch pam; caiff y diystyru ei argraffu ar y cofnod wedi’i lofnodi.',
    overrideFor: 'Diystyru ar gyfer: {{issue}}',
    dissent: 'Anghytuno a barn leiafrifol',
    dissentHint:
      'Barn adolygwyr a oedd yn anghytuno, wedi’i hargraffu ar y cofnod. Lle rhoddodd adolygwyr sgoriau i faen prawf a oedd ddau fand neu fwy ar wahân, mae eu sgoriau a’u rhesymau wedi’u llenwi; golygwch neu dilëwch nhw.',
    view: 'Barn {{number}}',
    removeView: 'Dileu barn {{number}}',
    addView: 'Ychwanegu barn',
    monitoring: 'Cynllun monitro (ar gyfer cymeradwyaeth)',
    monitoringHint: 'Pa mor aml yr adolygir y bartneriaeth, a beth a fesurir yn erbyn pa drothwy.',
    interval: 'Adolygu bob (misoedd)',
    startsOn: 'Dechrau’r cyfnod adolygu cyntaf',
    indicator: 'Dangosydd {{number}}',
    name: 'Enw',
    unit: 'Uned',
    unitHint: 'Er enghraifft, “ymweliadau’r mis”.',
    baseline: 'Llinell sylfaen',
    direction: 'Cyfeiriad',
    thresholdKind: 'Mesurir y trothwy fel',
    threshold: 'Trothwy',
    thresholdHint: 'Pa mor bell y caiff symud i’r cyfeiriad anghywir o’r llinell sylfaen cyn ailasesu.',
    measure: 'Daw’r gwerth o',
    removeIndicator: 'Dileu dangosydd {{number}}',
    addIndicator: 'Ychwanegu dangosydd',
    submitChanged: 'Cofnodi’r penderfyniad wedi’i newid',
    submit: 'Cofnodi’r penderfyniad',
  },
  certificateWarning: {
    heading: 'Nid oes modd llofnodi cofnodion penderfyniadau',
    until:
      'Hyd nes y caiff hyn ei drwsio, caiff llofnod olaf unrhyw benderfyniad ei wrthod ac ni chofnodir dim. Mae’r adran “<readme>Signed decision records</readme>” yn y README yn esbonio sut i osod tystysgrif.',
  },
  signing: {
    proposalNotFound: 'Ni chafwyd hyd i’r cynnig',
    accountCannotSign: 'Ni all eich cyfrif lofnodi.',
    passwordRequired: 'Rhowch eich cyfrinair i lofnodi.',
    throttled_zero: 'Gormod o gyfrineiriau anghywir. Arhoswch {{count}} munud a rhowch gynnig arall arni.',
    throttled_one: 'Gormod o gyfrineiriau anghywir. Arhoswch {{count}} munud a rhowch gynnig arall arni.',
    throttled_two: 'Gormod o gyfrineiriau anghywir. Arhoswch {{count}} funud a rhowch gynnig arall arni.',
    throttled_few: 'Gormod o gyfrineiriau anghywir. Arhoswch {{count}} munud a rhowch gynnig arall arni.',
    throttled_many: 'Gormod o gyfrineiriau anghywir. Arhoswch {{count}} munud a rhowch gynnig arall arni.',
    throttled_other: 'Gormod o gyfrineiriau anghywir. Arhoswch {{count}} munud a rhowch gynnig arall arni.',
    wrongPassword: 'Nid yw’r cyfrinair hwnnw’n gywir. Rhowch y cyfrinair rydych yn ei ddefnyddio i fewngofnodi.',
    notRecorded: {
      decision: 'Nid oedd modd cynhyrchu’r cofnod penderfyniad, felly nid yw eich llofnod wedi’i gofnodi.',
      addendum: 'Nid oedd modd cynhyrchu’r atodiad, felly nid yw eich llofnod wedi’i gofnodi.',
    },
    timestampFailed:
      '{{notRecorded}} Nid oedd modd rhoi stamp amser ar y cofnod: {{detail}} Gofynnwch i weinyddwr ei wirio, yna llofnodwch eto.',
    certificateUnusable:
      '{{notRecorded}} Nid oes modd defnyddio’r dystysgrif llofnodi: {{detail}} Gofynnwch i weinyddwr ei thrwsio, yna llofnodwch eto.',
    storageFailed:
      '{{notRecorded}} Nid oedd modd cadw ffeil y cofnod. Gofynnwch i weinyddwr wirio’r gronfa ddata, yna llofnodwch eto.',
    noOutcomeToSign: 'Does dim canlyniad yn aros i gael ei lofnodi.',
    cannotSignOutcome: 'Ni allwch lofnodi’r canlyniad hwn: mae angen llofnodwr gwahanol, neu rydych wedi’i lofnodi eisoes.',
  },
} satisfies Catalogue<typeof en>
