import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Form, Input, List, Radio, Space, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap, type Schemas } from '../../../api/client';
import { useErrorSentence } from '../../../api/error-sentences';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { AUDIT_KIND_LABELS, labelOf } from '../../../i18n/labels';
import { hasRole, useSignedIn } from '../../../session/session';
import { formatDate } from '../../../shared/dates';
import { applyFieldErrors } from '../../../shared/form-errors';
import { ErrorState, QueryState } from '../../../shared/states';
import { StatusTag } from '../../../shared/StatusTag';
import { useCaseAudits } from '../applications/CaseParts';

type Audit = Schemas['AuditView'];
type Nonconformity = Schemas['NonconformityView'] & { auditKind: string };

const messages = defineMessages({
  zh: {
    decisions: '认证决定',
    title: '认证决定：{number}',
    enterprise: '企业',
    catalogue: '认证目录',
    standard: '标准',
    status: '状态',
    application: '申请',
    evaluation: '评价结果',
    audit: '审核',
    outcome: '结论',
    reasons: '结论理由',
    findings: '检查结果',
    findingsSummary: '共 {total} 项，已记录 {recorded} 项，不合格 {failed} 项',
    auditors: '审核员',
    noAudits: '本案没有审核记录。',
    nonconformities: '不符合项',
    grade: '等级',
    description: '描述',
    dueOn: '整改期限',
    clause: '条款',
    major: '严重',
    minor: '一般',
    noNonconformities: '本案没有不符合项。',
    rule: '独立性规则',
    ruleText: '认证决定必须由未参与本案审核的人员作出：担任过本案任一审核的审核员的人员不能决定本案。',
    youWereAuditor: '您是本案的审核员，不能作出决定。',
    youWereNot: '您未参与本案的审核，可以作出决定。',
    notDecisionMaker: '作出认证决定需要“认证决定人员”角色。',
    notAwaiting: '申请当前不处于“待认证决定”状态，不能作出决定。',
    decide: '作出决定',
    decision: '决定',
    grant: '批准发证',
    refuse: '不予发证',
    outcomeRequired: '请选择决定',
    rationale: '决定理由',
    rationaleRequired: '请写明决定理由',
    submit: '提交决定',
    confirmTitle: '确认提交认证决定？',
    confirmGrant: '批准后将为企业签发证书，此决定不能撤回。',
    confirmRefuse: '不予发证是终结状态，理由会显示给企业。',
    confirm: '确认提交',
    cancel: '取消',
    decided: '决定已记录。',
    viewApplication: '查看申请',
  },
  en: {
    decisions: 'Decisions',
    title: 'Decision: {number}',
    enterprise: 'Enterprise',
    catalogue: 'Catalogue entry',
    standard: 'Standard',
    status: 'Status',
    application: 'Application',
    evaluation: 'Evaluation',
    audit: 'Audit',
    outcome: 'Outcome',
    reasons: 'Reasons for the outcome',
    findings: 'Findings',
    findingsSummary: '{total} requirements, {recorded} recorded, {failed} failed',
    auditors: 'Auditors',
    noAudits: 'This case has no audit.',
    nonconformities: 'Nonconformities',
    grade: 'Grade',
    description: 'Description',
    dueOn: 'Due on',
    clause: 'Clause',
    major: 'Major',
    minor: 'Minor',
    noNonconformities: 'This case has no nonconformity.',
    rule: 'Independence rule',
    ruleText:
      'The certification decision is taken by someone who did not audit the case: a person who was an auditor on any audit of this case may not decide it.',
    youWereAuditor: 'You were an auditor on this case, so you may not decide it.',
    youWereNot: 'You did not audit this case: you may decide it.',
    notDecisionMaker: 'Deciding needs the decision maker role.',
    notAwaiting: 'The application is not awaiting a decision, so it cannot be decided now.',
    decide: 'Decide',
    decision: 'Decision',
    grant: 'Grant certification',
    refuse: 'Refuse certification',
    outcomeRequired: 'Choose the decision',
    rationale: 'Rationale',
    rationaleRequired: 'Give the rationale',
    submit: 'Submit the decision',
    confirmTitle: 'Submit this certification decision?',
    confirmGrant: 'Granting issues the certificate to the enterprise; the decision cannot be taken back.',
    confirmRefuse: 'Refusing is final; the enterprise reads the rationale.',
    confirm: 'Confirm',
    cancel: 'Cancel',
    decided: 'The decision is recorded.',
    viewApplication: 'View the application',
  },
});

