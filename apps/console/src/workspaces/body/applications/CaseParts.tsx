import { useQuery } from '@tanstack/react-query';
import { Descriptions, List, Table, Timeline, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { AUDIT_KIND_LABELS, CASE_ACTION_LABELS, labelOf } from '../../../i18n/labels';
import { formatDate, formatDateTime } from '../../../shared/dates';
import { EvidenceList } from '../../../shared/evidence/EvidenceList';
import { EmptyState, ErrorState } from '../../../shared/states';
import { StatusTag } from '../../../shared/StatusTag';

type Application = Schemas['ApplicationView'];
type AuditSummary = Schemas['AuditSummary'];

const messages = defineMessages({
  zh: {
    products: '产品',
    service: '服务',
    product: '产品名称',
    brand: '品牌',
    models: '型号',
    factory: '生产地址',
    sites: '服务场所',
    kind: '审核类型',
    status: '状态',
    outcome: '结论',
    plannedOn: '计划日期',
    auditors: '审核员',
    lead: '（组长）',
    audit: '审核',
    open: '打开审核 {date}',
    noAudits: '本案尚无审核',
    auditsCaption: '本案的审核',
    by: '{actor}',
  },
  en: {
    products: 'Products',
    service: 'Service',
    product: 'Product',
    brand: 'Brand',
    models: 'Models',
    factory: 'Factory address',
    sites: 'Service sites',
    kind: 'Kind',
    status: 'Status',
    outcome: 'Outcome',
    plannedOn: 'Planned on',
    auditors: 'Auditors',
    lead: ' (lead)',
    audit: 'Audit',
    open: 'Open the audit of {date}',
    noAudits: 'No audit on this case yet',
    auditsCaption: 'Audits of this case',
    by: '{actor}',
  },
});

/** What the application asks to certify: its products, or its service and sites. */
export function ScopeView({ scope }: { scope: Application['scope'] }) {
  const t = useT(messages);
  if (scope.kind === 'service' && scope.service) {
    const service = scope.service as { nameZh: string; nameEn?: string; sites: { name: string; address: string }[] };
    return (
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('service')}>{service.nameZh}</Descriptions.Item>
        <Descriptions.Item label={t('sites')}>
          <List size="small" dataSource={service.sites} renderItem={(site) => <List.Item>{`${site.name} — ${site.address}`}</List.Item>} />
        </Descriptions.Item>
      </Descriptions>
    );
  }
  const columns: TableColumnsType<NonNullable<Application['scope']['products']>[number]> = [
    { title: t('product'), dataIndex: 'nameZh' },
    { title: t('brand'), dataIndex: 'brand' },
    { title: t('models'), dataIndex: 'models', render: (models: string[]) => models.join(', ') },
    { title: t('factory'), dataIndex: 'factoryAddress' },
  ];
  return <Table size="small" rowKey={(p) => `${p.nameZh}|${p.brand}`} columns={columns} dataSource={scope.products ?? []} pagination={false} />;
}

/** The case's timeline, oldest first, with the messages and files exchanged. */
export function CaseTimeline({ timeline }: { timeline: Application['timeline'] }) {
  const { language } = useLanguage();
  if (timeline.length === 0) return <EmptyState />;
  return (
    <Timeline
      items={timeline.map((entry) => ({
        content: (
          <>
            <Typography.Text strong>{labelOf(CASE_ACTION_LABELS, entry.action, language)}</Typography.Text> <StatusTag family="application" status={entry.to} />
            <br />
            <Typography.Text type="secondary">
              {formatDateTime(entry.at)} · {entry.actor}
              {entry.actorOrganization ? ` (${entry.actorOrganization})` : ''}
            </Typography.Text>
            {entry.reason && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{entry.reason}</Typography.Paragraph>}
            <EvidenceList files={entry.evidenceFiles} />
          </>
        ),
      }))}
    />
  );
}

/** The audits of a case (all of them: a case has few), shared by the application and the decision screens. */
export function useCaseAudits(applicationId: string) {
  return useQuery({
    queryKey: ['audits', 'of-application', applicationId],
    queryFn: () => unwrap(api.GET('/api/v1/audits', { params: { query: { applicationId, page: 1, pageSize: 100 } } })),
  });
}

export function CaseAudits({ applicationId }: { applicationId: string }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const query = useCaseAudits(applicationId);
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const columns: TableColumnsType<AuditSummary> = [
    {
      title: t('audit'),
      key: 'open',
      render: (_, row) => <Link to={`/audits/${row.id}`}>{t('open', { date: formatDate(row.plannedOn) })}</Link>,
    },
    { title: t('kind'), dataIndex: 'kind', render: (kind: string) => labelOf(AUDIT_KIND_LABELS, kind, language) },
    { title: t('status'), dataIndex: 'status', render: (status: string) => <StatusTag family="audit" status={status} /> },
    { title: t('outcome'), dataIndex: 'outcome', render: (outcome: string | null) => (outcome ? <StatusTag family="auditOutcome" status={outcome} /> : '—') },
    {
      title: t('auditors'),
      key: 'auditors',
      render: (_, row) => row.auditors.map((a) => `${a.displayName}${a.lead ? t('lead') : ''}`).join(', '),
    },
  ];
  return (
    <Table<AuditSummary>
      size="small"
      rowKey="id"
      loading={query.isPending}
      columns={columns}
      dataSource={query.data?.items ?? []}
      pagination={false}
      title={() => t('auditsCaption')}
      locale={{ emptyText: t('noAudits') }}
    />
  );
}
