import { Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { defineMessages, useT } from '../../i18n/language';
import { formatDateTime } from '../dates';
import { PagedTable } from '../PagedTable';
import { StatusFilter } from './StatusFilter';
import { StatusTag } from '../StatusTag';
import { useListParams } from '../url-state';

type Complaint = Schemas['ComplaintView'];
type Status = Complaint['status'];

const FILTERS = ['status'] as const;
const STATUSES: Status[] = ['received', 'acknowledged', 'under_investigation', 'resolved', 'closed'];

const messages = defineMessages({
  zh: {
    title: '投诉',
    introBody: '关于本机构所发证书、产品或持证人的投诉。',
    introRegulator: '关于认证机构自身工作的投诉（由监管部门处理），以及全部投诉。',
    status: '状态',
    allStatuses: '全部状态',
    reference: '编号',
    about: '对象',
    subject: '涉及',
    investigator: '调查人',
    createdAt: '收到时间',
    empty: '没有投诉',
    product: '产品',
    holder: '持证人',
    certification_body: '认证机构',
  },
  en: {
    title: 'Complaints',
    introBody: 'Complaints about the certificates this body issued, their products or holders.',
    introRegulator: 'Complaints about certification bodies’ own work (handled by the regulator), and all others.',
    status: 'Status',
    allStatuses: 'All statuses',
    reference: 'Reference',
    about: 'About',
    subject: 'Concerning',
    investigator: 'Investigator',
    createdAt: 'Received',
    empty: 'No complaint',
    product: 'Product',
    holder: 'Holder',
    certification_body: 'Certification body',
  },
});

/** The complaints the caller's organization handles (all of them for the regulator); the status filter lives in the URL. */
export function ComplaintsPage({ regulator = false }: { regulator?: boolean }) {
  const t = useT(messages);
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const status = STATUSES.find((s) => s === filters.status);
  const columns: TableColumnsType<Complaint> = [
    { title: t('reference'), dataIndex: 'reference', render: (_, row) => <Link to={`/complaints/${row.id}`}>{row.reference}</Link> },
    { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="complaint" status={s} /> },
    { title: t('about'), dataIndex: 'about', render: (a: Complaint['about']) => t(a) },
    { title: t('subject'), key: 'subject', render: (_, row) => complaintSubject(row) },
    { title: t('investigator'), key: 'investigator', render: (_, row) => row.investigator?.displayName ?? '—' },
    { title: t('createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
  ];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{regulator ? t('introRegulator') : t('introBody')}</Typography.Paragraph>
      <StatusFilter
        family="complaint"
        statuses={STATUSES}
        value={status}
        onChange={(value) => setFilters({ status: value })}
        label={t('status')}
        allLabel={t('allStatuses')}
      />
      <PagedTable<Complaint>
        queryKey={['complaints', status ?? null]}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/complaints', { params: { query: { page: p, pageSize: size, status } } }))}
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

/** What a complaint concerns, in one line: the certificate, else the holder, else the body. */
export function complaintSubject(c: Complaint): string {
  return c.certificate?.number ?? c.enterprise?.nameZh ?? c.aboutBody?.nameZh ?? '—';
}
