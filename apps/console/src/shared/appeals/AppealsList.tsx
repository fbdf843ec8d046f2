import { Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { StatusFilter } from '../complaints/StatusFilter';
import { formatDateTime } from '../dates';
import { PagedTable } from '../PagedTable';
import { StatusTag } from '../StatusTag';
import { useListParams } from '../url-state';
import { useDecisionName } from './decision-names';

export type Appeal = Schemas['AppealView'];
type Status = Appeal['status'];

const FILTERS = ['status'] as const;
const STATUSES: Status[] = ['lodged', 'under_consideration', 'upheld', 'dismissed'];

const messages = defineMessages({
  zh: {
    title: '申诉',
    status: '状态',
    allStatuses: '全部状态',
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
    allStatuses: 'All statuses',
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
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const status = STATUSES.find((s) => s === filters.status);
  const columns: TableColumnsType<Appeal> = [
    { title: t('reference'), dataIndex: 'reference', render: (_, row) => <Link to={`/appeals/${row.id}`}>{row.reference}</Link> },
    { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="appeal" status={s} /> },
    {
      title: t('enterprise'),
      key: 'enterprise',
      render: (_, row) => (language === 'en' && row.enterprise.nameEn ? row.enterprise.nameEn : row.enterprise.nameZh),
    },
    ...(bodyColumn ? [bodyColumn] : []),
    { title: t('decision'), key: 'decision', render: (_, row) => `${decisionName(row.decision.action)} · ${row.certificate?.number ?? row.applicationNumber}` },
    { title: t('handler'), key: 'handler', render: (_, row) => row.handler?.displayName ?? '—' },
    { title: t('createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
  ];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      <StatusFilter
        family="appeal"
        statuses={STATUSES}
        value={status}
        onChange={(value) => setFilters({ status: value })}
        label={t('status')}
        allLabel={t('allStatuses')}
      />
      <PagedTable<Appeal>
        queryKey={['appeals', status ?? null]}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/appeals', { params: { query: { page: p, pageSize: size, status } } }))}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        columns={columns}
        rowKey="id"
        empty={t('empty')}
      />
    </>
  );
}
