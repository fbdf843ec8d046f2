import { ApplicationKind, useKindTitle } from './ApplicationKind';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { useErrorSentence } from '../../../api/error-sentences';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { hasRole, useSignedIn } from '../../../session/session';
import { formatDateTime } from '../../../shared/dates';
import { QueryState } from '../../../shared/states';
import { StatusTag } from '../../../shared/StatusTag';
import { ActionModal } from './ActionModal';
import { CaseAudits, CaseTimeline, ScopeView } from './CaseParts';

const messages = defineMessages({
  zh: {
    inbox: '申请收件箱',
    title: '申请 {number}',
    enterprise: '企业',
    catalogue: '认证目录',
    standard: '标准',
    status: '状态',
    submittedAt: '提交时间',
    version: '版本',
    scope: '认证范围',
    timeline: '办理记录',
    audits: '审核',
    actions: '审查操作',
    noActions: '当前状态下您没有可执行的审查操作。',
    takeIntoReview: '开始审查',
    requestInfo: '要求补充资料',
    accept: '受理申请',
    reject: '不予受理',
    message: '需要企业补充的内容',
    messageRequired: '请写明需要补充的内容',
    acceptReason: '受理说明（可选）',
    rejectReason: '不予受理的理由',
    reasonRequired: '请写明理由',
    requestInfoExplain: '申请将退回企业补充资料，企业答复后重新进入收件箱。',
    acceptExplain: '受理后申请进入评价阶段，可以安排审核。',
    rejectExplain: '不予受理是终结状态，理由会显示给企业。',
    decision: '认证决定',
    toDecision: '前往认证决定',
    done: '已完成：{action}',
  },
  en: {
    inbox: 'Application inbox',
    title: 'Application {number}',
    enterprise: 'Enterprise',
    catalogue: 'Catalogue entry',
    standard: 'Standard',
    status: 'Status',
    submittedAt: 'Submitted',
    version: 'Version',
    scope: 'Scope',
    timeline: 'Timeline',
    audits: 'Audits',
    actions: 'Review',
    noActions: 'There is no review action for you in this state.',
    takeIntoReview: 'Take into review',
    requestInfo: 'Request information',
    accept: 'Accept',
    reject: 'Reject',
    message: 'What the enterprise must supply',
    messageRequired: 'Say what is needed',
    acceptReason: 'Note on acceptance (optional)',
    rejectReason: 'Reasons for rejecting',
    reasonRequired: 'Give the reasons',
    requestInfoExplain: 'The application goes back to the enterprise; once answered it returns to the inbox.',
    acceptExplain: 'Once accepted, the application is evaluated and audits can be planned.',
    rejectExplain: 'Rejecting is final; the enterprise reads the reasons.',
    decision: 'Certification decision',
    toDecision: 'Go to the decision',
    done: 'Done: {action}',
  },
});

type Dialog = 'request_info' | 'accept' | 'reject' | null;

