import { EscalateToComplaint } from '../../../shared/complaints/EscalateToComplaint';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap, type Schemas } from '../../../api/client';
import { useErrorSentence } from '../../../api/error-sentences';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { formatDateTime } from '../../../shared/dates';
import { applyFieldErrors } from '../../../shared/form-errors';
import { QueryState } from '../../../shared/states';
import { StatusTag } from '../../../shared/StatusTag';
import { misuseMessages } from './MisuseReportsPage';

type Report = Schemas['MisuseReportView'];

const messages = defineMessages({
  zh: {
    heading: '举报 {reference}',
    back: '返回举报列表',
    contact: '举报人联系方式',
    noContact: '举报人未留联系方式',
    whereSeen: '发现地点',
    statusChangedAt: '状态变更时间',
    review: '开始处理',
    close: '结案',
    reviewing: '已开始处理。',
    closed: '已结案。',
    note: '处理意见',
    noteHint: '选填：核查了什么、作了什么处理。仅认证机构和监管部门可见，举报人看不到。',
    checkForm: '请检查标出的字段。',
  },
  en: {
    heading: 'Misuse report {reference}',
    back: 'Back to the misuse reports',
    contact: "The reporter's contact",
    noContact: 'The reporter left no contact',
    whereSeen: 'Where it was seen',
    statusChangedAt: 'State changed',
    review: 'Take into review',
    close: 'Close',
    reviewing: 'Taken into review.',
    closed: 'Closed.',
    note: 'Handling note',
    noteHint: 'Optional: what was checked and done. Only the body and the regulator read it, never the reporter.',
    checkForm: 'Check the marked fields.',
  },
});

function ReportDetail({ report }: { report: Report }) {
  const t = useT(messages);
  const l = useT(misuseMessages);
  const { language } = useLanguage();
  const sentence = useErrorSentence();
  const queries = useQueryClient();
  const [done, setDone] = useState<string>();
  const [form] = Form.useForm<{ note?: string }>();
  const change = useMutation({
    mutationFn: (status: 'reviewing' | 'closed') => {
      const note = (form.getFieldValue('note') as string | undefined)?.trim();
      return unwrap(api.POST('/api/v1/misuse-reports/{id}/status', { params: { path: { id: report.id } }, body: { status, ...(note ? { note } : {}) } }));
    },
    onMutate: () => setDone(undefined),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) applyFieldErrors(form, error, language);
    },
    onSuccess: (view) => {
      form.resetFields();
      queries.setQueryData(['misuse-report', report.id], view);
      void queries.invalidateQueries({ queryKey: ['misuse-reports'] });
      setDone(t(view.status === 'closed' ? 'closed' : 'reviewing'));
    },
  });
  return (
    <>
      <Space align="center" wrap style={{ display: 'flex', marginTop: 8, marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('heading', { reference: report.reference })}
        </Typography.Title>
        <StatusTag family="misuseReport" status={report.status} />
      </Space>
      <Link style={{ display: 'inline-block', marginTop: 4 }} to="/misuse-reports">
        {t('back')}
      </Link>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={l('description')}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{report.description}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('contact')}>{report.contact ?? t('noContact')}</Descriptions.Item>
        <Descriptions.Item label={t('whereSeen')}>{report.whereSeen ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={l('code')}>{report.code ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={l('certificate')}>
          {report.certificate ? (
            <Space>
              {report.certificate.number}
              <StatusTag family="certificate" status={report.certificate.status} />
            </Space>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={l('createdAt')}>{formatDateTime(report.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('statusChangedAt')}>{formatDateTime(report.statusChangedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('note')}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{report.note ?? '—'}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {change.error && (
        <Alert
          type="error"
          role="alert"
          showIcon
          style={{ marginTop: 12 }}
          title={change.error instanceof ApiError && change.error.status === 400 ? t('checkForm') : sentence(change.error)}
        />
      )}
      {done && <Alert type="success" role="status" showIcon style={{ marginTop: 12 }} title={done} />}
      {report.status !== 'closed' && (
        <Form form={form} layout="vertical" style={{ marginTop: 16, maxWidth: 720 }}>
          <Form.Item name="note" label={t('note')} extra={t('noteHint')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Space wrap>
            {report.status === 'received' && (
              <Button type="primary" loading={change.isPending && change.variables === 'reviewing'} onClick={() => change.mutate('reviewing')}>
                {t('review')}
              </Button>
            )}
            <Button loading={change.isPending && change.variables === 'closed'} onClick={() => change.mutate('closed')}>
              {t('close')}
            </Button>
          </Space>
        </Form>
      )}
      <EscalateToComplaint report={report} />
    </>
  );
}

export default function MisuseReportPage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['misuse-report', id], queryFn: () => unwrap(api.GET('/api/v1/misuse-reports/{id}', { params: { path: { id } } })) });
  return <QueryState query={query}>{(report) => <ReportDetail report={report} />}</QueryState>;
}
