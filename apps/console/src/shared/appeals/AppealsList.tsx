import { Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { formatDate } from '../dates';
import { StatusFilteredList } from '../StatusFilteredList';
import { StatusTag } from '../StatusTag';
import { useDecisionName } from './decision-names';

export type Appeal = Schemas['AppealView'];
type Status = Appeal['status'];

const STATUSES: Status[] = ['lodged', 'under_consideration', 'upheld', 'dismissed'];

const messages = defineMessages({
  zh: {
    title: '申诉',
    status: '状态',
    reference: '编号',
    enterprise: '企业',
    decision: '被申诉的决定',
    handler: '处理人',
    createdAt: '提出时间',
    empty: '没有申诉',
  },
  en: {
    title: 'Appeals',
    status: 'Status',
    reference: 'Reference',
    enterprise: 'Enterprise',
    decision: 'Decision appealed',
    handler: 'Considered by',
    createdAt: 'Lodged',
    empty: 'No appeal',
  },
});

/**
 * The appeals the caller sees (a body's own, every body's for the regulator), with the status
 * filter in the URL. `bodyColumn` names the body each appeal is against where there are several.
 */
export function AppealsList({ intro, bodyColumn }: { intro: string; bodyColumn?: TableColumnsType<Appeal>[number] }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const decisionName = useDecisionName();
  const columns: TableColumnsType<Appeal> = [
    { title: t('reference'), dataIndex: 'reference', render: (_, row) => <Link to={`/appeals/${row.id}`}>{row.reference}</Link> },
    { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="appeal" status={s} /> },
    {
      title: t('enterprise'),
      key: 'enterprise',
      render: (_, row) => (language === 'en' && row.enterprise.nameEn ? row.enterprise.nameEn : row.enterprise.nameZh),
    },
    ...(bodyColumn ? [bodyColumn] : []),
    {
      title: t('decision'),
      key: 'decision',
      // Two lines (what was decided, then on what) keep the regulator's list, with its body column, within a laptop's width.
      render: (_, row) => (
        <>
          {decisionName(row.decision.action)}
          <br />
          <Typography.Text type="secondary">{row.certificate?.number ?? row.applicationNumber}</Typography.Text>
        </>
      ),
    },
    { title: t('handler'), key: 'handler', render: (_, row) => row.handler?.displayName ?? '—' },
    { title: t('createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v) },
  ];
  return (
    <StatusFilteredList<Appeal, Status>
      title={t('title')}
      intro={intro}
      family="appeal"
      statuses={STATUSES}
      listKey="appeals"
      fetchPage={(page, pageSize, status) => unwrap(api.GET('/api/v1/appeals', { params: { query: { page, pageSize, status } } }))}
      columns={columns}
      empty={t('empty')}
    />
  );
}