interface DecisionForm {
  outcome: 'granted' | 'refused';
  rationale: string;
}

export default function DecisionPage() {
  const { id = '' } = useParams();
  const t = useT(messages);
  const { language } = useLanguage();
  const session = useSignedIn();
  const sentence = useErrorSentence();
  const queries = useQueryClient();
  const { modal } = App.useApp();
  const [form] = Form.useForm<DecisionForm>();

  const application = useQuery({ queryKey: ['application', id], queryFn: () => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id } } })) });
  const audits = useCaseAudits(id);
  // The evaluation needs each audit's findings and nonconformities: a case has a handful of audits.
  const details = useQueries({
    queries: (audits.data?.items ?? []).map((a) => ({
      queryKey: ['audit', a.id],
      queryFn: () => unwrap(api.GET('/api/v1/audits/{id}', { params: { path: { id: a.id } } })),
    })),
  });

  const decide = useMutation({
    mutationFn: (body: DecisionForm) => unwrap(api.POST('/api/v1/applications/{id}/decision', { params: { path: { id } }, body })),
    onSuccess: async () => {
      await Promise.all([
        queries.invalidateQueries({ queryKey: ['application', id] }),
        queries.invalidateQueries({ queryKey: ['applications'] }),
        queries.invalidateQueries({ queryKey: ['certificates'] }),
        queries.invalidateQueries({ queryKey: ['worklist'] }),
      ]);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 400) applyFieldErrors(form, e, language);
      else void queries.invalidateQueries({ queryKey: ['application', id] });
    },
  });

  const wasAuditor = (audits.data?.items ?? []).some((a) => a.auditors.some((auditor) => auditor.id === session.user.id));
  const isDecisionMaker = hasRole(session, 'decision_maker');

  const confirmAndSubmit = (values: DecisionForm) => {
    modal.confirm({
      title: t('confirmTitle'),
      content: values.outcome === 'granted' ? t('confirmGrant') : t('confirmRefuse'),
      okText: t('confirm'),
      cancelText: t('cancel'),
      okButtonProps: { danger: values.outcome === 'refused' },
      onOk: () => decide.mutateAsync({ outcome: values.outcome, rationale: values.rationale.trim() }).catch(() => undefined),
    });
  };

  return (
    <QueryState query={application}>
      {(app) => {
        const awaiting = app.status === 'awaiting_decision';
        const blocked = !isDecisionMaker ? t('notDecisionMaker') : wasAuditor ? t('youWereAuditor') : !awaiting ? t('notAwaiting') : null;
        return (
          <>
            <Breadcrumb items={[{ title: <Link to="/decisions">{t('decisions')}</Link> }, { title: app.number }]} />
            <Typography.Title level={1} style={{ fontSize: 22, marginTop: 12 }}>
              {t('title', { number: app.number })} <StatusTag family="application" status={app.status} />
            </Typography.Title>
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('enterprise')}>
                {language === 'en' && app.enterprise.nameEn ? app.enterprise.nameEn : app.enterprise.nameZh}
              </Descriptions.Item>
              <Descriptions.Item label={t('catalogue')}>{app.catalogueEntry.nameZh}</Descriptions.Item>
              <Descriptions.Item label={t('standard')}>
                {app.standard.code}-{app.standard.version}
              </Descriptions.Item>
              <Descriptions.Item label={t('application')}>
                <Link to={`/applications/${app.id}`}>{t('viewApplication')}</Link>
              </Descriptions.Item>
            </Descriptions>

            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t('evaluation')}
            </Typography.Title>
            {audits.error ? (
              <ErrorState error={audits.error} onRetry={() => void audits.refetch()} />
            ) : (
              <Evaluation audits={details.map((d) => d.data).filter((d): d is Audit => !!d)} loading={audits.isPending || details.some((d) => d.isPending)} />
            )}
            {details.find((d) => d.error) && <ErrorState error={details.find((d) => d.error)?.error} />}

            <Card title={t('decide')} size="small" style={{ marginTop: 24 }}>
              <Alert
                type={wasAuditor ? 'warning' : 'info'}
                role="note"
                showIcon
                title={t('rule')}
                description={
                  <>
                    <Typography.Paragraph style={{ marginBottom: 4 }}>{t('ruleText')}</Typography.Paragraph>
                    {!audits.isPending && <Typography.Text strong>{wasAuditor ? t('youWereAuditor') : t('youWereNot')}</Typography.Text>}
                  </>
                }
                style={{ marginBottom: 16 }}
              />
              {decide.isSuccess && <Alert type="success" showIcon role="status" title={t('decided')} style={{ marginBottom: 16 }} />}
              {decide.error && <Alert type="error" showIcon role="alert" title={sentence(decide.error)} style={{ marginBottom: 16 }} />}
              <Form form={form} layout="vertical" onFinish={confirmAndSubmit} disabled={!!blocked || decide.isPending} style={{ maxWidth: 640 }}>
                <Form.Item name="outcome" label={t('decision')} rules={[{ required: true, message: t('outcomeRequired') }]}>
                  <Radio.Group
                    options={[
                      { value: 'granted', label: t('grant') },
                      { value: 'refused', label: t('refuse') },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="rationale" label={t('rationale')} rules={[{ required: true, whitespace: true, message: t('rationaleRequired') }]}>
                  <Input.TextArea rows={4} maxLength={4000} showCount />
                </Form.Item>
                <Space orientation="vertical">
                  <Button type="primary" htmlType="submit" loading={decide.isPending}>
                    {t('submit')}
                  </Button>
                  {blocked && <Typography.Text type="danger">{blocked}</Typography.Text>}
                </Space>
              </Form>
            </Card>
          </>
        );
      }}
    </QueryState>
  );
}

