import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Form, Input, Modal, Row, Skeleton, Space, Table, Timeline, Typography, type UploadFile } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { APPLICATION_KIND_LABELS, labelOf, statusLabel } from '../../../i18n/labels';
import { formatDate, formatDateTime } from '../../../shared/dates';
import { EvidenceList } from '../../../shared/evidence/EvidenceList';
import { EvidenceUpload, evidenceFileIds, type EvidenceFile } from '../../../shared/evidence/EvidenceUpload';
import { EmptyState, ErrorState, QueryState } from '../../../shared/states';
import { StatusTag } from '../../../shared/StatusTag';
import { Wrapped } from '../../../shared/Wrapped';
import { NonconformityCard } from './NonconformityCard';
import { RecognisedReportsOfAudit } from './RecognisedReportsOfAudit';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { SubmissionChecks, submissionChecksOf } from './SubmissionChecks';

type Application = Schemas['ApplicationView'];
type AuditSummary = Schemas['AuditSummary'];

const messages = defineMessages({
  zh: {
    title: '申请 {number}',
    back: '返回申请列表',
    summary: '申请概况',
    enterprise: '申请企业',
    kind: '申请类型',
    concerns: '所涉证书',
    openCertificate: '查看该证书',
    entry: '产品或服务类别',
    standard: '标准',
    body: '认证机构',
    createdAt: '创建时间',
    submittedAt: '提交时间',
    scope: '认证范围',
    brand: '品牌',
    models: '型号',
    factory: '生产厂',
    sites: '服务场所',
    timeline: '办理进程',
    audits: '审核',
    noAudits: '还没有安排审核',
    auditKind: '审核类型',
    plannedOn: '计划日期',
    auditStatus: '状态',
    outcome: '结论',
    auditors: '审核员',
    noNonconformities: '该审核没有不符合项',
    edit: '修改',
    submit: '提交申请',
    submitted: '申请已提交',
    withdraw: '撤回申请',
    withdrawTitle: '撤回申请 {number}',
    withdrawReason: '撤回原因（可选）',
    withdrawOk: '撤回',
    cancel: '取消',
    answerTitle: '答复资料补充要求',
    answerMessage: '答复内容',
    answerRequired: '请填写答复',
    evidence: '证明文件',
    sendAnswer: '提交答复',
    editScope: '如需修改范围或自我声明，请先点“修改”保存后再答复。',
    certificate: '证书',
    viewCertificate: '查看证书 {number}',
    actor: '{actor}（{org}）',
    initial: '初次审核',
    surveillance: '监督审核',
    special: '特殊审核',
    renewal: '再认证审核',
    a_create: '创建申请',
    a_edit: '修改申请',
    a_submit: '提交申请',
    a_answer_info_request: '答复补充要求',
    a_withdraw: '撤回申请',
    a_take_into_review: '开始审查',
    a_request_info: '要求补充资料',
    a_accept: '受理',
    a_reject: '不予受理',
    a_start_evaluation: '开始评价',
    a_complete_evaluation: '完成评价',
    a_grant: '批准认证',
    a_refuse: '不批准认证',
  },
  en: {
    title: 'Application {number}',
    back: 'Back to the applications',
    summary: 'Summary',
    enterprise: 'Enterprise',
    kind: 'Kind',
    concerns: 'Certificate concerned',
    openCertificate: 'Open the certificate',
    entry: 'Catalogue entry',
    standard: 'Standard',
    body: 'Certification body',
    createdAt: 'Created',
    submittedAt: 'Submitted',
    scope: 'Scope',
    brand: 'Brand',
    models: 'Models',
    factory: 'Factory',
    sites: 'Service sites',
    timeline: 'Timeline',
    audits: 'Audits',
    noAudits: 'No audit planned yet',
    auditKind: 'Kind',
    plannedOn: 'Planned on',
    auditStatus: 'Status',
    outcome: 'Outcome',
    auditors: 'Auditors',
    noNonconformities: 'This audit found no nonconformity',
    edit: 'Edit',
    submit: 'Submit the application',
    submitted: 'The application was submitted',
    withdraw: 'Withdraw the application',
    withdrawTitle: 'Withdraw application {number}',
    withdrawReason: 'Reason (optional)',
    withdrawOk: 'Withdraw',
    cancel: 'Cancel',
    answerTitle: 'Answer the information request',
    answerMessage: 'Answer',
    answerRequired: 'Write an answer',
    evidence: 'Evidence files',
    sendAnswer: 'Send the answer',
    editScope: 'To change the scope or the self-declaration, use "Edit" and save before answering.',
    certificate: 'Certificate',
    viewCertificate: 'View certificate {number}',
    actor: '{actor} ({org})',
    initial: 'Initial audit',
    surveillance: 'Surveillance audit',
    special: 'Special audit',
    renewal: 'Renewal audit',
    a_create: 'Created',
    a_edit: 'Edited',
    a_submit: 'Submitted',
    a_answer_info_request: 'Information request answered',
    a_withdraw: 'Withdrawn',
    a_take_into_review: 'Taken into review',
    a_request_info: 'Information requested',
    a_accept: 'Accepted',
    a_reject: 'Rejected',
    a_start_evaluation: 'Evaluation started',
    a_complete_evaluation: 'Evaluation completed',
    a_grant: 'Granted',
    a_refuse: 'Refused',
  },
});

