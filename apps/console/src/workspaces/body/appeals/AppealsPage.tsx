import { Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { formatDateTime } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusFilter } from '../../../shared/complaints/StatusFilter';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { useDecisionName } from './decision-names';

type Appeal = Schemas['AppealView'];
type Status = Appeal['status'];

const FILTERS = ['status'] as const;
const STATUSES: Status[] = ['lodged', 'under_consideration', 'upheld', 'dismissed'];

const messages = defineMessages({
  zh: {
    title: '申诉',
    intro: '企业对本机构决定（不予受理、不予发证、暂停、缩小范围、撤销）提出的申诉。',
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
    intro: 'Appeals of enterprises against this body’s decisions (rejection, refusal, suspension, scope reduction, withdrawal).',
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

export default function AppealsPage() {
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
    { title: t('decision'), key: 'decision', render: (_, row) => `${decisionName(row.decision.action)} · ${row.certificate?.number ?? row.applicationNumber}` },
    { title: t('handler'), key: 'handler', render: (_, row) => row.handler?.displayName ?? '—' },
    { title: t('createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
  ];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
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
