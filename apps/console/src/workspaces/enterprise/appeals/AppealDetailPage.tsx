import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Space, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { APPEALED_DECISION_LABELS, labelOf, statusLabel } from '../../../i18n/labels';
import { formatDateTime } from '../../../shared/dates';
import { QueryState } from '../../../shared/states';
import { StatusTag } from '../../../shared/StatusTag';

type Appeal = Schemas['AppealView'];

const messages = defineMessages({
  zh: {
    title: '申诉 {reference}',
    back: '返回申诉列表',
    decision: '被申诉的决定',
    decidedOn: '{decision}，{date}',
    certificate: '证书',
    application: '申请',
    lodgedBy: '提出人',
    lodgedAt: '提出时间',
    appealableUntil: '申诉期限',
    handler: '处理人',
    notAssigned: '尚未指定',
    grounds: '申诉理由',
    outcome: '结果',
    upheld: '申诉成立：认证机构的决定已撤销。',
    dismissed: '申诉被驳回：认证机构的决定维持不变。',
    pending: '申诉由未参与原决定的人员审理，结果将通知您。',
    rationale: '理由：{text}',
    timeline: '处理记录',
    lodge: '提出申诉',
    assign: '指定处理人',
    uphold: '申诉成立',
    dismiss: '驳回申诉',
  },
  en: {
    title: 'Appeal {reference}',
    back: 'Back to the appeals',
    decision: 'Decision appealed',
    decidedOn: '{decision}, {date}',
    certificate: 'Certificate',
    application: 'Application',
    lodgedBy: 'Lodged by',
    lodgedAt: 'Lodged',
    appealableUntil: 'Appealable until',
    handler: 'Considered by',
    notAssigned: 'not yet named',
    grounds: 'Grounds',
    outcome: 'Outcome',
    upheld: "Upheld: the certification body's decision is reversed.",
    dismissed: "Dismissed: the certification body's decision stands.",
    pending: 'Someone who took no part in the decision considers the appeal; you will be told the outcome.',
    rationale: 'Rationale: {text}',
    timeline: 'Timeline',
    lodge: 'Lodged',
    assign: 'Handler named',
    uphold: 'Upheld',
    dismiss: 'Dismissed',
  },
});

const TIMELINE_ACTIONS = ['lodge', 'assign', 'uphold', 'dismiss'] as const;

function AppealDetail({ appeal }: { appeal: Appeal }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const decided = appeal.status === 'upheld' || appeal.status === 'dismissed';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/appeals">← {t('back')}</Link>
      <Space wrap align="center">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('title', { reference: appeal.reference })}
        </Typography.Title>
        <StatusTag family="appeal" status={appeal.status} />
      </Space>
      {decided ? (
        <Alert
          type={appeal.status === 'upheld' ? 'success' : 'info'}
          showIcon
          title={t(appeal.status === 'upheld' ? 'upheld' : 'dismissed')}
          description={appeal.rationale && t('rationale', { text: appeal.rationale })}
        />
      ) : (
        <Alert type="info" showIcon title={t('pending')} />
      )}
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('decision')}>
            {t('decidedOn', { decision: labelOf(APPEALED_DECISION_LABELS, appeal.decision.action, language), date: formatDateTime(appeal.decision.at) })}
          </Descriptions.Item>
          {appeal.certificate ? (
            <Descriptions.Item label={t('certificate')}>
              <Link to={`/certificates/${appeal.certificate.id}`}>{appeal.certificate.number}</Link>
            </Descriptions.Item>
          ) : (
            <Descriptions.Item label={t('application')}>
              <Link to={`/applications/${appeal.applicationId}`}>{appeal.applicationNumber}</Link>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('lodgedBy')}>{appeal.lodgedBy.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('lodgedAt')}>{formatDateTime(appeal.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('appealableUntil')}>{formatDateTime(appeal.decision.appealableUntil)}</Descriptions.Item>
          <Descriptions.Item label={t('handler')}>{appeal.handler?.displayName ?? t('notAssigned')}</Descriptions.Item>
        </Descriptions>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('grounds')}
        </Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{appeal.grounds}</Typography.Paragraph>
      </Card>
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('timeline')}
          </Typography.Title>
        }
      >
        <Timeline
          items={appeal.timeline.map((e) => ({
            key: `${e.at}|${e.action}`,
            content: (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>
                  {(TIMELINE_ACTIONS as readonly string[]).includes(e.action) ? t(e.action as (typeof TIMELINE_ACTIONS)[number]) : e.action} ·{' '}
                  {statusLabel('appeal', e.to, language)}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {formatDateTime(e.at)}
                  {e.actor.displayName ? ` · ${e.actor.displayName}` : ''}
                </Typography.Text>
                {e.reason && <Typography.Text>{e.reason}</Typography.Text>}
              </Space>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}

export function AppealDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['appeal', id], queryFn: () => unwrap(api.GET('/api/v1/appeals/{id}', { params: { path: { id } } })) });
  return <QueryState query={query}>{(appeal) => <AppealDetail appeal={appeal} />}</QueryState>;
}
