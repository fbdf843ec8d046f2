import { DatePicker, Form, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { AUDIT_KIND_LABELS, AUDIT_TRIGGER_LABELS, labelOf, statusLabel } from '../../../i18n/labels';
import { dayjs, formatDate } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';

type Audit = Schemas['AuditSummary'];
type Kind = Audit['kind'];
type Trigger = Audit['trigger'];
type Status = Audit['status'];

const FILTERS = ['kind', 'trigger', 'status', 'from', 'to'] as const;
/** An issued certificate's audits: an application's initial audit is the application's, not listed here. */
const KINDS: Kind[] = ['surveillance', 'special', 'renewal'];
/** Every reason the contract names but an application's own audit. */
const TRIGGERS = (Object.keys(AUDIT_TRIGGER_LABELS) as Trigger[]).filter((k) => k !== 'application');
const STATUSES: Status[] = ['planned', 'in_progress', 'submitted', 'evaluated'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const messages = defineMessages({
  zh: {
    title: '监督',
    intro: '本机构所发证书的监督审核、专项审核（含标准换版转换）和再认证审核。',
    kind: '类型',
    allKinds: '全部类型',
    trigger: '起因',
    allTriggers: '全部起因',
    status: '状态',
    allStatuses: '全部状态',
    planned: '计划日期范围',
    certificate: '证书编号 / 持证人',
    cycleN: '第 {n} 次',
    dueOn: '截止日期',
    plannedOn: '计划日期',
    outcome: '结论',
    unannounced: '不预先通知',
    empty: '没有符合条件的审核',
  },
  en: {
    title: 'Surveillance',
    intro: 'Surveillance, special (including standard transition) and renewal audits of the certificates this body issued.',
    kind: 'Kind',
    allKinds: 'All kinds',
    trigger: 'Why',
    allTriggers: 'All reasons',
    status: 'Status',
    allStatuses: 'All statuses',
    planned: 'Planned between',
    certificate: 'Certificate / holder',
    cycleN: 'no. {n}',
    dueOn: 'Due on',
    plannedOn: 'Planned on',
    outcome: 'Outcome',
    unannounced: 'Unannounced',
    empty: 'No audit matches',
  },
});

/** The audits of the body's issued certificates, filtered as the API allows; the filters live in the URL. */
export default function SurveillancePage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const kind = KINDS.find((k) => k === filters.kind);
  const trigger = TRIGGERS.find((k) => k === filters.trigger);
  const status = STATUSES.find((s) => s === filters.status);
  const from = filters.from && DATE.test(filters.from) ? filters.from : undefined;
  const to = filters.to && DATE.test(filters.to) ? filters.to : undefined;
  const query = { ofCertificates: true, kind, trigger, status, from, to };

  const columns: TableColumnsType<Audit> = [
    // The holder under its certificate's number, and the cycle beside the kind: the list fits a laptop's width.
    {
      title: t('certificate'),
      key: 'certificate',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          {a.certificate ? <Link to={`/certificates/${a.certificate.id}`}>{a.certificate.number}</Link> : '—'}
          <Typography.Text type="secondary">{a.enterprise.nameZh}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('kind'),
      key: 'kind',
      render: (_, a) => (
        <Space size={4} wrap>
          <Link to={`/audits/${a.id}`}>{labelOf(AUDIT_KIND_LABELS, a.kind, language)}</Link>
          {a.cycle ? t('cycleN', { n: a.cycle }) : null}
          {a.unannounced && <Tag>{t('unannounced')}</Tag>}
        </Space>
      ),
    },
    { title: t('trigger'), dataIndex: 'trigger', render: (v: string) => labelOf(AUDIT_TRIGGER_LABELS, v, language) },
    { title: t('dueOn'), dataIndex: 'dueOn', render: (d: string | null) => formatDate(d) },
    { title: t('plannedOn'), dataIndex: 'plannedOn', render: (d: string | null) => formatDate(d) },
    { title: t('status'), dataIndex: 'status', render: (v: string) => <StatusTag family="audit" status={v} /> },
    { title: t('outcome'), dataIndex: 'outcome', render: (v: string | null) => (v ? <StatusTag family="auditOutcome" status={v} /> : '—') },
  ];

  const select = <V extends string>(
    label: string,
    all: string,
    value: V | undefined,
    options: { value: V; label: string }[],
    name: (typeof FILTERS)[number],
  ) => (
    <Form.Item label={label}>
      <Select<V | ''>
        aria-label={label}
        style={{ minWidth: 180 }}
        value={value ?? ''}
        onChange={(v) => setFilters({ [name]: v || undefined })}
        options={[{ value: '', label: all }, ...options]}
      />
    </Form.Item>
  );

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        {select(
          t('kind'),
          t('allKinds'),
          kind,
          KINDS.map((k) => ({ value: k, label: labelOf(AUDIT_KIND_LABELS, k, language) })),
          'kind',
        )}
        {select(
          t('trigger'),
          t('allTriggers'),
          trigger,
          TRIGGERS.map((k) => ({ value: k, label: labelOf(AUDIT_TRIGGER_LABELS, k, language) })),
          'trigger',
        )}
        {select(
          t('status'),
          t('allStatuses'),
          status,
          STATUSES.map((s) => ({ value: s, label: statusLabel('audit', s, language) })),
          'status',
        )}
        <Form.Item label={t('planned')} htmlFor="surveillance-planned">
          <DatePicker.RangePicker
            id={{ start: 'surveillance-planned' }}
            allowEmpty={[true, true]}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
              setFilters({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
          />
        </Form.Item>
      </Form>
      <PagedTable<Audit>
        queryKey={['audits', 'surveillance', query]}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/audits', { params: { query: { ...query, page: p, pageSize: size } } }))}
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
