import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useErrorSentence } from '../../../api/error-sentences';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { statusLabel } from '../../../i18n/labels';
import { formatDateTime } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';

type Job = Schemas['JobView'];
const FILTERS = ['state'] as const;
const STATES: Job['state'][] = ['failed', 'scheduled', 'pending', 'dispatched', 'completed'];

const messages = defineMessages({
  zh: {
    title: '后台任务',
    state: '状态',
    all: '全部',
    queue: '队列',
    job: '任务',
    payload: '处理对象',
    attempts: '尝试次数',
    error: '错误',
    failedAt: '失败时间',
    createdAt: '创建时间',
    actions: '操作',
    retry: '重试',
    retryJob: '重试任务 {job}',
    retried: '任务已重新排队。',
    empty: '没有失败的任务。',
    emptyAny: '没有任务。',
  },
  en: {
    title: 'Background jobs',
    state: 'State',
    all: 'All',
    queue: 'Queue',
    job: 'Job',
    payload: 'Works on',
    attempts: 'Attempts',
    error: 'Error',
    failedAt: 'Failed',
    createdAt: 'Created',
    actions: 'Actions',
    retry: 'Retry',
    retryJob: 'Retry the job {job}',
    retried: 'The job is queued again.',
    empty: 'No failed job.',
    emptyAny: 'No job.',
  },
});

/** The body's background jobs, failed ones first by default, with their error and a retry. */
export default function FailedJobsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const sentence = useErrorSentence();
  const queries = useQueryClient();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  // No state in the URL: the failed ones, which is what this page is for; "all" lifts the filter.
  const state = filters.state === 'all' ? undefined : (STATES.find((s) => s === filters.state) ?? 'failed');
  const [done, setDone] = useState(false);
  const retry = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/operations/jobs/{id}/retry', { params: { path: { id } } })),
    onMutate: () => setDone(false),
    onSuccess: () => {
      setDone(true);
      void queries.invalidateQueries({ queryKey: ['jobs'] });
    },
  });
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('state')}>
          <Select
            aria-label={t('state')}
            style={{ minWidth: 160 }}
            value={state ?? 'all'}
            options={[...STATES.map((s) => ({ value: s, label: statusLabel('job', s, language) })), { value: 'all', label: t('all') }]}
            onChange={(v: string) => setFilters({ state: v === 'failed' ? undefined : v })}
          />
        </Form.Item>
      </Form>
      {retry.error && <Alert type="error" role="alert" showIcon style={{ marginBottom: 12 }} title={sentence(retry.error)} />}
      {done && <Alert type="success" role="status" showIcon style={{ marginBottom: 12 }} title={t('retried')} />}
      <PagedTable<Job>
        queryKey={['jobs', state ?? 'all']}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/operations/jobs', { params: { query: { page: p, pageSize: size, ...(state ? { state } : {}) } } }))}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        empty={state === 'failed' ? t('empty') : t('emptyAny')}
        columns={[
          { title: t('queue'), dataIndex: 'queue' },
          { title: t('job'), dataIndex: 'job' },
          {
            title: t('payload'),
            dataIndex: 'payload',
            render: (v: Record<string, unknown>) => (
              <Typography.Text code style={{ fontSize: 12 }}>
                {JSON.stringify(v)}
              </Typography.Text>
            ),
          },
          { title: t('state'), dataIndex: 'state', render: (v: string) => <StatusTag family="job" status={v} /> },
          { title: t('attempts'), dataIndex: 'attempts' },
          {
            title: t('error'),
            dataIndex: 'lastError',
            render: (v: string | null) =>
              v ? (
                <Typography.Paragraph type="danger" ellipsis={{ rows: 3, expandable: true }} style={{ maxWidth: 360, margin: 0 }}>
                  {v}
                </Typography.Paragraph>
              ) : (
                '—'
              ),
          },
          { title: t('failedAt'), dataIndex: 'failedAt', render: (v: string | null) => formatDateTime(v) },
          { title: t('createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, job: Job) =>
              job.state === 'failed' ? (
                <Button
                  size="small"
                  aria-label={t('retryJob', { job: `${job.queue}/${job.job}` })}
                  loading={retry.isPending && retry.variables === job.id}
                  onClick={() => retry.mutate(job.id)}
                >
                  {t('retry')}
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}
