import { type Catalogue } from '../catalogue'
import type en from '../en/public'

// The 'public' namespace in Welsh: `satisfies` fails the typecheck when a key is missing or extra.
// The statement and the notice follow gov.wales's wording where it has one (docs/welsh-glossary.md).
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
  accessibility: {
    title: 'Datganiad hygyrchedd',
    intro:
      'Mae’r datganiad hwn yn berthnasol i Probity yn y cyfeiriad hwn: ei dudalennau, y cofrestrau cyhoeddus o benderfyniadau a’r tudalennau sy’n dilysu cofnod wedi’i lofnodi. Rydym am i gymaint o bobl â phosibl allu ei ddefnyddio. Dylech allu:',
    can: {
      narrow: 'ei ddefnyddio ar led o 320 picsel, neu wedi’i chwyddo i 400%, heb sgrolio i’r ochr',
      keyboard: 'defnyddio pob rhan ohono â bysellfwrdd yn unig, gan ddechrau â dolen sy’n neidio i’r prif gynnwys',
      screenReader:
        'ei ddefnyddio â darllenydd sgrin: mae gan y tudalennau benawdau mewn trefn, meysydd ffurflen wedi’u labelu, a gwallau wrth ymyl y maes y maent yn ymwneud ag ef',
      targets: 'tapio pob rheolydd: mae pob un yn 24 wrth 24 picsel o leiaf, neu â digon o le o’i gwmpas i’r un diben',
    },
    statusHeading: 'Pa mor hygyrch ydyw',
    status:
      'Mae Probity yn cydymffurfio’n rhannol â safon AA fersiwn 2.2 Canllawiau Hygyrchedd Cynnwys y We (WCAG), oherwydd yr eithriad a restrir isod.',
    gapsHeading: 'Beth nad yw’n hygyrch',
    gaps: {
      records:
        'Mae cofnodion penderfyniad ac atodiadau wedi’u llofnodi yn ffeiliau PDF heb dagiau: ni all darllenydd sgrin ddilyn eu strwythur, ac nid oes testun amgen i’w siartiau a’u cod QR y tu mewn i’r PDF. Mae gan bob cofnod dudalen we hygyrch â’r un cynnwys yn union, yn /verify/<cofnod>/record, a cheir dolen iddi o’r cofnod ei hun ac o’i dudalen ddilysu.',
      papers: 'Caiff papurau sydd ynghlwm wrth gynigion eu cyhoeddi fel y llwythodd y sawl a gyflwynodd y cynnig nhw; nid yw Probity yn eu gwirio.',
    },
    testingHeading: 'Sut y gwnaethom ei brofi',
    testing:
      'Mae pob newid i Probity yn rhedeg profion porwr awtomataidd sy’n agor ei dudalennau yn Chromium ac yn gwirio pob tudalen ag axe-core yn erbyn rheolau A ac AA WCAG 2.0, 2.1 a 2.2; yn gwirio pob un ar 320 wrth 640 picsel am sgrolio i’r ochr ac am reolyddion llai na 24 wrth 24 picsel; ac yn llenwi ac yn cyflwyno ffurflenni â’r bysellfwrdd. Dim ond rhai problemau y mae gwiriadau awtomataidd yn eu canfod. Nid yw Probity wedi cael ei archwilio eto gan bobl sy’n defnyddio technoleg gynorthwyol.',
    reportHeading: 'Rhoi gwybod am broblem, neu ofyn am fformat arall',
    // The service's name after a colon: "â" would ask a mutation of a typed name.
    reportTo:
      'Os byddwch yn dod o hyd i broblem, neu os oes arnoch angen gwybodaeth o Probity mewn fformat arall, cysylltwch â’r gwasanaeth llyfrgell hwn: {{service}}. Dywedwch pa dudalen, beth roeddech yn ceisio’i wneud, a beth ddigwyddodd.',
    reportGeneric:
      'Os byddwch yn dod o hyd i broblem, neu os oes arnoch angen gwybodaeth o Probity mewn fformat arall, cysylltwch â’r gwasanaeth llyfrgell yr oeddech yn defnyddio ei dudalennau neu ei gofnodion. Dywedwch pa dudalen, beth roeddech yn ceisio’i wneud, a beth ddigwyddodd.',
    enforcementHeading: 'Y weithdrefn orfodi',
    enforcement:
      'Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy’n gyfrifol am orfodi Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Chymwysiadau Symudol) (Rhif 2) 2018 yng Nghymru, Lloegr a’r Alban. Os nad ydych yn fodlon ar y ffordd yr atebir eich cwyn, cysylltwch â’r <eass>Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS)</eass>.',
    northernIreland: 'Yng Ngogledd Iwerddon, cysylltwch â <ecni>Chomisiwn Cydraddoldeb Gogledd Iwerddon (ECNI)</ecni>.',
    verify: 'I wirio cofnod wedi’i lofnodi a dod o hyd i’w dudalen hygyrch, defnyddiwch y <verify>dudalen ddilysu</verify>.',
    privacy: 'Mae’r ffordd y mae Probity yn trin data personol wedi’i hesbonio yn ei <privacy>hysbysiad preifatrwydd</privacy>.',
    prepared:
      'Paratowyd y datganiad hwn ar 7 Rhagfyr 2026, o’r gwiriadau y mae profion Probity yn eu gwneud. Caiff ei adolygu pan fydd y gwiriadau hynny’n newid, ac o leiaf unwaith y flwyddyn.',
  },
  privacy: {
    title: 'Hysbysiad preifatrwydd',
    intro:
      'Probity yw’r lle y mae gwasanaeth llyfrgell cyhoeddus yn penderfynu, yn agored ac ar gofnod, a ddylai ymrwymo i bartneriaeth fasnachol. Mae’r hysbysiad hwn yn dweud beth y mae’n ei gadw am bobl, pam, ac am ba hyd. Caiff ei gynhyrchu o’r un tabl ag y mae’r dasg ddileu ddyddiol yn gweithio ohono, felly y cyfnodau isod yw’r rhai y mae Probity yn eu defnyddio.',
    controllerHeading: 'Pwy sy’n gyfrifol am eich data',
    controllerOf:
      '{{service}} yw rheolydd y data personol y mae’n ei gadw yn Probity. Mae pwy bynnag sy’n lletya Probity iddo yn prosesu’r data hwnnw ar ei ran, ac nid yw’n gweld unrhyw gynnig, pryder na phenderfyniad.',
    controllerGeneric:
      'Mae pob gwasanaeth llyfrgell sy’n defnyddio Probity yn rheolydd y data personol y mae’n ei gadw yma. Mae pwy bynnag sy’n lletya Probity iddo yn prosesu’r data hwnnw ar ei ran, ac nid yw’n gweld unrhyw gynnig, pryder na phenderfyniad.',
    basisHeading: 'Pam y caiff Probity gadw’r data',
    basis:
      'Y sail gyfreithlon yw tasg gyhoeddus (Erthygl 6(1)(e) GDPR y DU): rhaid i wasanaeth llyfrgell allu dangos sut, gan bwy ac ar sail pa dystiolaeth y penderfynodd ymrwymo i bartneriaeth fasnachol neu ei gwrthod.',
    heldHeading: 'Beth y mae Probity yn ei gadw, pam, ac am ba hyd',
    what: 'Beth',
    about: 'Am bwy',
    why: 'Pam',
    howLong: 'Am ba hyd',
    periodEnd: '{{period}}.',
    periodKept: '{{period}}. Caiff ei gadw ar ôl dileu data.',
    // A noun after a numeral stays singular; "diwrnod" and "munud" soften after 2.
    period: {
      minute_zero: '{{count}} munud',
      minute_one: '{{count}} munud',
      minute_two: '{{count}} funud',
      minute_few: '{{count}} munud',
      minute_many: '{{count}} munud',
      minute_other: '{{count}} munud',
      hour_zero: '{{count}} awr',
      hour_one: '{{count}} awr',
      hour_two: '{{count}} awr',
      hour_few: '{{count}} awr',
      hour_many: '{{count}} awr',
      hour_other: '{{count}} awr',
      day_zero: '{{count}} diwrnod',
      day_one: '{{count}} diwrnod',
      day_two: '{{count}} ddiwrnod',
      day_few: '{{count}} diwrnod',
      day_many: '{{count}} diwrnod',
      day_other: '{{count}} diwrnod',
    },
    categoriesJoin: ', ',
    categories: {
      everyone_with_an_account: 'pawb sydd â chyfrif',
      proposers: 'prif lyfrgellwyr sy’n cyflwyno cynigion',
      reviewers: 'adolygwyr moeseg',
      staff: 'staff',
      signatories: 'llofnodwyr',
      administrators: 'gweinyddwyr',
      public: 'aelodau o’r cyhoedd',
    },
    holdings: {
      accounts: {
        title: 'Eich cyfrif',
        what: 'Eich enw, eich cyfeiriad e-bost gwaith, eich rolau, a stwnsh o’ch cyfrinair (Argon2id; byth y cyfrinair ei hun)',
        why: 'Eich cyfrif: mewngofnodi, dangos pwy wnaeth beth, anfon hysbysiadau atoch',
        howLong:
          'Cyhyd ag y mae eich gwasanaeth llyfrgell yn cadw eich cyfrif. Mae cyfrif sydd wedi’i ddadactifadu yn aros, oherwydd bod y llwybr archwilio a’r cofnodion yn cyfeirio ato; mae dileu data yn rhoi ffugenw yn lle eich enw a’ch cyfeiriad e-bost',
      },
      sessions: {
        title: 'Sesiynau mewngofnodi',
        what: 'Sesiynau mewngofnodi: stwnsh o docyn y cwci, pwy biau’r sesiwn, pryd y dechreuodd a phryd y daw i ben, a sut y gwnaethoch fewngofnodi',
        why: 'Eich cadw wedi mewngofnodi',
        howLong: 'Nes i chi allgofnodi neu nes i’r sesiwn ddod i ben ({{ttl}}); caiff sesiynau sydd wedi dod i ben eu dileu bob dydd',
      },
      'account-links': {
        title: 'Dolenni gwahoddiad ac ailosod cyfrinair',
        what: 'Dolenni gwahoddiad ac ailosod cyfrinair: stwnsh o docyn y ddolen, i bwy y mae, ei diben, pryd y daw i ben a phryd y cafodd ei defnyddio',
        why: 'Gadael i chi osod eich cyfrinair eich hun',
        howLong: 'Nes i’r ddolen ddod i ben (gwahoddiad ar ôl {{invitation}}, ailosod cyfrinair ar ôl {{reset}}), ac yna caiff ei dileu bob dydd',
      },
      'sso-flows': {
        title: 'Mewngofnodi sengl',
        what: 'Teithiau mewngofnodi sengl: stwnsh o’r cyflwr (state), y dilysydd PKCE, y nonce a ble i ddychwelyd',
        why: 'Cwblhau mewngofnodi gyda darparwr hunaniaeth eich cyngor',
        howLong: 'Munudau: caiff ei ddileu unwaith y caiff ei ddefnyddio; caiff rhai a adawyd heb eu gorffen eu dileu bob dydd',
      },
      'sign-in-failures': {
        title: 'Ymdrechion aflwyddiannus i fewngofnodi',
        what: 'Ymdrechion aflwyddiannus i fewngofnodi a chyfrineiriau llofnodi anghywir: stwnsh ag allwedd (HMAC) o’r cyfrif neu o gyfeiriad rhwydwaith y cleient, a’r amser',
        why: 'Arafu ymdrechion i ddyfalu cyfrineiriau',
        howLong: '{{window}}; caiff rhesi hŷn eu dileu pan fydd yr ymdrech aflwyddiannus nesaf, a bob dydd',
      },
      notifications: {
        title: 'Hysbysiadau yn Probity',
        what: 'Hysbysiadau i chi yn Probity: teitl, testun, dolen, a phryd y gwnaethoch ei ddarllen',
        why: 'Dweud wrthych beth sydd angen eich sylw',
        howLong: 'Hysbysiadau wedi’u darllen: {{read}}, ac yna cânt eu dileu bob dydd; rhai heb eu darllen nes i chi eu darllen',
      },
      email: {
        title: 'E-bost',
        what: 'E-byst atoch: cyfeiriad, pwnc, testun, cyflwr y danfon ac ateb diwethaf y gweinydd post',
        why: 'Anfon hysbysiadau a nodiadau atgoffa, a cheisio eto’r rhai a wrthodwyd',
        howLong: 'Wedi’u hanfon: {{sent}} ar ôl eu hanfon, ac yna cânt eu dileu bob dydd. Wedi methu: nes i weinyddwr geisio eto',
      },
      proposals: {
        title: 'Cynigion a phapurau',
        what: 'Cynigion, gyda phwy a’u cyflwynodd, a’r papurau sydd ynghlwm wrthynt (a allai gynnwys data personol staff y partner)',
        why: 'Y penderfyniad a’i gyfiawnhad cyhoeddus',
        howLong: 'Yn barhaol: dyma’r cofnod y caiff y penderfyniad ei amddiffyn ag ef',
      },
      screening: {
        title: 'Sgrinio moesegol',
        what: 'Adolygiadau sgrinio: datganiadau o fuddiant, sgorau, rhesymeg ac atebion i’r rhestr wirio preifatrwydd, gydag enw’r adolygydd',
        why: 'Y sgrinio moesegol annibynnol y mae’r penderfyniad yn seiliedig arno',
        howLong: 'Yn barhaol, gyda’r cynnig',
      },
      'named-concerns': {
        title: 'Pryderon ac ardystiadau wedi’u henwi',
        what: 'Pryderon ac ardystiadau staff wedi’u henwi: y testun a phwy a’i hysgrifennodd; ymatebion i bryderon a phwy a’u rhoddodd',
        why: 'Yr ymgynghoriad â staff',
        howLong: 'Yn barhaol, gyda’r cynnig',
      },
      'anonymous-concerns': {
        title: 'Pryderon ac ardystiadau dienw',
        what: 'Pryderon ac ardystiadau dienw: y testun, stwnsh ag allwedd sy’n atal un person rhag ardystio ddwywaith, stwnsh o’r cod derbynneb a’r diwrnod yn unig. Dim awdur, dim amser o’r dydd: nid yw Probity yn gwybod pwy a’u hysgrifennodd, felly ni all ddweud wrthych chi, nac wrth neb arall',
        why: 'Yr ymgynghoriad â staff, heb ddweud pwy',
        howLong: 'Yn cael eu dal tan y rhyddhau swp nesaf, ac yna eu cadw’n barhaol gyda’r cynnig; nid oes dim sy’n cael ei storio yn dangos pwy yw’r awdur',
      },
      decisions: {
        title: 'Penderfyniadau, llofnodion a monitro',
        what: 'Penderfyniadau, llofnodion (pwy lofnododd, ym mha rôl, pryd), ymatebion i ymgynghoriadau, adolygiadau monitro a digwyddiadau, gydag enwau’r rhai a’u cofnododd',
        why: 'Y penderfyniad fel y’i gwnaed, a monitro’r bartneriaeth',
        howLong: 'Yn barhaol: dyma’r cofnod y caiff y penderfyniad ei amddiffyn ag ef',
      },
      audit: {
        title: 'Y llwybr archwilio',
        what: 'Y llwybr archwilio: pa gyfrif a wnaeth beth a phryd (yn ôl rhif y cyfrif, nid yn ôl enw), wedi’i gadwyno â stwnsh',
        why: 'Profi beth ddigwyddodd, a’i drefn',
        howLong: 'Yn barhaol: ni ellir ei newid na’i ddileu',
      },
      'signed-records': {
        title: 'Cofnodion penderfyniad wedi’u llofnodi',
        what: 'Cofnodion penderfyniad ac atodiadau wedi’u llofnodi (PDF), sy’n enwi’r sawl a gyflwynodd y cynnig, yr adolygwyr, awduron pryderon wedi’u henwi a’r llofnodwyr',
        why: 'Y penderfyniad fel y’i llofnodwyd: gall unrhyw un sydd â chopi wirio ei fod yn ddilys',
        howLong: 'Yn barhaol a heb eu newid, gan gynnwys ar ôl dileu data: byddai newid cofnod wedi’i lofnodi yn golygu na fyddai’n cael ei ddilysu',
      },
      administration: {
        title: 'Rheolau a gosodiadau',
        what: 'Yr hyn y mae gweinyddwyr yn ei osod: fersiynau o’r gyfeireb, eitemau yn llyfrgell y dangosyddion a gosodiadau, gyda phwy a’u gwnaeth',
        why: 'Gwybod pa fersiwn o’r rheolau a ddefnyddiwyd ar gyfer penderfyniad',
        howLong: 'Yn barhaol',
      },
      public: {
        title: 'Aelodau o’r cyhoedd',
        what: 'Dim byd am aelodau o’r cyhoedd sy’n darllen cofrestr gyhoeddus neu’n gwirio cofnod: dim cyfrif, dim tracio, ac nid yw’r logiau’n cadw cyfeiriadau rhwydwaith',
      },
    },
    anonymousHeading: 'Pryderon dienw',
    anonymous:
      'Gall staff godi a chefnogi pryderon yn ddienw. Nid yw Probity yn storio unrhyw gysylltiad rhwng pryder neu ardystiad dienw a’r person a’i hysgrifennodd: dim cyfrif, dim sesiwn, dim cyfeiriad rhwydwaith, dim amser o’r dydd. Ni all ddweud wrth neb pwy a ysgrifennodd un, ac am yr un rheswm nid yw allforio data ar gyfer cais gwrthrych am wybodaeth yn eu rhestru.',
    rightsHeading: 'Eich hawliau',
    access:
      'Gallwch ofyn am gopi o bopeth y mae Probity yn ei gadw amdanoch (cais gwrthrych am wybodaeth). Gofynnwch i’ch gwasanaeth llyfrgell, yn ysgrifenedig, drwy ei swyddog diogelu data neu weinyddwr Probity: mae gweinyddwr yn ei allforio fel tudalen ddarllenadwy ac fel ffeil y gall peiriant ei darllen. Rhaid i’r gwasanaeth ateb o fewn mis.',
    erasure:
      'Gallwch ofyn i’ch data gael ei ddileu lle mae’r gyfraith yn caniatáu hynny. Gan fod y penderfyniadau y mae Probity yn eu cofnodi yn gofnod corff cyhoeddus, mae dileu data yn rhoi ffugenw yn lle eich enw a’ch cyfeiriad e-bost ym mhob man y mae Probity yn eu dangos, yn cau eich cyfrif ac yn dod â’ch sesiynau i ben; mae’r hyn a wnaethoch yn aros yn y cofnod o dan y ffugenw.',
    signedRecords:
      'Caiff cofnodion penderfyniad wedi’u llofnodi sydd eisoes wedi’u cyhoeddi eu cadw heb eu newid ar ôl dileu data: dogfennau wedi’u llofnodi ydynt, a byddai unrhyw newid yn golygu na fyddent yn cael eu dilysu. Mae eitemau archwilio a ysgrifennwyd cyn 7 Rhagfyr 2026 sy’n enwi llofnodwr hefyd yn aros fel y maent, gan na ellir newid y llwybr archwilio.',
    complaint:
      'Os ydych yn anfodlon ar y ffordd y caiff eich data ei drin, gallwch gwyno i Swyddfa’r Comisiynydd Gwybodaeth: <ico>ico.org.uk</ico>.',
    accessibility: 'Mae pa mor hygyrch yw Probity, a sut i roi gwybod am broblem, wedi’i esbonio yn ei <accessibility>ddatganiad hygyrchedd</accessibility>.',
    prepared: 'Paratowyd yr hysbysiad hwn ar 7 Rhagfyr 2026.',
  },
} satisfies Catalogue<typeof en>
