import { Card, Descriptions, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { AUDIT_KIND_LABELS, AUDIT_TRIGGER_LABELS, labelOf } from '../../i18n/labels';
import { formatDate } from '../dates';
import { StatusTag } from '../StatusTag';

type Certificate = Schemas['CertificateView'];
type AuditEntry = Certificate['audits'][number];

const messages = defineMessages({
  zh: {
    title: '监督',
    interval: '监督审核周期',
    months: '每 {n} 个月',
    nextDue: '下次监督审核截止',
    lastSurveillance: '上次监督或专项审核',
    none: '尚未进行',
    suspensionEndsOn: '自愿暂停至',
    audits: '本证书的审核',
    kind: '类型',
    trigger: '起因',
    cycle: '周期',
    cycleN: '第 {n} 次',
    dueOn: '截止日期',
    plannedOn: '计划日期',
    status: '状态',
    outcome: '结论',
    unannounced: '不预先通知',
    dateWithheld: '开始前不通知日期',
    noAudits: '尚无审核',
  },
  en: {
    title: 'Surveillance',
    interval: 'Surveillance interval',
    months: 'every {n} months',
    nextDue: 'Next surveillance due',
    lastSurveillance: 'Last surveillance or special audit',
    none: 'not yet',
    suspensionEndsOn: 'Voluntarily suspended until',
    audits: 'Audits of this certificate',
    kind: 'Kind',
    trigger: 'Why',
    cycle: 'Cycle',
    cycleN: 'no. {n}',
    dueOn: 'Due on',
    plannedOn: 'Planned on',
    status: 'Status',
    outcome: 'Outcome',
    unannounced: 'Unannounced',
    dateWithheld: 'not told before it starts',
    noAudits: 'No audit yet',
  },
});

/**
 * A certificate's surveillance plan, its last result, a voluntary suspension's end, and its audits.
 * The holder is not told an unannounced audit's date before it starts: the API leaves it out, and
 * the table says so. `auditLink` gives each audit a link (the body's audit page).
 */
export function SurveillanceCard({ certificate, auditLink }: { certificate: Certificate; auditLink?: (auditId: string) => string }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const s = certificate.surveillance;
  const last: ReactNode = s.lastOn ? (
    <Space size={4}>
      {formatDate(s.lastOn)}
      {s.lastOutcome && <StatusTag family="auditOutcome" status={s.lastOutcome} />}
    </Space>
  ) : (
    t('none')
  );
  const kind = (a: AuditEntry) => labelOf(AUDIT_KIND_LABELS, a.kind, language);
  const columns: TableColumnsType<AuditEntry> = [
    { title: t('kind'), key: 'kind', render: (_, a) => (auditLink ? <Link to={auditLink(a.id)}>{kind(a)}</Link> : kind(a)) },
    { title: t('trigger'), dataIndex: 'trigger', render: (v: string) => labelOf(AUDIT_TRIGGER_LABELS, v, language) },
    { title: t('cycle'), dataIndex: 'cycle', render: (n: number | null) => (n ? t('cycleN', { n }) : '—') },
    { title: t('dueOn'), dataIndex: 'dueOn', render: (d: string | null) => formatDate(d) },
    {
      title: t('plannedOn'),
      key: 'plannedOn',
      render: (_, a) => (
        <Space size={4} wrap>
          {a.plannedOn ? formatDate(a.plannedOn) : a.unannounced ? t('dateWithheld') : '—'}
          {a.unannounced && <Tag>{t('unannounced')}</Tag>}
        </Space>
      ),
    },
    { title: t('status'), dataIndex: 'status', render: (v: string) => <StatusTag family="audit" status={v} /> },
    { title: t('outcome'), dataIndex: 'outcome', render: (v: string | null) => (v ? <StatusTag family="auditOutcome" status={v} /> : '—') },
  ];
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('title')}
        </Typography.Title>
      }
      style={{ marginBottom: 16 }}
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('interval')}>{t('months', { n: s.intervalMonths })}</Descriptions.Item>
        <Descriptions.Item label={t('nextDue')}>{formatDate(s.nextDue)}</Descriptions.Item>
        <Descriptions.Item label={t('lastSurveillance')}>{last}</Descriptions.Item>
        {s.suspensionEndsOn && <Descriptions.Item label={t('suspensionEndsOn')}>{formatDate(s.suspensionEndsOn)}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={3} style={{ fontSize: 14, margin: '16px 0 8px' }}>
        {t('audits')}
      </Typography.Title>
      <Table<AuditEntry> rowKey="id" size="small" pagination={false} columns={columns} dataSource={certificate.audits} locale={{ emptyText: t('noAudits') }} />
    </Card>
  );
}