export default function ApplicationPage() {
  const { id = '' } = useParams();
  const t = useT(messages);
  const kindTitle = useKindTitle();
  const { language } = useLanguage();
  const session = useSignedIn();
  const sentence = useErrorSentence();
  const queries = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState<string | null>(null);

  const query = useQuery({ queryKey: ['application', id], queryFn: () => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id } } })) });

  const afterChange = async (action: string) => {
    setDone(action);
    take.reset();
    await Promise.all([
      queries.invalidateQueries({ queryKey: ['application', id] }),
      queries.invalidateQueries({ queryKey: ['applications'] }),
      queries.invalidateQueries({ queryKey: ['worklist'] }),
    ]);
  };

  const take = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/applications/{id}/take-into-review', { params: { path: { id } } })),
    onSuccess: () => afterChange(t('takeIntoReview')),
    // Someone else may have taken it first: the answer (409) is shown, and the page shows the state as it is now.
    onError: () => void queries.invalidateQueries({ queryKey: ['application', id] }),
  });
  const requestInfo = useMutation({
    mutationFn: (body: { message: string }) => unwrap(api.POST('/api/v1/applications/{id}/request-info', { params: { path: { id } }, body })),
    onSuccess: () => afterChange(t('requestInfo')),
  });
  const accept = useMutation({
    mutationFn: (body: { reason?: string }) =>
      unwrap(api.POST('/api/v1/applications/{id}/accept', { params: { path: { id } }, body: body.reason?.trim() ? { reason: body.reason.trim() } : {} })),
    onSuccess: () => afterChange(t('accept')),
  });
  const reject = useMutation({
    mutationFn: (body: { reason: string }) => unwrap(api.POST('/api/v1/applications/{id}/reject', { params: { path: { id } }, body })),
    onSuccess: () => afterChange(t('reject')),
  });

  const reviewer = hasRole(session, 'reviewer', 'cb_admin');
  const decider = hasRole(session, 'decision_maker', 'cb_admin');

  return (
    <QueryState query={query}>
      {(app) => {
        const can = (action: string) => reviewer && app.allowedActions.includes(action);
        const anyAction = ['take_into_review', 'request_info', 'accept', 'reject'].some(can);
        const refreshOnConflict = () => void queries.invalidateQueries({ queryKey: ['application', id] });
        return (
          <>
            <Breadcrumb items={[{ title: <Link to="/applications">{t('inbox')}</Link> }, { title: app.number }]} />
            <Typography.Title level={1} style={{ fontSize: 22, marginTop: 12 }}>
              {t('title', { number: app.number })} <StatusTag family="application" status={app.status} />
            </Typography.Title>

            {(reviewer || (decider && app.status === 'awaiting_decision')) && (
              <Card title={t('actions')} size="small" style={{ marginBottom: 16 }}>
                {done && !take.error && (
                  <Alert
                    type="success"
                    showIcon
                    role="status"
                    title={t('done', { action: done })}
                    style={{ marginBottom: 12 }}
                    closable={{ onClose: () => setDone(null) }}
                  />
                )}
                {take.error && <Alert type="error" showIcon role="alert" title={sentence(take.error)} style={{ marginBottom: 12 }} />}
                {!reviewer ? null : anyAction ? (
                  <Space wrap>
                    {can('take_into_review') && (
                      <Button type="primary" loading={take.isPending} onClick={() => take.mutate()}>
                        {t('takeIntoReview')}
                      </Button>
                    )}
                    {can('request_info') && <Button onClick={() => setDialog('request_info')}>{t('requestInfo')}</Button>}
                    {can('accept') && (
                      <Button type="primary" onClick={() => setDialog('accept')}>
                        {t('accept')}
                      </Button>
                    )}
                    {can('reject') && (
                      <Button danger onClick={() => setDialog('reject')}>
                        {t('reject')}
                      </Button>
                    )}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('noActions')}</Typography.Text>
                )}
                {decider && app.status === 'awaiting_decision' && (
                  <div style={{ marginTop: 12 }}>
                    <Link to={`/applications/${app.id}/decision`}>{t('toDecision')}</Link>
                  </div>
                )}
              </Card>
            )}

            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('enterprise')}>
                {language === 'en' && app.enterprise.nameEn ? app.enterprise.nameEn : app.enterprise.nameZh}
              </Descriptions.Item>
              <Descriptions.Item label={kindTitle}>
                <ApplicationKind kind={app.kind} certificateId={app.certificateId} />
              </Descriptions.Item>
              <Descriptions.Item label={t('catalogue')}>
                {app.catalogueEntry.nameZh} ({app.catalogueEntry.categoryCode})
              </Descriptions.Item>
              <Descriptions.Item label={t('standard')}>
                {app.standard.code}-{app.standard.version} {language === 'en' && app.standard.titleEn ? app.standard.titleEn : app.standard.titleZh}
              </Descriptions.Item>
              <Descriptions.Item label={t('submittedAt')}>{formatDateTime(app.submittedAt)}</Descriptions.Item>
            </Descriptions>

            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t('scope')}
            </Typography.Title>
            <ScopeView scope={app.scope} />

            <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
              {t('audits')}
            </Typography.Title>
            <CaseAudits applicationId={app.id} />

            <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
              {t('timeline')}
            </Typography.Title>
            <CaseTimeline timeline={app.timeline} />

            <ActionModal<{ message: string }>
              open={dialog === 'request_info'}
              title={t('requestInfo')}
              okText={t('requestInfo')}
              explanation={t('requestInfoExplain')}
              onSubmit={(v) => requestInfo.mutateAsync(v).catch((e: unknown) => Promise.reject(refreshOnConflictThen(e, refreshOnConflict)))}
              onClose={() => setDialog(null)}
            >
              <Form.Item name="message" label={t('message')} rules={[{ required: true, whitespace: true, message: t('messageRequired') }]}>
                <Input.TextArea rows={4} maxLength={4000} showCount />
              </Form.Item>
            </ActionModal>
            <ActionModal<{ reason?: string }>
              open={dialog === 'accept'}
              title={t('accept')}
              okText={t('accept')}
              explanation={t('acceptExplain')}
              onSubmit={(v) => accept.mutateAsync(v).catch((e: unknown) => Promise.reject(refreshOnConflictThen(e, refreshOnConflict)))}
              onClose={() => setDialog(null)}
            >
              <Form.Item name="reason" label={t('acceptReason')}>
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
            </ActionModal>
            <ActionModal<{ reason: string }>
              open={dialog === 'reject'}
              title={t('reject')}
              okText={t('reject')}
              danger
              explanation={t('rejectExplain')}
              onSubmit={(v) => reject.mutateAsync(v).catch((e: unknown) => Promise.reject(refreshOnConflictThen(e, refreshOnConflict)))}
              onClose={() => setDialog(null)}
            >
              <Form.Item name="reason" label={t('rejectReason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
                <Input.TextArea rows={4} maxLength={4000} showCount />
              </Form.Item>
            </ActionModal>
          </>
        );
      }}
    </QueryState>
  );
}

/** After a refusal the page reloads the application, so what someone else did first is visible behind the dialog. */
function refreshOnConflictThen(error: unknown, refresh: () => void): unknown {
  refresh();
  return error;
}
