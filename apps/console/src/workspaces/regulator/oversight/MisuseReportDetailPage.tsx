import { EscalateToComplaint } from '../../../shared/complaints/EscalateToComplaint';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';
import { formatDateTime } from '../../../shared/dates';
import { QueryState } from '../../../shared/states';
import { StatusTag } from '../../../shared/StatusTag';
import { ActionAlert } from '../../../shared/Refusal';

const messages = defineMessages({
  zh: {
    back: '返回举报列表',
    title: '举报 {reference}',
    status: '状态',
    code: '被举报的编码',
    certificate: '对应证书',
    unmatched: '未匹配证书',
    whereSeen: '发现地点',
    description: '情况描述',
    contact: '举报人联系方式',
    createdAt: '举报时间',
    statusChangedAt: '状态变更时间',
    review: '开始处理',
    reopen: '重新处理',
    close: '结案',
  },
  en: {
    back: 'Back to misuse reports',
    title: 'Misuse report {reference}',
    status: 'Status',
    code: 'Code reported',
    certificate: 'Certificate',
    unmatched: 'No certificate matched',
    whereSeen: 'Where seen',
    description: 'Description',
    contact: "Reporter's contact",
    createdAt: 'Reported',
    statusChangedAt: 'Status changed',
    review: 'Take into review',
    reopen: 'Review again',
    close: 'Close the report',
  },
});

/** A misuse report, with the status changes the API lets the regulator make (review, close, review again). */
export default function MisuseReportDetailPage() {
  const t = useT(messages);
  const { id = '' } = useParams();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['misuse-reports', id], queryFn: () => unwrap(api.GET('/api/v1/misuse-reports/{id}', { params: { path: { id } } })) });
  const change = useMutation({
    mutationFn: (status: 'reviewing' | 'closed') => unwrap(api.POST('/api/v1/misuse-reports/{id}/status', { params: { path: { id } }, body: { status } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['misuse-reports'] });
      void client.invalidateQueries({ queryKey: ['worklist'] });
    },
  });
  return (
    <QueryState query={query}>
      {(r) => (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Link to="/misuse-reports">{t('back')}</Link>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {t('title', { reference: r.reference })}
          </Typography.Title>
          <ActionAlert error={change.error} />
          <Space wrap>
            {r.status !== 'reviewing' && (
              <Button type="primary" loading={change.isPending} onClick={() => change.mutate('reviewing')}>
                {r.status === 'closed' ? t('reopen') : t('review')}
              </Button>
            )}
            {r.status === 'reviewing' && (
              <Button loading={change.isPending} onClick={() => change.mutate('closed')}>
                {t('close')}
              </Button>
            )}
          </Space>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('status')}>
              <StatusTag family="misuseReport" status={r.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('code')}>{r.code}</Descriptions.Item>
            <Descriptions.Item label={t('certificate')}>
              {r.certificate ? (
                <Space>
                  {r.certificate.number}
                  <StatusTag family="certificate" status={r.certificate.status} />
                </Space>
              ) : (
                t('unmatched')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('whereSeen')}>{r.whereSeen || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('contact')}>{r.contact || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('createdAt')}>{formatDateTime(r.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('statusChangedAt')}>{formatDateTime(r.statusChangedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('description')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.description}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          <EscalateToComplaint report={r} />
        </Space>
      )}
    </QueryState>
  );
}
