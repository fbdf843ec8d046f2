import { useQuery } from '@tanstack/react-query';
import { Badge, Calendar, DatePicker, Form, Segmented, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';
import { hasRole, useSignedIn } from '../../../session/session';
import { dayjs, formatDate, inShenzhen } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { ErrorState } from '../../../shared/states';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { kindMessages } from './AuditFormPage';

type AuditSummary = Schemas['AuditSummary'];

const FILTERS = ['month', 'auditorId', 'mine', 'view'] as const;

const messages = defineMessages({
  zh: {
    title: '审核日历',
    month: '月份',
    auditor: '审核员',
    allAuditors: '全部审核员',
    mine: '只看我的审核',
    view: '视图',
    calendar: '日历',
    list: '列表',
    plannedOn: '计划日期',
    application: '申请',
    enterprise: '企业',
    kind: '类型',
    status: '状态',
    auditors: '审核员',
    open: '打开',
    empty: '本月没有审核。',
    more: '本月审核超过 100 项，请按审核员筛选或使用列表视图。',
  },
  en: {
    title: 'Audit calendar',
    month: 'Month',
    auditor: 'Auditor',
    allAuditors: 'All auditors',
    mine: 'Only my audits',
    view: 'View',
    calendar: 'Calendar',
    list: 'List',
    plannedOn: 'Planned on',
    application: 'Application',
    enterprise: 'Enterprise',
    kind: 'Kind',
    status: 'Status',
    auditors: 'Auditors',
    open: 'Open',
    empty: 'No audit this month.',
    more: 'More than 100 audits this month: filter by auditor or use the list.',
  },
});

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The audits of the body's auditors month by month, on a calendar or as a list; month and auditor live in the URL. */
export default function AuditsCalendarPage() {
  const t = useT(messages);
  const k = useT(kindMessages);
  const session = useSignedIn();
  const navigate = useNavigate();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const month = filters.month && MONTH.test(filters.month) ? dayjs(`${filters.month}-01`) : inShenzhen(new Date()).startOf('month');
  const from = month.startOf('month').format('YYYY-MM-DD');
  const to = month.endOf('month').format('YYYY-MM-DD');
  const mine = filters.mine === 'true';
  const view = filters.view === 'list' ? 'list' : 'calendar';
  const isAdmin = hasRole(session, 'cb_admin', 'reviewer', 'decision_maker');
  const query = { from, to, ...(filters.auditorId ? { auditorId: filters.auditorId } : {}), ...(mine ? { mine: true } : {}) };

  // Only the body's administrators may list its people; an auditor filters on its own audits.
  const auditors = useQuery({
    queryKey: ['users', 'auditors', session.user.organizationId],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { role: 'auditor', organizationId: session.user.organizationId, pageSize: 100 } } })),
    enabled: hasRole(session, 'cb_admin'),
  });
  const monthAudits = useQuery({
    queryKey: ['audits', 'month', query],
    queryFn: () => unwrap(api.GET('/api/v1/audits', { params: { query: { ...query, page: 1, pageSize: 100 } } })),
    enabled: view === 'calendar',
  });

  const byDay = new Map<string, AuditSummary[]>();
  for (const audit of monthAudits.data?.items ?? []) {
    // the body always sees the date; only an enterprise is kept from an unannounced audit's
    if (!audit.plannedOn) continue;
    const day = audit.plannedOn.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), audit]);
  }

  const cell = (date: Dayjs) => {
    const list = byDay.get(date.format('YYYY-MM-DD'));
    if (!list || !date.isSame(month, 'month')) return null;
    return (
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {list.map((audit) => (
          <li key={audit.id}>
            <Link to={`/audits/${audit.id}`} onClick={(e) => e.stopPropagation()}>
              <Badge status={audit.status === 'evaluated' ? 'success' : audit.status === 'planned' ? 'default' : 'processing'} />{' '}
              {audit.enterprise.nameZh.replace(/^深圳市/, '').slice(0, 8)} · {audit.auditors[0]?.displayName ?? ''}
            </Link>
          </li>
        ))}
      </ul>
    );
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('view')}>
          <Segmented
            aria-label={t('view')}
            value={view}
            options={[
              { value: 'calendar', label: t('calendar') },
              { value: 'list', label: t('list') },
            ]}
            onChange={(v) => setFilters({ view: v === 'list' ? 'list' : undefined })}
          />
        </Form.Item>
        <Form.Item label={t('month')} htmlFor="audit-month">
          <DatePicker
            id="audit-month"
            picker="month"
            allowClear={false}
            value={month}
            onChange={(d: Dayjs | null) => d && setFilters({ month: d.format('YYYY-MM') })}
          />
        </Form.Item>
        {isAdmin && hasRole(session, 'cb_admin') && (
          <Form.Item label={t('auditor')}>
            <Select
              aria-label={t('auditor')}
              style={{ minWidth: 180 }}
              value={filters.auditorId ?? ''}
              loading={auditors.isPending}
              options={[{ value: '', label: t('allAuditors') }, ...(auditors.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))]}
              onChange={(v: string) => setFilters({ auditorId: v || undefined })}
            />
          </Form.Item>
        )}
        {hasRole(session, 'auditor') && (
          <Form.Item label={t('mine')}>
            <Switch aria-label={t('mine')} checked={mine} onChange={(v) => setFilters({ mine: v ? 'true' : undefined })} />
          </Form.Item>
        )}
      </Form>
      {view === 'calendar' ? (
        monthAudits.error ? (
          <ErrorState error={monthAudits.error} onRetry={() => void monthAudits.refetch()} />
        ) : (
          <>
            {(monthAudits.data?.total ?? 0) > 100 && <Typography.Paragraph type="warning">{t('more')}</Typography.Paragraph>}
            {monthAudits.data && monthAudits.data.total === 0 && <Typography.Paragraph type="secondary">{t('empty')}</Typography.Paragraph>}
            <Calendar
              value={month}
              headerRender={() => null}
              cellRender={(date, info) => (info.type === 'date' ? cell(date) : null)}
              onPanelChange={(date) => setFilters({ month: date.format('YYYY-MM') })}
              onSelect={(date, info) => {
                if (info.source === 'date' && !date.isSame(month, 'month')) setFilters({ month: date.format('YYYY-MM') });
              }}
            />
          </>
        )
      ) : (
        <PagedTable<AuditSummary>
          queryKey={['audits', 'list', query]}
          fetchPage={(p, size) => unwrap(api.GET('/api/v1/audits', { params: { query: { ...query, page: p, pageSize: size } } }))}
          page={page}
          pageSize={pageSize}
          onPageChange={setPage}
          rowKey="id"
          empty={t('empty')}
          onRow={(audit) => ({ onDoubleClick: () => void navigate(`/audits/${audit.id}`) })}
          columns={[
            { title: t('plannedOn'), dataIndex: 'plannedOn', render: (v: string) => formatDate(v) },
            {
              title: t('application'),
              key: 'application',
              render: (_: unknown, a: AuditSummary) => <Link to={`/audits/${a.id}`}>{a.application.number}</Link>,
            },
            { title: t('enterprise'), key: 'enterprise', render: (_: unknown, a: AuditSummary) => a.enterprise.nameZh },
            { title: t('kind'), dataIndex: 'kind', render: (v: AuditSummary['kind']) => k(v) },
            { title: t('status'), dataIndex: 'status', render: (v: string) => <StatusTag family="audit" status={v} /> },
            { title: t('auditors'), key: 'auditors', render: (_: unknown, a: AuditSummary) => a.auditors.map((x) => x.displayName).join('、') },
          ]}
        />
      )}
    </>
  );
}
