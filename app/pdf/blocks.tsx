import { type DecisionRecordData } from './record-data'
import { type Condition, type Outcome } from '#machines/vocabulary/decision'
import { type MonitoringPlan } from '#machines/vocabulary/monitoring'
import { Paragraph, Section, Table } from './layout'
import { conditionRows, monitoringSection, signatoryRows } from './sections'

/** The parts a decision record and its addenda lay out alike. */

export function ConditionsTable({ conditions, none }: { conditions: Condition[]; none: string }) {
  if (!conditions.length) return <Paragraph>{none}</Paragraph>
  return (
    <Table
      columns={[
        { key: 'number', title: 'No.', width: '6%' },
        { key: 'text', title: 'Condition', width: '64%' },
        { key: 'source', title: 'Origin', width: '30%' },
      ]}
      rows={conditionRows(conditions)}
    />
  )
}

/** The review interval in words, then each indicator with its baseline and threshold. */
export function MonitoringPlanBlock({ plan, outcome }: { plan: MonitoringPlan | null; outcome?: Outcome }) {
  const monitoring = monitoringSection(plan, outcome)
  return (
    <>
      <Paragraph>{monitoring.statement}</Paragraph>
      {monitoring.indicators.length ? (
        <Table
          columns={[
            { key: 'name', title: 'Indicator', width: '28%' },
            { key: 'baseline', title: 'Baseline', width: '18%' },
            { key: 'direction', title: 'Direction', width: '16%' },
            { key: 'threshold', title: 'Threshold', width: '38%' },
          ]}
          rows={monitoring.indicators}
        />
      ) : null}
    </>
  )
}

export function SignatoriesSection({ number, signatories }: { number: number; signatories: DecisionRecordData['signatories'] }) {
  return (
    <Section title={`${number}. Signatories`}>
      <Table
        columns={[
          { key: 'name', title: 'Name', width: '35%' },
          { key: 'role', title: 'Role', width: '30%' },
          { key: 'signedAt', title: 'Signed', width: '35%' },
        ]}
        rows={signatoryRows(signatories)}
      />
    </Section>
  )
}