type Key = keyof (typeof messages)['zh'];

function Actions({ application }: { application: Application }) {
  const t = useT(messages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const { refusal, onError, clear } = useRefusal();
  const [checks, setChecks] = useState<ReturnType<typeof submissionChecksOf>>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['application', application.id] });
    void queryClient.invalidateQueries({ queryKey: ['applications'] });
    void queryClient.invalidateQueries({ queryKey: ['worklist'] });
  };
  const path = { params: { path: { id: application.id } } };
  const submit = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/applications/{id}/submit', path)),
    onSuccess: refresh,
    onError: (error: unknown) => {
      const found = submissionChecksOf(error);
      setChecks(found);
      if (!found) onError(error);
    },
  });
  const withdraw = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/applications/{id}/withdraw', { ...path, body: reason.trim() ? { reason: reason.trim() } : {} })),
    onSuccess: () => {
      setWithdrawing(false);
      refresh();
    },
    onError: (error: unknown) => {
      setWithdrawing(false);
      onError(error);
    },
  });
  const allowed = new Set(application.allowedActions);
  const reset = () => {
    clear();
    setChecks(null);
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        {allowed.has('edit') && <Button onClick={() => void navigate(`/applications/${application.id}/edit`)}>{t('edit')}</Button>}
        {allowed.has('submit') && (
          <Button
            type="primary"
            loading={submit.isPending}
            onClick={() => {
              reset();
              submit.mutate();
            }}
          >
            {t('submit')}
          </Button>
        )}
        {allowed.has('withdraw') && (
          <Button
            danger
            onClick={() => {
              reset();
              setWithdrawing(true);
            }}
          >
            {t('withdraw')}
          </Button>
        )}
      </Space>
      {checks && <SubmissionChecks checks={checks} />}
      <RefusalAlert refusal={refusal} />
      <Modal
        open={withdrawing}
        title={t('withdrawTitle', { number: application.number })}
        okText={t('withdrawOk')}
        okButtonProps={{ danger: true, loading: withdraw.isPending }}
        cancelText={t('cancel')}
        onOk={() => withdraw.mutate()}
        onCancel={() => setWithdrawing(false)}
      >
        <Form layout="vertical">
          <Form.Item label={t('withdrawReason')} htmlFor="withdraw-reason">
            <Input.TextArea id="withdraw-reason" rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

interface InfoAnswerValues {
  message: string;
  evidenceFileIds: UploadFile<EvidenceFile>[];
}

function InfoAnswer({ application }: { application: Application }) {
  const t = useT(messages);
  const queryClient = useQueryClient();
  const [form] = Form.useForm<InfoAnswerValues>();
  const { refusal, onError, clear } = useRefusal(form);
  const answer = useMutation({
    mutationFn: (values: InfoAnswerValues) =>
      unwrap(
        api.POST('/api/v1/applications/{id}/answer', {
          params: { path: { id: application.id } },
          body: { message: values.message, evidenceFileIds: evidenceFileIds(values.evidenceFileIds) },
        }),
      ),
    onSuccess: () => {
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['application', application.id] });
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
      void queryClient.invalidateQueries({ queryKey: ['worklist'] });
    },
    onError,
  });
  // The request being answered: the latest "request_info" entry of the timeline.
  const request = [...application.timeline].reverse().find((e) => e.action === 'request_info');
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('answerTitle')}
        </Typography.Title>
      }
      style={{ marginBottom: 16, borderColor: '#faad14' }}
    >
      {request?.reason && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
          <Typography.Text strong>{request.actorOrganization ?? request.actor}：</Typography.Text>
          {request.reason}
        </Typography.Paragraph>
      )}
      {application.allowedActions.includes('edit') && <Typography.Paragraph type="secondary">{t('editScope')}</Typography.Paragraph>}
      <RefusalAlert refusal={refusal} />
      <Form<InfoAnswerValues>
        form={form}
        layout="vertical"
        initialValues={{ message: '', evidenceFileIds: [] }}
        onFinish={(values) => {
          clear();
          answer.mutate(values);
        }}
      >
        <Form.Item name="message" label={t('answerMessage')} rules={[{ required: true, whitespace: true, message: t('answerRequired') }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="evidenceFileIds" label={t('evidence')}>
          <EvidenceUpload />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={answer.isPending}>
          {t('sendAnswer')}
        </Button>
      </Form>
    </Card>
  );
}

