import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { CaseLayout } from '../complaints/CaseLayout';
import { formatDateTime } from '../dates';
import { StatusTag } from '../StatusTag';
import { useDecisionName } from './decision-names';

type Appeal = Schemas['AppealView'];

const messages = defineMessages({
  zh: {
    appeals: '申诉',
    title: '申诉 {reference}',
    enterprise: '企业',
    body: '认证机构',
    lodgedBy: '提出人',
    createdAt: '提出时间',
    grounds: '申诉理由',
    decision: '被申诉的决定',
    decidedAt: '决定时间',
    appealableUntil: '申诉期限',
    application: '申请',
    certificate: '证书',
    handler: '处理人',
    rationale: '申诉决定理由',
    decidedBy: '决定人',
  },
  en: {
    appeals: 'Appeals',
    title: 'Appeal {reference}',
    enterprise: 'Enterprise',
    body: 'Certification body',
    lodgedBy: 'Lodged by',
    createdAt: 'Lodged',
    grounds: 'Grounds',
    decision: 'Decision appealed',
    decidedAt: 'Decided on',
    appealableUntil: 'Appealable until',
    application: 'Application',
    certificate: 'Certificate',
    handler: 'Considered by',
    rationale: 'Rationale of the appeal decision',
    decidedBy: 'Decided by',
  },
});

/**
 * An appeal as its readers see it: the facts, the decision appealed, the outcome and the timeline.
 * The body links the case it decided and adds its steps; the regulator reads it as it is, naming
 * the body (`body`) where a link to the case would lead to no page of its own.
 */
export function AppealCase({ appeal: a, steps, body }: { appeal: Appeal; steps?: ReactNode; body?: ReactNode }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const decisionName = useDecisionName();
  const linked = body === undefined;
  return (
    <CaseLayout list={{ path: '/appeals', label: t('appeals') }} of={a} title={t('title', { reference: a.reference })} family="appeal">
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('enterprise')}>{language === 'en' && a.enterprise.nameEn ? a.enterprise.nameEn : a.enterprise.nameZh}</Descriptions.Item>
        {!linked && <Descriptions.Item label={t('body')}>{body}</Descriptions.Item>}
        <Descriptions.Item label={t('lodgedBy')}>
          {a.lodgedBy.displayName} · {formatDateTime(a.createdAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('decision')}>
          <Typography.Text strong>{decisionName(a.decision.action)}</Typography.Text> · {t('decidedAt')} {formatDateTime(a.decision.at)} ·{' '}
          {t('appealableUntil')} {formatDateTime(a.decision.appealableUntil)}
        </Descriptions.Item>
        {a.certificate ? (
          <Descriptions.Item label={t('certificate')}>
            {linked ? <Link to={`/certificates/${a.certificate.id}`}>{a.certificate.number}</Link> : a.certificate.number}{' '}
            <StatusTag family="certificate" status={a.certificate.status} />
          </Descriptions.Item>
        ) : (
          <Descriptions.Item label={t('application')}>
            {linked ? <Link to={`/applications/${a.applicationId}`}>{a.applicationNumber}</Link> : a.applicationNumber}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('grounds')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{a.grounds}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('handler')}>{a.handler?.displayName ?? '—'}</Descriptions.Item>
        {a.decidedBy && (
          <Descriptions.Item label={t('decidedBy')}>
            {a.decidedBy.displayName} · {a.decidedAt && formatDateTime(a.decidedAt)}
          </Descriptions.Item>
        )}
        {a.rationale && (
          <Descriptions.Item label={t('rationale')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{a.rationale}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {steps}
    </CaseLayout>
  );
}
