import { Document, Page, Text, View } from '@react-pdf/renderer'
import { Fragment } from 'react'
import { buildHeatmap } from '~/utils/risk-heatmap'
import { type DecisionRecordData } from './record-data'
import { bookmark, Facts, Heading, mayBreak, HeatmapFigure, HeatmapLegend, PageFrame, Paragraph, Section, Table, styles } from './layout'
import { auditFacts, blockingIssueRows, coverFacts, criterionRows, decisionFacts, heatmapPoints, heatmapTitle, outcomeLabel, privacyRows, professionalBodySection, proposalFacts, reviewRows, scoreColumnTitle, staffSection, unionStatement, wordsFor, type Words } from './sections'
import { documentLanguage, recordLocales } from './record-languages'
import { Verification } from './verification'
import { ConditionsTable, MonitoringPlanBlock, SignatoriesSection } from './blocks'

/** The document's properties; a bilingual record gives each in both languages, Welsh first. */
export function documentMetadata(d: DecisionRecordData) {
  const locales = recordLocales(d.organisation.languages)
  const each = (say: (w: Words) => string) => locales.map((l) => say(wordsFor(l))).join(' / ')
  return {
    title: each((w) => w.t('meta.decisionTitle', { reference: d.record.reference, title: d.proposal.title })),
    author: d.organisation.name,
    subject: each((w) => w.t('meta.decisionSubject', { outcome: outcomeLabel(d.decision.outcome, w), partner: d.proposal.partner })),
    keywords: each((w) => w.t('meta.decisionKeywords', { proposal: d.proposal.reference, partner: d.proposal.partner })),
    creator: 'Probity',
    producer: 'Probity',
    language: documentLanguage(locales),
  }
}

/**
 * A decision record: one signed file holding the record in each of the
 * service's languages, each part complete on its own pages.
 */
export function DecisionRecord({ data: d }: { data: DecisionRecordData }) {
  const locales = recordLocales(d.organisation.languages)
  return (
    <Document {...documentMetadata(d)} conformance="PDF/A-3b" creationDate={d.record.issuedAt} modificationDate={d.record.issuedAt}>
      {locales.map((locale) => (
        <DecisionRecordPart key={locale} d={d} w={wordsFor(locale)} bilingual={locales.length > 1} />
      ))}
    </Document>
  )
}

