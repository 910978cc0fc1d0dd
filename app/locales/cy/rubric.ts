import { type Catalogue } from '../catalogue'
import type en from '../en/rubric'

// The 'rubric' namespace in Welsh (terms: docs/welsh-glossary.md).
export default {
  administration: 'Gweinyddu',
  view: {
    title: 'Cyfeireb sgrinio',
    notFound: 'Nid oes gan eich gwasanaeth fersiwn o’r gyfeireb gyda’r rhif hwnnw.',
    version: 'Fersiwn {{version}}, o {{date}}',
    inForce: ' (mewn grym)',
    explain:
      '. Caiff pob cynnig ei sgrinio gyda’r fersiwn a oedd mewn grym pan gafodd ei gyflwyno; mae golygu’n creu fersiwn newydd ac yn gadael adolygiadau blaenorol fel yr oeddent.',
    edit: 'Golygu’r gyfeireb',
    seeInForce: 'Gweld y fersiwn sydd mewn grym',
    scale: 'Graddfa a bandiau',
    scaleIntro_zero:
      'Mae adolygwyr yn rhoi sgôr o 1 i 5 i’r tebygolrwydd a’r effaith; y sgôr yw’r naill wedi’i luosi â’r llall, o 1 i 25. Caiff adolygwyr sydd {{count}} band neu fwy ar wahân ar faen prawf eu nodi fel rhai sy’n anghytuno.',
    scaleIntro_one:
      'Mae adolygwyr yn rhoi sgôr o 1 i 5 i’r tebygolrwydd a’r effaith; y sgôr yw’r naill wedi’i luosi â’r llall, o 1 i 25. Caiff adolygwyr sydd {{count}} band neu fwy ar wahân ar faen prawf eu nodi fel rhai sy’n anghytuno.',
    scaleIntro_two:
      'Mae adolygwyr yn rhoi sgôr o 1 i 5 i’r tebygolrwydd a’r effaith; y sgôr yw’r naill wedi’i luosi â’r llall, o 1 i 25. Caiff adolygwyr sydd {{count}} fand neu fwy ar wahân ar faen prawf eu nodi fel rhai sy’n anghytuno.',
    scaleIntro_few:
      'Mae adolygwyr yn rhoi sgôr o 1 i 5 i’r tebygolrwydd a’r effaith; y sgôr yw’r naill wedi’i luosi â’r llall, o 1 i 25. Caiff adolygwyr sydd {{count}} band neu fwy ar wahân ar faen prawf eu nodi fel rhai sy’n anghytuno.',
    scaleIntro_many:
      'Mae adolygwyr yn rhoi sgôr o 1 i 5 i’r tebygolrwydd a’r effaith; y sgôr yw’r naill wedi’i luosi â’r llall, o 1 i 25. Caiff adolygwyr sydd {{count}} band neu fwy ar wahân ar faen prawf eu nodi fel rhai sy’n anghytuno.',
    scaleIntro_other:
      'Mae adolygwyr yn rhoi sgôr o 1 i 5 i’r tebygolrwydd a’r effaith; y sgôr yw’r naill wedi’i luosi â’r llall, o 1 i 25. Caiff adolygwyr sydd {{count}} band neu fwy ar wahân ar faen prawf eu nodi fel rhai sy’n anghytuno.',
    band: '{{band}}: sgôr {{range}}',
    criteria: 'Meini prawf',
    serves: 'Yn gwasanaethu’r egwyddorion hyn: {{principles}}',
    principlesJoin: '; ',
    privacy: 'Rhestr wirio preifatrwydd ar gyfer partneriaid a chyflenwyr',
    privacyCaption:
      'Mae pob adolygydd yn ateb ie, na neu amherthnasol; mae “na” i eitem ofynnol yn fater sy’n atal',
    question: 'Cwestiwn',
    required: 'Gofynnol',
    guidance: 'Canllawiau',
    isRequired: 'Gofynnol',
    isOptional: 'Dewisol',
    versions: 'Fersiynau',
    versionNumber: 'Fersiwn {{version}}',
    versionDate: '({{date}})',
  },
  edit: {
    title: 'Golygu’r gyfeireb sgrinio',
    back: 'Yn ôl i’r gyfeireb',
    intro:
      'Rydych yn golygu fersiwn {{version}}. Mae cadw’n creu fersiwn {{next}}; mae cynigion sydd eisoes wedi’u cyflwyno yn cadw’r fersiwn y cawsant eu sgrinio gyda hi. Mae tynnu maen prawf o ddefnydd yn ei dynnu o sgriniadau newydd yn unig.',
    bands: 'Bandiau',
    bandsHint: 'Y sgôr isaf (tebygolrwydd × effaith, 1–25) ym mhob band; mae unrhyw beth o dan ganolig yn isel.',
    mediumFrom: 'Canolig o',
    highFrom: 'Uchel o',
    veryHighFrom: 'Uchel iawn o',
    disagreement: 'Nodi bod adolygwyr yn anghytuno pan fyddant',
    bandsApart_zero: '{{count}} band ar wahân',
    bandsApart_one: '{{count}} band ar wahân',
    bandsApart_two: '{{count}} fand ar wahân',
    bandsApart_few: '{{count}} band ar wahân',
    bandsApart_many: '{{count}} band ar wahân',
    bandsApart_other: '{{count}} band ar wahân',
    criteria: 'Meini prawf',
    newCriterion: 'Ychwanegu maen prawf (gadewch yn wag i beidio ag ychwanegu un)',
    criterion: 'Maen prawf {{n}}',
    name: 'Enw',
    description: 'Beth mae’n ei gwmpasu',
    questions: 'Cwestiynau arweiniol',
    questionsHint: 'Un ar bob llinell.',
    principles: 'Yr egwyddorion y mae’n eu gwasanaethu',
    principlesHint: 'Un ar bob llinell, e.e. “CILIP: didueddrwydd”.',
    retireCriterion: 'Tynnu’r maen prawf hwn o ddefnydd',
    privacy: 'Rhestr wirio preifatrwydd',
    newItem: 'Ychwanegu eitem (gadewch yn wag i beidio ag ychwanegu un)',
    item: 'Eitem {{n}}',
    question: 'Cwestiwn',
    guidance: 'Canllawiau i adolygwyr',
    problem: 'Y broblem pan na chaiff yr eitem ei bodloni (dangosir hi fel y mater sy’n atal)',
    required: 'Gofynnol: mae “na” yn fater sy’n atal',
    retireItem: 'Tynnu’r eitem hon o ddefnydd',
    save: 'Cadw fel fersiwn {{version}}',
  },
} satisfies Catalogue<typeof en>
