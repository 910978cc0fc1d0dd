import { Document, Page, Text, View } from '@react-pdf/renderer'
import { Fragment } from 'react'
import { buildHeatmap } from '~/utils/risk-heatmap'
import { type DecisionRecordData } from './record-data'
import { bookmark, Facts, Heading, mayBreak, HeatmapFigure, HeatmapLegend, PageFrame, Paragraph, Section, Table, styles } from './layout'
import { auditFacts, blockingIssueRows, coverFacts, criterionRows, decisionFacts, heatmapPoints, heatmapTitle, privacyRows, professionalBodySection, proposalFacts, reviewRows, scoreColumnTitle, staffSection, unionStatement } from './sections'
import { outcomeLabel } from '#machines/vocabulary/labels'
import { Verification } from './verification'
import { ConditionsTable, MonitoringPlanBlock, SignatoriesSection } from './blocks'

export function documentMetadata(d: DecisionRecordData) {
  return {
    title: `Decision record ${d.record.reference}: ${d.proposal.title}`,
    author: d.organisation.name,
    subject: `${outcomeLabel(d.decision.outcome)}: partnership with ${d.proposal.partner}`,
    keywords: `decision record, ${d.proposal.reference}, ${d.proposal.partner}`,
    creator: 'Probity',
    producer: 'Probity',
    language: 'en-GB',
  }
}