function ScopeView({ scope }: { scope: Application['scope'] }) {
  const t = useT(messages);
  if (scope.kind === 'service' && scope.service) {
    return (
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'name', label: t('scope'), children: `${scope.service.nameZh}${scope.service.nameEn ? ` / ${scope.service.nameEn}` : ''}` },
          { key: 'sites', label: t('sites'), children: scope.service.sites.map((s) => `${s.name}：${s.address}`).join('；') },
        ]}
      />
    );
  }
  return (
    <Table
      size="small"
      rowKey={(p) => `${p.nameZh}-${p.brand}-${p.models.join()}`}
      pagination={false}
      dataSource={scope.products ?? []}
      columns={[
        { title: t('scope'), key: 'name', render: (_, p) => <Wrapped>{`${p.nameZh}${p.nameEn ? ` / ${p.nameEn}` : ''}`}</Wrapped> },
        { title: t('brand'), dataIndex: 'brand', key: 'brand' },
        { title: t('models'), key: 'models', render: (_, p) => <Wrapped>{p.models.join(', ')}</Wrapped> },
        { title: t('factory'), key: 'factory', render: (_, p) => <Wrapped>{p.factoryAddress}</Wrapped> },
      ]}
    />
  );
}

function AuditBlock({ summary }: { summary: AuditSummary }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const audit = useQuery({
    queryKey: ['audit', summary.id],
    queryFn: () => unwrap(api.GET('/api/v1/audits/{id}', { params: { path: { id: summary.id } } })),
  });
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
          {t(summary.kind)} · {formatDate(summary.plannedOn)} <StatusTag family="audit" status={summary.status} />
          {summary.outcome && <StatusTag family="auditOutcome" status={summary.outcome} />}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('auditors')}: {summary.auditors.map((a) => a.displayName).join(', ') || '—'}
        {summary.outcome && ` · ${t('outcome')}: ${statusLabel('auditOutcome', summary.outcome, language)}`}
      </Typography.Paragraph>
      <QueryState query={audit} isEmpty={(a) => a.nonconformities.length === 0} empty={t('noNonconformities')}>
        {(a) => a.nonconformities.map((nc) => <NonconformityCard key={nc.id} nonconformity={nc} />)}
      </QueryState>
      {audit.data && <RecognisedReportsOfAudit audit={audit.data} />}
    </Card>
  );
}

