import { Form, Select, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { statusLabel } from '../../../i18n/labels';
import { formatDate, formatDateTime } from '../../../shared/dates';
import { EvidenceList } from '../../../shared/evidence/EvidenceList';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { gradeMessages } from './AuditNonconformities';

type Entry = Schemas['NonconformityEntry'];
type Status = Entry['status'];

const FILTERS = ['status'] as const;
const STATUSES: Status[] = ['answered', 'open', 'closed'];

const messages = defineMessages({
  zh: {
    title: '不符合项',
    intro: '企业已答复、等待审核员验证的不符合项默认排在这里：打开审核即可接受整改或退回。',
    status: '状态',
    all: '全部',
    enterprise: '企业',
    application: '申请',
    clause: '条款',
    wholeAudit: '整个审核',
    grade: '等级',
    description: '描述',
    correctiveAction: '整改措施',
    evidence: '证据',
    dueOn: '整改期限',
    answeredAt: '答复时间',
    audit: '审核',
    openAudit: '打开审核',
    empty: '没有等待处理的不符合项。',
  },
  en: {
    title: 'Nonconformities',
    intro: 'Answered nonconformities wait for an auditor to verify them: open the audit to accept or send back.',
    status: 'Status',
    all: 'All',
    enterprise: 'Enterprise',
    application: 'Application',
    clause: 'Clause',
    wholeAudit: 'Whole audit',
    grade: 'Grade',
    description: 'Description',
    correctiveAction: 'Corrective action',
    evidence: 'Evidence',
    dueOn: 'Due',
    answeredAt: 'Answered',
    audit: 'Audit',
    openAudit: 'Open the audit',
    empty: 'No nonconformity waits for you.',
  },
});

/** What waits for the auditors: nonconformities the enterprises answered (or any state, by the filter in the URL). */
export default function NonconformitiesPage() {
  const t = useT(messages);
  const g = useT(gradeMessages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  // No status in the URL means the auditors' queue (answered); "all" lifts the filter.
  const status = filters.status === 'all' ? undefined : (STATUSES.find((s) => s === filters.status) ?? 'answered');
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('status')}>
          <Select
            aria-label={t('status')}
            style={{ minWidth: 160 }}
            value={status ?? 'all'}
            options={[...STATUSES.map((s) => ({ value: s, label: statusLabel('nonconformity', s, language) })), { value: 'all', label: t('all') }]}
            onChange={(v: string) => setFilters({ status: v === 'answered' ? undefined : v })}
          />
        </Form.Item>
      </Form>
      <PagedTable<Entry>
        queryKey={['nonconformities', status ?? 'all']}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/nonconformities', { params: { query: { page: p, pageSize: size, ...(status ? { status } : {}) } } }))}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        empty={t('empty')}
        columns={[
          {
            title: t('audit'),
            key: 'audit',
            render: (_: unknown, e: Entry) => <Link to={`/audits/${e.auditId}`}>{`${t('openAudit')} ${e.application.number}`}</Link>,
          },
          { title: t('enterprise'), key: 'enterprise', render: (_: unknown, e: Entry) => e.enterprise.nameZh },
          { title: t('clause'), dataIndex: 'clause', render: (v: string | null) => v ?? t('wholeAudit') },
          { title: t('grade'), dataIndex: 'grade', render: (v: Entry['grade']) => <Tag color={v === 'major' ? 'red' : 'orange'}>{g(v)}</Tag> },
          {
            title: t('description'),
            dataIndex: 'description',
            render: (v: string) => (
              <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ maxWidth: 280, margin: 0 }}>
                {v}
              </Typography.Paragraph>
            ),
          },
          {
            title: t('correctiveAction'),
            dataIndex: 'correctiveAction',
            render: (v: string | null) =>
              v ? (
                <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ maxWidth: 280, margin: 0 }}>
                  {v}
                </Typography.Paragraph>
              ) : (
                '—'
              ),
          },
          { title: t('evidence'), key: 'evidence', render: (_: unknown, e: Entry) => <EvidenceList files={e.evidenceFiles} /> },
          { title: t('dueOn'), dataIndex: 'dueOn', render: (v: string) => formatDate(v) },
          { title: t('answeredAt'), dataIndex: 'answeredAt', render: (v: string | null) => formatDateTime(v) },
          { title: t('status'), dataIndex: 'status', render: (v: string) => <StatusTag family="nonconformity" status={v} /> },
        ]}
      />
    </>
  );
}