export function DecisionRecord({ data: d }: { data: DecisionRecordData }) {
  const meta = documentMetadata(d)
  const body = d.organisation.professionalBodyName
  const pb = professionalBodySection(d.professionalBody, body)
  const staff = staffSection(d.staff)
  const blocking = blockingIssueRows(d.privacy)
  return (
    <Document {...meta} conformance="PDF/A-3b" creationDate={d.record.issuedAt} modificationDate={d.record.issuedAt}>
      <Page size="A4" style={styles.page} experimentalPagination>
        <PageFrame
          left={`${d.organisation.name} · Decision record ${d.record.reference}`}
          right={d.proposal.reference}
          footer="Signed record: check it at the link in its last section"
        />
        <View {...bookmark('Cover')}>
          <Text style={styles.title}>Decision record</Text>
          <Text style={styles.subtitle}>{d.proposal.title}</Text>
          <Facts facts={coverFacts(d)} />
          <Paragraph muted>
            This record is signed by {d.organisation.name}. Any change to the file after signing makes the
            signature invalid. Check it at {d.record.verifyUrl}
          </Paragraph>
        </View>

        <Section title="1. The proposal">
          <Facts facts={proposalFacts(d.proposal)} />
        </Section>

        <Section title="2. Ethics screening" breakBefore>
          <Paragraph>
            {d.screening.criteria.length} criteria were scored independently by each reviewer (rubric version{' '}
            {d.screening.rubricVersion}). Score = likelihood × impact, each from 1 to 5.
          </Paragraph>
          <View wrap={false}>
            <View style={styles.heatmaps}>
              <HeatmapFigure
                heatmap={buildHeatmap(heatmapPoints(d.screening, 'median'), d.screening.bands)}
                title={heatmapTitle(d.screening, 'median')}
                subject="criteria"
              />
              <HeatmapFigure
                heatmap={buildHeatmap(heatmapPoints(d.screening, 'residual'), d.screening.bands)}
                title={heatmapTitle(d.screening, 'residual')}
                subject="criteria"
              />
            </View>
            <HeatmapLegend bands={d.screening.bands} />
          </View>
          <Heading>Result per criterion</Heading>
          <Table
            columns={[
              { key: 'name', title: 'Criterion', width: '22%' },
              { key: 'principles', title: 'Principles served', width: '20%' },
              { key: 'median', title: scoreColumnTitle(d.screening), width: '17%' },
              { key: 'range', title: 'Range', width: '8%' },
              { key: 'disagreement', title: 'Reviewers disagree', width: '16%' },
              { key: 'residual', title: 'Residual', width: '17%' },
            ]}
            rows={criterionRows(d.screening)}
          />
          {d.screening.recusals.length ? (
            <>
              <Heading>Recusals</Heading>
              <Table
                columns={[
                  { key: 'reviewer', title: 'Reviewer', width: '30%' },
                  { key: 'reason', title: 'Conflict declared', width: '70%' },
                ]}
                rows={d.screening.recusals}
              />
            </>
          ) : null}
          <Heading>Reviewers’ scores, rationales and mitigations</Heading>
          {reviewRows(d.screening).map((c) => (
            <Fragment key={c.criterion}>
              <Text style={[styles.paragraph, { fontWeight: 'bold', marginTop: 6 }]} minPresenceAhead={70}>
                {c.criterion}
              </Text>
              <Table
                columns={[
                  { key: 'reviewer', title: 'Reviewer', width: '14%' },
                  { key: 'inherent', title: 'Score', width: '13%' },
                  { key: 'rationale', title: 'Rationale', width: '37%' },
                  { key: 'mitigations', title: 'Mitigations', width: '23%' },
                  { key: 'residual', title: 'Residual', width: '13%' },
                ]}
                rows={c.rows}
              />
            </Fragment>
          ))}
        </Section>

        <Section title="3. Privacy checklist and blocking issues">
          <Table
            columns={[
              { key: 'question', title: 'Question', width: '45%' },
              { key: 'answer', title: 'Answer', width: '15%' },
              { key: 'evidence', title: 'Evidence', width: '40%' },
            ]}
            rows={privacyRows(d.privacy)}
          />
          {blocking.length ? (
            <Table
              columns={[
                { key: 'issue', title: 'Blocking issue', width: '40%' },
                { key: 'resolution', title: 'Override', width: '60%' },
              ]}
              rows={blocking}
            />
          ) : (
            <Paragraph>No blocking issues were found.</Paragraph>
          )}
        </Section>

        <Section title={`4. Consultation with ${body}`}>
          {pb.requestStatement ? <Paragraph>{pb.requestStatement}</Paragraph> : null}
          {pb.request.length ? <Facts facts={pb.request} /> : null}
          <Paragraph>{pb.statement}</Paragraph>
          {pb.note ? <Paragraph>Note recorded: {pb.note}</Paragraph> : null}
          {pb.recommendations.length ? (
            <Table
              columns={[
                { key: 'number', title: 'No.', width: '6%' },
                { key: 'text', title: 'Recommendation', width: '42%' },
                { key: 'answer', title: 'Answer', width: '20%' },
                { key: 'rationale', title: 'Reason if not accepted', width: '32%' },
              ]}
              rows={pb.recommendations}
            />
          ) : null}
        </Section>

        <Section title="5. Staff consultation">
          <Facts facts={staff.facts} />
          <Paragraph>{staff.statement}</Paragraph>
          <Table
            columns={[
              { key: 'category', title: 'Category', width: '40%' },
              { key: 'concerns', title: 'Concerns', width: '30%' },
              { key: 'endorsements', title: 'Endorsements', width: '30%' },
            ]}
            rows={staff.counts}
          />
          {staff.concerns.length ? <Heading>Each concern and its response</Heading> : null}
          {staff.concerns.map((c) => (
            <View key={c.number} style={styles.item} wrap={mayBreak(c.text.length + c.response.length)}>
              <Text style={{ fontWeight: 'bold' }}>
                Concern {c.number} · {c.category} · {c.author} · {c.raisedOn} · {c.endorsements}
              </Text>
              <Text>{c.text}</Text>
              <Text style={styles.muted}>{c.response}</Text>
            </View>
          ))}
        </Section>

        <Section title="6. Trade union consultation">
          <Paragraph>{unionStatement(d.union)}</Paragraph>
        </Section>

        <Section title="7. The decision">
          <Facts facts={decisionFacts(d.decision)} />
          <Heading>Conditions</Heading>
          <ConditionsTable conditions={d.decision.conditions} none="No conditions." />
          <Heading>Dissent and minority views</Heading>
          {d.decision.dissent.length ? (
            d.decision.dissent.map((text, i) => <Paragraph key={i}>{text}</Paragraph>)
          ) : (
            <Paragraph>None recorded.</Paragraph>
          )}
          <Heading>Monitoring plan</Heading>
          <MonitoringPlanBlock plan={d.decision.monitoring} outcome={d.decision.outcome} />
        </Section>

        <SignatoriesSection number={8} signatories={d.signatories} />

        <Verification url={d.record.verifyUrl} accessibleUrl={d.record.accessibleUrl} facts={auditFacts(d.audit)} organisation={d.organisation.name} number={9} />
      </Page>
    </Document>
  )
}
