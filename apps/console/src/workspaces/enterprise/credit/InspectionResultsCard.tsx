import { Card, Table, Typography } from 'antd';
import type { Schemas } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';
import { FlagTag } from '../../../shared/StatusTag';
import { Wrapped } from '../../../shared/Wrapped';

const messages = defineMessages({
  zh: {
    title: '抽查结果',
    plan: '抽查计划',
    inspectedOn: '检查日期',
    target: '抽查对象',
    result: '检查结论',
    conforming: '合格',
    nonconforming: '不合格',
    findings: '发现的问题',
    holder: '本企业',
    certificate: '证书 {label}',
    declaration: '自我声明：{label}',
    none: '无',
  },
  en: {
    title: 'Random inspection results',
    plan: 'Inspection plan',
    inspectedOn: 'Inspected on',
    target: 'Inspected',
    result: 'Result',
    conforming: 'Conforming',
    nonconforming: 'Nonconforming',
    findings: 'Findings',
    holder: 'This enterprise',
    certificate: 'Certificate {label}',
    declaration: 'Self-declaration: {label}',
    none: 'None',
  },
});

type Result = Schemas['EnterpriseInspectionResult'];

/** The enterprise's published random-inspection results (双随机一公开), as its credit record carries them. */
export function InspectionResultsCard({ results }: { results: Result[] }) {
  const t = useT(messages);
  // A holder target is the enterprise itself: its name would only repeat the page's.
  const target = (r: Result) => (r.kind === 'holder' ? t('holder') : t(r.kind, { label: r.label }));
  return (
    <Card title={t('title')}>
      <Table<Result>
        // A plan inspects a target once: plan and target name one result.
        rowKey={(r) => `${r.planId}/${r.kind}/${r.label}`}
        pagination={false}
        locale={{ emptyText: t('none') }}
        dataSource={results}
        columns={[
          { title: t('plan'), key: 'plan', width: 200, render: (_, r) => <Wrapped maxWidth={200}>{`${r.planName} · ${r.year}`}</Wrapped> },
          { title: t('inspectedOn'), dataIndex: 'inspectedOn', width: 110 },
          { title: t('target'), key: 'target', width: 160, render: (_, r) => <Wrapped maxWidth={160}>{target(r)}</Wrapped> },
          {
            title: t('result'),
            key: 'outcome',
            width: 100,
            render: (_, r) => <FlagTag tone={r.outcome === 'nonconforming' ? 'error' : 'success'}>{t(r.outcome)}</FlagTag>,
          },
          {
            title: t('findings'),
            key: 'findings',
            render: (_, r) =>
              r.findings.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 18, maxWidth: 280, whiteSpace: 'normal' }}>
                  {r.findings.map((f, i) => (
                    <li key={`${f.matterId}-${i}`}>
                      <Typography.Text type="secondary">{f.matterCode}</Typography.Text> {f.text}
                    </li>
                  ))}
                </ul>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}
