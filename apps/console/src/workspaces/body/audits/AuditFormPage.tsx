import { CheckCircleOutlined, CloseCircleOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../../api/client';
import { useErrorSentence } from '../../../api/error-sentences';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { AUDIT_TRIGGER_LABELS, labelOf } from '../../../i18n/labels';
import { formatDate, formatDateTime } from '../../../shared/dates';
import { QueryState } from '../../../shared/states';
import { StatusTag } from '../../../shared/StatusTag';
import { AuditNonconformities } from './AuditNonconformities';
import { FindingCard } from './FindingCard';
import { RecognisedReports } from './RecognisedReports';
import { useFindingDrafts, type AuditView } from './finding-drafts';

export const kindMessages = defineMessages({
  zh: { initial: '初次审核', surveillance: '监督审核', special: '特殊审核', renewal: '再认证审核' },
  en: { initial: 'Initial audit', surveillance: 'Surveillance audit', special: 'Special audit', renewal: 'Renewal audit' },
});

const messages = defineMessages({
  zh: {
    title: '审核 {number}',
    back: '返回审核日历',
    enterprise: '企业',
    application: '申请',
    kind: '类型',
    plannedOn: '计划日期',
    startedAt: '开始时间',
    submittedAt: '提交时间',
    auditors: '审核员',
    lead: '组长',
    certificate: '证书',
    trigger: '起因',
    dueOn: '截止日期',
    outcome: '评价结论',
    start: '开始审核',
    resume: '继续审核（整改后）',
    submit: '提交审核',
    started: '审核已开始。',
    resumed: '审核已恢复，可继续记录并关闭不符合项后再次提交。',
    submitted: '审核已提交，正在评价。',
    missing: '以下条款尚无检验结果，请补充后再提交：',
    checklist: '检查清单',
    recorded: '已记录 {done} / {all} 项',
    offline: '当前离线：记录会保存在本设备，联网后自动发送。',
    pending: '{count} 项记录已保存在本设备，尚未发送。',
    sendNow: '立即发送',
    readOnly: '只有被指派的审核员能在审核进行中记录结果。',
    plannedHint: '审核尚未开始：开始后即可逐项记录。',
  },
  en: {
    title: 'Audit {number}',
    back: 'Back to the audit calendar',
    enterprise: 'Enterprise',
    application: 'Application',
    kind: 'Kind',
    plannedOn: 'Planned on',
    startedAt: 'Started',
    submittedAt: 'Submitted',
    auditors: 'Auditors',
    lead: 'lead',
    certificate: 'Certificate',
    trigger: 'Why',
    dueOn: 'Due on',
    outcome: 'Outcome',
    start: 'Start the audit',
    resume: 'Resume after corrections',
    submit: 'Submit the audit',
    started: 'The audit has started.',
    resumed: 'The audit is resumed: record, close the nonconformities and submit again.',
    submitted: 'The audit is submitted and being evaluated.',
    missing: 'These clauses have no finding yet; record them, then submit:',
    checklist: 'Checklist',
    recorded: '{done} of {all} recorded',
    offline: 'Offline: findings are kept on this device and sent when the network is back.',
    pending: '{count} finding(s) saved on this device, not yet sent.',
    sendNow: 'Send now',
    readOnly: 'Only the assigned auditors record findings while the audit is in progress.',
    plannedHint: 'The audit has not started: start it to record the findings.',
  },
});

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

type Action = 'start' | 'resume' | 'submit';

function AuditForm({ audit }: { audit: AuditView }) {
  const t = useT(messages);
  const k = useT(kindMessages);
  const { language } = useLanguage();
  const sentence = useErrorSentence();
  const queries = useQueryClient();
  const online = useOnline();
  const { drafts, save, discard, flush } = useFindingDrafts(audit.id);
  const [done, setDone] = useState<string>();
  const pendingCount = Object.values(drafts).filter((d) => !d.refusal).length;

  const act = useMutation({
    mutationFn: (action: Action) => {
      const path = { params: { path: { id: audit.id } } };
      if (action === 'start') return unwrap(api.POST('/api/v1/audits/{id}/start', path));
      if (action === 'resume') return unwrap(api.POST('/api/v1/audits/{id}/resume', path));
      return unwrap(api.POST('/api/v1/audits/{id}/submit', path));
    },
    onSuccess: (view, action) => {
      queries.setQueryData(['audit', audit.id], view);
      void queries.invalidateQueries({ queryKey: ['audits'] });
      setDone(t(action === 'start' ? 'started' : action === 'resume' ? 'resumed' : 'submitted'));
    },
    onMutate: () => setDone(undefined),
  });
  const missing = act.error instanceof ApiError && Array.isArray(act.error.details.missingClauses) ? (act.error.details.missingClauses as string[]) : undefined;

  const editable = audit.allowedActions.includes('record');
  const recorded = audit.checklist.filter((item) => item.finding).length;
  const latest = audit.checklist
    .map((item) => item.finding)
    .filter((f) => f !== null)
    .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))[0];

  return (
    <>
      <Space align="center" wrap style={{ display: 'flex', marginTop: 8 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('title', { number: audit.application.number })}
        </Typography.Title>
        <StatusTag family="audit" status={audit.status} />
        {audit.outcome && <StatusTag family="auditOutcome" status={audit.outcome} />}
      </Space>
      <Link style={{ display: 'inline-block', marginTop: 4 }} to="/audits">
        {t('back')}
      </Link>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('enterprise')}>{audit.enterprise.nameZh}</Descriptions.Item>
        <Descriptions.Item label={t('kind')}>{k(audit.kind)}</Descriptions.Item>
        <Descriptions.Item label={t('plannedOn')}>{formatDate(audit.plannedOn)}</Descriptions.Item>
        {audit.certificate && (
          <Descriptions.Item label={t('certificate')}>
            <Link to={`/certificates/${audit.certificate.id}`}>{audit.certificate.number}</Link>
          </Descriptions.Item>
        )}
        {audit.certificate && <Descriptions.Item label={t('trigger')}>{labelOf(AUDIT_TRIGGER_LABELS, audit.trigger, language)}</Descriptions.Item>}
        {audit.dueOn && <Descriptions.Item label={t('dueOn')}>{formatDate(audit.dueOn)}</Descriptions.Item>}
        <Descriptions.Item label={t('auditors')}>
          {audit.auditors.map((a) => (a.lead ? `${a.displayName}（${t('lead')}）` : a.displayName)).join('、')}
        </Descriptions.Item>
        {audit.startedAt && <Descriptions.Item label={t('startedAt')}>{formatDateTime(audit.startedAt)}</Descriptions.Item>}
        {audit.submittedAt && <Descriptions.Item label={t('submittedAt')}>{formatDateTime(audit.submittedAt)}</Descriptions.Item>}
      </Descriptions>
      {audit.outcomeReasons && audit.outcomeReasons.length > 0 && (
        <Alert
          type={audit.outcome === 'passed' ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={t('outcome')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {audit.outcomeReasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          }
        />
      )}

      {(!online || pendingCount > 0) && (
        <Alert
          type="warning"
          showIcon
          role="status"
          icon={<CloudUploadOutlined />}
          style={{ marginBottom: 12 }}
          title={!online ? t('offline') : t('pending', { count: pendingCount })}
          description={!online && pendingCount > 0 ? t('pending', { count: pendingCount }) : undefined}
          action={
            online && pendingCount > 0 ? (
              <Button size="small" onClick={() => void flush()}>
                {t('sendNow')}
              </Button>
            ) : undefined
          }
        />
      )}

      <Space wrap style={{ marginBottom: 12 }}>
        {audit.allowedActions.includes('start') && (
          <Button type="primary" size="large" loading={act.isPending && act.variables === 'start'} onClick={() => act.mutate('start')}>
            {t('start')}
          </Button>
        )}
        {audit.allowedActions.includes('resume') && (
          <Button type="primary" size="large" loading={act.isPending && act.variables === 'resume'} onClick={() => act.mutate('resume')}>
            {t('resume')}
          </Button>
        )}
      </Space>
      {done && <Alert type="success" role="status" showIcon style={{ marginBottom: 12 }} title={done} />}
      {act.error && !missing && <Alert type="error" role="alert" showIcon style={{ marginBottom: 12 }} title={sentence(act.error)} />}
      {audit.status === 'planned' && audit.allowedActions.includes('start') && <Typography.Paragraph type="secondary">{t('plannedHint')}</Typography.Paragraph>}
      {!editable && audit.status === 'in_progress' && <Typography.Paragraph type="secondary">{t('readOnly')}</Typography.Paragraph>}

      <RecognisedReports auditId={audit.id} editable={editable} />

      <section aria-labelledby="checklist-title">
        <Space align="baseline" wrap>
          <Typography.Title level={2} id="checklist-title" style={{ fontSize: 18 }}>
            {t('checklist')}
          </Typography.Title>
          <Tag>{t('recorded', { done: recorded, all: audit.checklist.length })}</Tag>
        </Space>
        {audit.checklist.map((item) => (
          <FindingCard
            // A new finding from the API (or a draft sent) gives the form its new starting values.
            key={`${item.requirementId}:${item.finding?.recordedAt ?? ''}`}
            item={item}
            editable={editable}
            draft={drafts[item.requirementId]}
            onSave={(body) => save(item.requirementId, body)}
            onDiscard={() => discard(item.requirementId)}
            laboratory={latest}
          />
        ))}
      </section>

      <AuditNonconformities audit={audit} />

      {audit.allowedActions.includes('submit') && (
        <section style={{ marginTop: 24 }}>
          {missing && (
            <Alert
              type="error"
              role="alert"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('missing')}
              description={
                <List
                  size="small"
                  dataSource={audit.checklist.filter((item) => missing.includes(item.clause))}
                  renderItem={(item) => (
                    <List.Item>
                      <Space>
                        {item.finding ? <CheckCircleOutlined style={{ color: '#52c41a' }} /> : <CloseCircleOutlined style={{ color: '#cf1322' }} />}
                        <span>
                          {item.clause} {item.textZh}
                        </span>
                      </Space>
                    </List.Item>
                  )}
                />
              }
            />
          )}
          <Button
            type="primary"
            size="large"
            loading={act.isPending && act.variables === 'submit'}
            disabled={pendingCount > 0}
            onClick={() => act.mutate('submit')}
          >
            {t('submit')}
          </Button>
        </section>
      )}
    </>
  );
}

/** The audit form an auditor uses on a tablet in the factory. */
export default function AuditFormPage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['audit', id], queryFn: () => unwrap(api.GET('/api/v1/audits/{id}', { params: { path: { id } } })) });
  return <QueryState query={query}>{(audit) => <AuditForm audit={audit} />}</QueryState>;
}