function DecisionRecordPart({ d, w, bilingual }: { d: DecisionRecordData; w: Words; bilingual: boolean }) {
  const { t } = w
  const body = d.organisation.professionalBodyName
  const pb = professionalBodySection(d.professionalBody, body, w)
  const staff = staffSection(d.staff, w)
  const blocking = blockingIssueRows(d.privacy, w)
  return (
    <Page size="A4" style={styles.page} experimentalPagination>
      <PageFrame left={t('decision.header', { organisation: d.organisation.name, reference: d.record.reference })} right={d.proposal.reference} footer={t('decision.footer')} w={w} />
      <View {...bookmark(bilingual ? `${t('decision.cover')} (${t(`language.${w.locale}`)})` : t('decision.cover'))}>
        <Text style={styles.title}>{t('decision.title')}</Text>
        {/* The proposer's Welsh title, if given, leads the Welsh part, the title as entered beneath it (ADR 032). */}
        {w.locale === 'cy' && d.proposal.titleCy ? (
          <>
            <Text style={styles.subtitle}>{d.proposal.titleCy}</Text>
            <Paragraph muted>{d.proposal.title}</Paragraph>
          </>
        ) : (
          <Text style={styles.subtitle}>{d.proposal.title}</Text>
        )}
        {bilingual ? <Paragraph muted>{t('bilingualNote')}</Paragraph> : null}
        <Facts facts={coverFacts(d, w)} />
        <Paragraph muted>{t('decision.signedBy', { organisation: d.organisation.name, url: d.record.verifyUrl })}</Paragraph>
      </View>

      <Section title={t('decision.proposal')}>
        <Facts facts={proposalFacts(d.proposal, w)} />
      </Section>

      <Section title={t('decision.screening')} breakBefore>
        <Paragraph>{t('decision.screeningIntro', { count: d.screening.criteria.length, version: d.screening.rubricVersion })}</Paragraph>
        <View wrap={false}>
          <View style={styles.heatmaps}>
            <HeatmapFigure heatmap={buildHeatmap(heatmapPoints(d.screening, 'median', w), d.screening.bands)} title={heatmapTitle(d.screening, 'median', w)} w={w} />
            <HeatmapFigure heatmap={buildHeatmap(heatmapPoints(d.screening, 'residual', w), d.screening.bands)} title={heatmapTitle(d.screening, 'residual', w)} w={w} />
          </View>
          <HeatmapLegend bands={d.screening.bands} w={w} />
        </View>
        <Heading>{t('decision.resultPerCriterion')}</Heading>
        <Table
          columns={[
            { key: 'name', title: t('column.criterion'), width: '22%' },
            { key: 'principles', title: t('column.principles'), width: '20%' },
            { key: 'median', title: scoreColumnTitle(d.screening, w), width: '17%' },
            { key: 'range', title: t('column.range'), width: '8%' },
            { key: 'disagreement', title: t('column.disagreement'), width: '16%' },
            { key: 'residual', title: t('column.residual'), width: '17%' },
          ]}
          rows={criterionRows(d.screening, w)}
        />
        {d.screening.recusals.length ? (
          <>
            <Heading>{t('decision.recusals')}</Heading>
            <Table
              columns={[
                { key: 'reviewer', title: t('column.reviewer'), width: '30%' },
                { key: 'reason', title: t('column.conflict'), width: '70%' },
              ]}
              rows={d.screening.recusals}
            />
          </>
        ) : null}
        <Heading>{t('decision.reviewerScores')}</Heading>
        {reviewRows(d.screening, w).map((c) => (
          <Fragment key={c.criterion}>
            <Text style={[styles.paragraph, { fontWeight: 'bold', marginTop: 6 }]} minPresenceAhead={70}>
              {c.criterion}
            </Text>
            <Table
              columns={[
                { key: 'reviewer', title: t('column.reviewer'), width: '14%' },
                { key: 'inherent', title: t('column.score'), width: '13%' },
                { key: 'rationale', title: t('column.rationale'), width: '37%' },
                { key: 'mitigations', title: t('column.mitigations'), width: '23%' },
                { key: 'residual', title: t('column.residual'), width: '13%' },
              ]}
              rows={c.rows}
            />
          </Fragment>
        ))}
      </Section>

      <Section title={t('decision.privacy')}>
        <Table
          columns={[
            { key: 'question', title: t('column.question'), width: '45%' },
            { key: 'answer', title: t('column.answer'), width: '15%' },
            { key: 'evidence', title: t('column.evidence'), width: '40%' },
          ]}
          rows={privacyRows(d.privacy, w)}
        />
        {blocking.length ? (
          <Table
            columns={[
              { key: 'issue', title: t('column.blockingIssue'), width: '40%' },
              { key: 'resolution', title: t('column.override'), width: '60%' },
            ]}
            rows={blocking}
          />
        ) : (
          <Paragraph>{t('decision.noBlockingIssues')}</Paragraph>
        )}
      </Section>

      <Section title={t('decision.professionalBody', { body })}>
        {pb.requestStatement ? <Paragraph>{pb.requestStatement}</Paragraph> : null}
        {pb.request.length ? <Facts facts={pb.request} /> : null}
        <Paragraph>{pb.statement}</Paragraph>
        {pb.note ? <Paragraph>{t('decision.noteRecorded', { note: pb.note })}</Paragraph> : null}
        {pb.recommendations.length ? (
          <Table
            columns={[
              { key: 'number', title: t('column.number'), width: '6%' },
              { key: 'text', title: t('column.recommendation'), width: '42%' },
              { key: 'answer', title: t('column.answer'), width: '20%' },
              { key: 'rationale', title: t('column.notAcceptedReason'), width: '32%' },
            ]}
            rows={pb.recommendations}
          />
        ) : null}
      </Section>

      <Section title={t('decision.staff')}>
        <Facts facts={staff.facts} />
        <Paragraph>{staff.statement}</Paragraph>
        <Table
          columns={[
            { key: 'category', title: t('column.category'), width: '40%' },
            { key: 'concerns', title: t('column.concerns'), width: '30%' },
            { key: 'endorsements', title: t('column.endorsements'), width: '30%' },
          ]}
          rows={staff.counts}
        />
        {staff.concerns.length ? <Heading>{t('decision.eachConcern')}</Heading> : null}
        {staff.concerns.map((c) => (
          <View key={c.number} style={styles.item} wrap={mayBreak(c.text.length + c.response.length)}>
            <Text style={{ fontWeight: 'bold' }}>{t('decision.concernLine', c)}</Text>
            <Text>{c.text}</Text>
            <Text style={styles.muted}>{c.response}</Text>
          </View>
        ))}
      </Section>

      <Section title={t('decision.union')}>
        <Paragraph>{unionStatement(d.union, w)}</Paragraph>
      </Section>

      <Section title={t('decision.decision')}>
        <Facts facts={decisionFacts(d.decision, w)} />
        <Heading>{t('decision.conditions')}</Heading>
        <ConditionsTable conditions={d.decision.conditions} none={t('decision.noConditions')} w={w} />
        <Heading>{t('decision.dissent')}</Heading>
        {d.decision.dissent.length ? d.decision.dissent.map((text, i) => <Paragraph key={i}>{text}</Paragraph>) : <Paragraph>{t('decision.noneRecorded')}</Paragraph>}
        <Heading>{t('decision.monitoringPlan')}</Heading>
        <MonitoringPlanBlock plan={d.decision.monitoring} outcome={d.decision.outcome} w={w} />
      </Section>

      <SignatoriesSection number={8} signatories={d.signatories} w={w} />

      <Verification url={d.record.verifyUrl} accessibleUrl={d.record.accessibleUrl} facts={auditFacts(d.audit, w)} organisation={d.organisation.name} number={9} w={w} />
    </Page>
  )
}