function CertificateLink({ applicationId }: { applicationId: string }) {
  const t = useT(messages);
  const certificates = useQuery({
    queryKey: ['certificates', { applicationId }],
    queryFn: () => unwrap(api.GET('/api/v1/certificates', { params: { query: { applicationId, pageSize: 10 } } })),
  });
  if (!certificates.data?.items.length) return null;
  return (
    <Space wrap>
      {certificates.data.items.map((c) => (
        <Link key={c.id} to={`/certificates/${c.id}`}>
          {t('viewCertificate', { number: c.number })}
        </Link>
      ))}
    </Space>
  );
}

export default function ApplicationDetailPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: ['application', id],
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id } } })),
  });
  const audits = useQuery({
    queryKey: ['audits', { applicationId: id }],
    queryFn: () => unwrap(api.GET('/api/v1/audits', { params: { query: { applicationId: id, pageSize: 50 } } })),
    enabled: Boolean(query.data && query.data.status !== 'draft'),
  });
  if (query.isPending) return <Skeleton active />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const app = query.data;
  const name = (o: { nameZh: string; nameEn: string | null }) => (language === 'en' && o.nameEn ? o.nameEn : o.nameZh);
  const actionLabel = (action: string) => (`a_${action}` in messages.zh ? t(`a_${action}` as Key) : action);
  return (
    <>
      <Link to="/applications">{t('back')}</Link>
      <Space wrap align="center" style={{ width: '100%', marginTop: 8 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('title', { number: app.number })}
        </Typography.Title>
        <StatusTag family="application" status={app.status} />
      </Space>
      <div style={{ marginTop: 16 }}>
        <Actions application={app} />
      </div>
      {app.allowedActions.includes('answer_info_request') && <InfoAnswer application={app} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                {t('summary')}
              </Typography.Title>
            }
            style={{ marginBottom: 16 }}
          >
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'enterprise', label: t('enterprise'), children: name(app.enterprise) },
                { key: 'kind', label: t('kind'), children: labelOf(APPLICATION_KIND_LABELS, app.kind, language) },
                ...(app.certificateId
                  ? [{ key: 'concerns', label: t('concerns'), children: <Link to={`/certificates/${app.certificateId}`}>{t('openCertificate')}</Link> }]
                  : []),
                { key: 'entry', label: t('entry'), children: `${app.catalogueEntry.nameZh} (${app.catalogueEntry.categoryCode})` },
                {
                  key: 'standard',
                  label: t('standard'),
                  children: `${app.standard.code}-${app.standard.version} ${language === 'en' && app.standard.titleEn ? app.standard.titleEn : app.standard.titleZh}`,
                },
                { key: 'body', label: t('body'), children: name(app.certificationBody) },
                { key: 'createdAt', label: t('createdAt'), children: formatDateTime(app.createdAt) },
                { key: 'submittedAt', label: t('submittedAt'), children: formatDateTime(app.submittedAt) },
                ...(app.status === 'granted' ? [{ key: 'certificate', label: t('certificate'), children: <CertificateLink applicationId={app.id} /> }] : []),
              ]}
            />
          </Card>
          <Card
            title={
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                {t('scope')}
              </Typography.Title>
            }
            style={{ marginBottom: 16 }}
          >
            <ScopeView scope={app.scope} />
          </Card>
          <Card
            title={
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                {t('audits')}
              </Typography.Title>
            }
          >
            {app.status === 'draft' ? (
              <EmptyState description={t('noAudits')} />
            ) : (
              <QueryState query={audits} isEmpty={(a) => a.items.length === 0} empty={t('noAudits')}>
                {(a) => a.items.map((summary) => <AuditBlock key={summary.id} summary={summary} />)}
              </QueryState>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                {t('timeline')}
              </Typography.Title>
            }
          >
            <Timeline
              items={[...app.timeline].reverse().map((e, index) => ({
                key: `${e.at}-${index}`,
                content: (
                  <>
                    <Typography.Text strong>{actionLabel(e.action)}</Typography.Text> <StatusTag family="application" status={e.to} />
                    <br />
                    <Typography.Text type="secondary">
                      {formatDateTime(e.at)} · {e.actorOrganization ? t('actor', { actor: e.actor, org: e.actorOrganization }) : e.actor}
                    </Typography.Text>
                    {e.reason && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{e.reason}</Typography.Paragraph>}
                    <EvidenceList files={e.evidenceFiles} />
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