function Evaluation({ audits, loading }: { audits: Audit[]; loading: boolean }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const auditColumns: TableColumnsType<Audit> = [
    {
      title: t('audit'),
      key: 'audit',
      render: (_, a) => <Link to={`/audits/${a.id}`}>{`${labelOf(AUDIT_KIND_LABELS, a.kind, language)} ${formatDate(a.plannedOn)}`}</Link>,
    },
    { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="audit" status={s} /> },
    { title: t('outcome'), dataIndex: 'outcome', render: (o: string | null) => (o ? <StatusTag family="auditOutcome" status={o} /> : '—') },
    {
      title: t('findings'),
      key: 'findings',
      render: (_, a) => {
        const recorded = a.checklist.filter((c) => c.finding);
        const failed = recorded.filter((c) => (c.finding as { passed?: boolean } | null)?.passed === false);
        return t('findingsSummary', { total: a.checklist.length, recorded: recorded.length, failed: failed.length });
      },
    },
    {
      title: t('reasons'),
      key: 'reasons',
      render: (_, a) => (a.outcomeReasons?.length ? <List size="small" dataSource={a.outcomeReasons} renderItem={(r) => <List.Item>{r}</List.Item>} /> : '—'),
    },
    { title: t('auditors'), key: 'auditors', render: (_, a) => a.auditors.map((x) => x.displayName).join(', ') },
  ];
  const nonconformities: Nonconformity[] = audits.flatMap((a) => a.nonconformities.map((n) => ({ ...n, auditKind: a.kind })));
  const ncColumns: TableColumnsType<Nonconformity> = [
    { title: t('grade'), dataIndex: 'grade', render: (g: string) => (g === 'major' ? t('major') : t('minor')) },
    { title: t('clause'), dataIndex: 'clause', render: (c: string | null) => c ?? '—' },
    { title: t('description'), dataIndex: 'description', render: (d: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{d}</span> },
    { title: t('dueOn'), dataIndex: 'dueOn', render: (d: string) => formatDate(d) },
    { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="nonconformity" status={s} /> },
  ];
  return (
    <>
      <Table<Audit>
        size="small"
        rowKey="id"
        loading={loading}
        columns={auditColumns}
        dataSource={audits}
        pagination={false}
        locale={{ emptyText: t('noAudits') }}
      />
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {t('nonconformities')}
      </Typography.Title>
      <Table<Nonconformity>
        size="small"
        rowKey="id"
        loading={loading}
        columns={ncColumns}
        dataSource={nonconformities}
        pagination={false}
        locale={{ emptyText: t('noNonconformities') }}
      />
    </>
  );
}
