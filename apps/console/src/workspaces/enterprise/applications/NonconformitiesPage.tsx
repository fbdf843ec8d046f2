import { Select, Space, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { STATUS_LABELS, labelOf } from '../../../i18n/labels';
import { formatDate } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';

type Entry = Schemas['NonconformityEntry'];

const FILTERS = ['status'] as const;

const messages = defineMessages({
  zh: {
    title: '不符合项整改',
    status: '状态',
    application: '申请',
    clause: '条款',
    grade: '等级',
    major: '严重',
    minor: '一般',
    description: '不符合内容',
    dueOn: '整改期限',
    answer: '去答复',
    open: '查看',
    actions: '操作',
    empty: '没有待整改的不符合项',
    caption: '审核中发现的不符合项',
  },
  en: {
    title: 'Nonconformities',
    status: 'Status',
    application: 'Application',
    clause: 'Clause',
    grade: 'Grade',
    major: 'Major',
    minor: 'Minor',
    description: 'Nonconformity',
    dueOn: 'Correct by',
    answer: 'Answer',
    open: 'View',
    actions: 'Actions',
    empty: 'No nonconformities wait for an answer',
    caption: 'Nonconformities found by audits',
  },
});

export default function NonconformitiesPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  // What waits for an answer is the point of this page: "open" unless the person chose otherwise.
  const status = (filters.status ?? 'open') as Entry['status'];
  const columns: TableColumnsType<Entry> = [
    { title: t('application'), key: 'application', render: (_, n) => <Link to={`/applications/${n.application.id}`}>{n.application.number}</Link> },
    { title: t('status'), key: 'status', render: (_, n) => <StatusTag family="nonconformity" status={n.status} /> },
    { title: t('grade'), key: 'grade', render: (_, n) => t(n.grade) },
    { title: t('clause'), key: 'clause', render: (_, n) => n.clause ?? '—' },
    { title: t('description'), dataIndex: 'description', key: 'description', width: 360 },
    { title: t('dueOn'), key: 'dueOn', render: (_, n) => formatDate(n.dueOn) },
    {
      title: t('actions'),
      key: 'go',
      render: (_, n) => (
        <Link
          to={`/applications/${n.application.id}#nc-${n.id}`}
          aria-label={`${n.status === 'open' ? t('answer') : t('open')} ${n.application.number} ${n.clause ?? ''}`}
        >
          {n.status === 'open' ? t('answer') : t('open')}
        </Link>
      ),
    },
  ];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('status')}
          style={{ width: 180 }}
          value={status}
          onChange={(next: string) => setFilters({ status: next })}
          options={Object.keys(STATUS_LABELS.nonconformity).map((s) => ({ value: s, label: labelOf(STATUS_LABELS.nonconformity, s, language) }))}
        />
      </Space>
      <PagedTable<Entry>
        queryKey={['nonconformities', status]}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/nonconformities', { params: { query: { page: p, pageSize: size, status } } }))}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        columns={columns}
        rowKey="id"
        caption={t('caption')}
        empty={t('empty')}
      />
    </>
  );
}
