import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { defineMessages, useT } from '../../i18n/language';
import { formatDateTime } from '../dates';
import { StatusFilteredList } from '../StatusFilteredList';
import { StatusTag } from '../StatusTag';

type Complaint = Schemas['ComplaintView'];
type Status = Complaint['status'];

const STATUSES: Status[] = ['received', 'acknowledged', 'under_investigation', 'resolved', 'closed'];

const messages = defineMessages({
  zh: {
    title: '投诉',
    introBody: '关于本机构所发证书、产品或持证人的投诉。',
    introRegulator: '关于认证机构自身工作的投诉（由监管部门处理），以及全部投诉。',
    status: '状态',
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
  const columns: TableColumnsType<Complaint> = [
    { title: t('reference'), dataIndex: 'reference', render: (_, row) => <Link to={`/complaints/${row.id}`}>{row.reference}</Link> },
    { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="complaint" status={s} /> },
    { title: t('about'), dataIndex: 'about', render: (a: Complaint['about']) => t(a) },
    { title: t('subject'), key: 'subject', render: (_, row) => complaintSubject(row) },
    { title: t('investigator'), key: 'investigator', render: (_, row) => row.investigator?.displayName ?? '—' },
    { title: t('createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
  ];
  return (
    <StatusFilteredList<Complaint, Status>
      title={t('title')}
      intro={regulator ? t('introRegulator') : t('introBody')}
      family="complaint"
      statuses={STATUSES}
      listKey="complaints"
      fetchPage={(page, pageSize, status) => unwrap(api.GET('/api/v1/complaints', { params: { query: { page, pageSize, status } } }))}
      columns={columns}
      empty={t('empty')}
    />
  );
}

/** What a complaint concerns, in one line: the certificate, else the holder, else the body. */
export function complaintSubject(c: Complaint): string {
  return c.certificate?.number ?? c.enterprise?.nameZh ?? c.aboutBody?.nameZh ?? '—';
}
