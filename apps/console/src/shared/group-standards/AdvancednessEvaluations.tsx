import { Table, Typography } from 'antd';
import type { Schemas } from '../../api/client';
import { defineMessages, useT } from '../../i18n/language';
import { formatDate } from '../dates';
import { EmptyState } from '../states';
import { StatusTag } from '../StatusTag';

const messages = defineMessages({
  zh: {
    title: '先进性评价',
    caption: '监管部门记录的评价，最近的在前；目录以最近一次为准',
    evaluatedOn: '评价日期',
    outcome: '结论',
    summary: '评价意见（与国家标准等的指标对比）',
    none: '尚未评价',
  },
  en: {
    title: 'Advancedness evaluations',
    caption: "The regulator's evaluations, newest first; the catalogue goes by the latest",
    evaluatedOn: 'Evaluated on',
    outcome: 'Outcome',
    summary: 'Findings (indicators compared with the national standard and others)',
    none: 'Not evaluated yet',
  },
});

/** The advancedness evaluations (先进性评价) recorded for a published group standard, newest first as the API answers them. */
export function AdvancednessEvaluations({ evaluations }: { evaluations: Schemas['AdvancednessEvaluationView'][] }) {
  const t = useT(messages);
  return (
    <section>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('title')}
      </Typography.Title>
      <Table<Schemas['AdvancednessEvaluationView']>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={evaluations}
        title={() => t('caption')}
        locale={{ emptyText: <EmptyState description={t('none')} /> }}
        columns={[
          { title: t('evaluatedOn'), dataIndex: 'evaluatedOn', render: (d: string) => formatDate(d) },
          { title: t('outcome'), dataIndex: 'outcome', render: (o: string) => <StatusTag family="advancednessEvaluation" status={o} /> },
          { title: t('summary'), dataIndex: 'summary' },
        ]}
      />
    </section>
  );
}
