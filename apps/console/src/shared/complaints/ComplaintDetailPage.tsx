import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Descriptions, Form, Input, Radio, Select, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { labelOf, PUBLIC_REASON_LABELS } from '../../i18n/labels';
import { hasRole, useSignedIn } from '../../session/session';
import { formatDateTime } from '../dates';
import { QueryState } from '../states';
import { StatusTag } from '../StatusTag';
import { CaseActionForm } from './CaseActionForm';
import { CaseLayout } from './CaseLayout';

type Complaint = Schemas['ComplaintView'];
type Outcome = NonNullable<Complaint['outcome']>;
type PublicReason = Schemas['ComplaintSuspensionDto']['publicReason'];

const OUTCOMES: Outcome[] = ['upheld', 'partly_upheld', 'not_upheld'];
const SUSPENSION_REASONS: PublicReason[] = ['nonconforming_product', 'misuse_of_mark', 'other'];

const messages = defineMessages({
  zh: {
    complaints: '投诉',
    title: '投诉 {reference}',
    about: '投诉对象',
    product: '产品',
    holder: '持证人',
    certification_body: '认证机构',
    certificate: '证书',
    enterprise: '持证人',
    aboutBody: '被投诉的认证机构',
    complainant: '投诉人',
    anonymous: '未署名',
    description: '投诉内容',
    misuseReport: '来源举报',
    viewReport: '查看举报',
    createdAt: '收到时间',
    investigator: '调查人',
    outcome: '处理结果',
    findings: '调查发现',
    actionsTaken: '采取的措施',
    upheld: '投诉成立',
    partly_upheld: '部分成立',
    not_upheld: '投诉不成立',
    assign: '指定调查人',
    rule: '公正性规则',
    ruleText:
      '投诉由未参与被投诉事项的人员调查：参与过该证书的审核、申请审查、认证决定或证书变更的人员不能担任调查人。提交后系统会核对，不符合时拒绝并说明原因。',
    person: '调查人',
    personRequired: '请选择调查人',
    reason: '说明（可选）',
    assignSubmit: '指定',
    assigned: '已指定调查人。',
    specialAudit: '要求专项审核',
    specialAuditText: '后台会为被投诉的证书安排一次专项审核。',
    unannounced: '不预先通知持证人（飞行检查）',
    specialAuditSubmit: '要求专项审核',
    specialAuditDone: '已要求专项审核，审核将由后台安排。',
    suspend: '暂停证书',
    suspendText: '暂停后证书的公开记录会显示所选的原因。',
    publicReason: '公开原因',
    publicReasonRequired: '请选择公开原因',
    privateNote: '内部备注（不公开，可选）',
    suspendSubmit: '暂停证书',
    suspended: '证书已暂停。',
    resolve: '记录处理结果',
    outcomeRequired: '请选择处理结果',
    findingsRequired: '请写明调查发现',
    actions: '采取的措施（可选）',
    resolveSubmit: '记录结果',
    resolved: '处理结果已记录。',
    close: '结案',
    closeText: '结案后投诉人会收到处理结果通知。',
    message: '给投诉人的说明（可选）',
    closeSubmit: '结案并通知投诉人',
    closed: '已结案，投诉人会收到通知。',
    notHandler: '本投诉不由您的机构处理，只能查看。',
  },
  en: {
    complaints: 'Complaints',
    title: 'Complaint {reference}',
    about: 'About',
    product: 'Product',
    holder: 'Holder',
    certification_body: 'Certification body',
    certificate: 'Certificate',
    enterprise: 'Holder',
    aboutBody: 'Body complained about',
    complainant: 'Complainant',
    anonymous: 'Not named',
    description: 'Complaint',
    misuseReport: 'From misuse report',
    viewReport: 'View the report',
    createdAt: 'Received',
    investigator: 'Investigator',
    outcome: 'Outcome',
    findings: 'Findings',
    actionsTaken: 'Actions taken',
    upheld: 'Upheld',
    partly_upheld: 'Partly upheld',
    not_upheld: 'Not upheld',
    assign: 'Assign the investigator',
    rule: 'Impartiality rule',
    ruleText:
      'A complaint is investigated by someone not involved in the matter: a person who audited, reviewed, decided or changed the certificate complained about may not investigate it. The platform checks on submission and refuses, saying why.',
    person: 'Investigator',
    personRequired: 'Choose the investigator',
    reason: 'Note (optional)',
    assignSubmit: 'Assign',
    assigned: 'The investigator is assigned.',
    specialAudit: 'Request a special audit',
    specialAuditText: 'A special audit of the certificate complained about is planned in the background.',
    unannounced: 'Unannounced (the holder is not told the date)',
    specialAuditSubmit: 'Request the special audit',
    specialAuditDone: 'The special audit is requested; it is planned in the background.',
    suspend: 'Suspend the certificate',
    suspendText: 'The certificate’s public history shows the reason chosen.',
    publicReason: 'Public reason',
    publicReasonRequired: 'Choose the public reason',
    privateNote: 'Private note (never public, optional)',
    suspendSubmit: 'Suspend the certificate',
    suspended: 'The certificate is suspended.',
    resolve: 'Record the outcome',
    outcomeRequired: 'Choose the outcome',
    findingsRequired: 'Write the findings',
    actions: 'Actions taken (optional)',
    resolveSubmit: 'Record the outcome',
    resolved: 'The outcome is recorded.',
    close: 'Close',
    closeText: 'Closing tells the complainant the outcome.',
    message: 'Message to the complainant (optional)',
    closeSubmit: 'Close and tell the complainant',
    closed: 'Closed; the complainant is told.',
    notHandler: 'Your organization does not handle this complaint: you can only read it.',
  },
});

/** A complaint with its timeline and the handler's steps (body and regulator alike; the API decides who handles it). */
export function ComplaintDetailPage() {
  const { id = '' } = useParams();
  const t = useT(messages);
  const session = useSignedIn();
  const complaint = useQuery({ queryKey: ['complaint', id], queryFn: () => unwrap(api.GET('/api/v1/complaints/{id}', { params: { path: { id } } })) });
  const regulator = session.user.organizationKind === 'regulator';
  return (
    <QueryState query={complaint}>
      {(c) => {
        const handles = regulator ? c.certificationBodyId === null : c.certificationBodyId === session.user.organizationId;
        const admin = hasRole(session, 'cb_admin', 'regulator');
        return (
          <CaseLayout list={{ path: '/complaints', label: t('complaints') }} of={c} title={t('title', { reference: c.reference })} family="complaint">
            <ComplaintFacts complaint={c} linkCertificate={!regulator} />
            {!handles && <Alert type="info" showIcon title={t('notHandler')} style={{ marginBottom: 16 }} />}
            {handles && admin && <ComplaintSteps complaint={c} body={!regulator} />}
          </CaseLayout>
        );
      }}
    </QueryState>
  );
}

function ComplaintFacts({ complaint: c, linkCertificate }: { complaint: Complaint; linkCertificate: boolean }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const name = (o: Schemas['OrganizationRef']) => (language === 'en' && o.nameEn ? o.nameEn : o.nameZh);
  return (
    <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
      <Descriptions.Item label={t('about')}>{t(c.about)}</Descriptions.Item>
      {c.certificate && (
        <Descriptions.Item label={t('certificate')}>
          {linkCertificate ? <Link to={`/certificates/${c.certificate.id}`}>{c.certificate.number}</Link> : c.certificate.number}{' '}
          <StatusTag family="certificate" status={c.certificate.status} />
        </Descriptions.Item>
      )}
      {c.enterprise && <Descriptions.Item label={t('enterprise')}>{name(c.enterprise)}</Descriptions.Item>}
      {c.aboutBody && <Descriptions.Item label={t('aboutBody')}>{name(c.aboutBody)}</Descriptions.Item>}
      <Descriptions.Item label={t('complainant')}>{[c.complainant.name ?? t('anonymous'), c.complainant.email].filter(Boolean).join(' · ')}</Descriptions.Item>
      <Descriptions.Item label={t('createdAt')}>{formatDateTime(c.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={t('description')}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{c.description}</span>
      </Descriptions.Item>
      {c.misuseReportId && (
        <Descriptions.Item label={t('misuseReport')}>
          <Link to={`/misuse-reports/${c.misuseReportId}`}>{t('viewReport')}</Link>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('investigator')}>{c.investigator?.displayName ?? '—'}</Descriptions.Item>
      {c.outcome && <Descriptions.Item label={t('outcome')}>{t(c.outcome)}</Descriptions.Item>}
      {c.findings && (
        <Descriptions.Item label={t('findings')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{c.findings}</span>
        </Descriptions.Item>
      )}
      {c.actionsTaken && (
        <Descriptions.Item label={t('actionsTaken')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{c.actionsTaken}</span>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The steps the complaint's state allows, each a small form; the special audit and suspension are the body's alone. */
function ComplaintSteps({ complaint: c, body }: { complaint: Complaint; body: boolean }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const session = useSignedIn();
  const caseKey = ['complaint', c.id] as const;
  const path = { params: { path: { id: c.id } } };
  const investigating = c.status === 'under_investigation';
  const people = useQuery({
    queryKey: ['users', 'of-organization', session.user.organizationId],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { organizationId: session.user.organizationId, pageSize: 100 } } })),
    enabled: c.status === 'acknowledged' || investigating,
  });
  return (
    <>
      {(c.status === 'acknowledged' || investigating) && (
        <CaseActionForm<{ investigatorId: string; reason?: string }>
          name="assign"
          title={t('assign')}
          submit={t('assignSubmit')}
          done={t('assigned')}
          caseKey={caseKey}
          onSubmit={(body) =>
            unwrap(api.POST('/api/v1/complaints/{id}/investigator', { ...path, body: { ...body, reason: body.reason?.trim() || undefined } }))
          }
          before={<Alert type="info" role="note" showIcon title={t('rule')} description={t('ruleText')} style={{ marginBottom: 16 }} />}
        >
          <Form.Item name="investigatorId" label={t('person')} rules={[{ required: true, message: t('personRequired') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={people.isPending}
              options={(people.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} · ${u.email}` }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('reason')}>
            <Input maxLength={2000} />
          </Form.Item>
        </CaseActionForm>
      )}
      {investigating && body && c.certificate && (
        <CaseActionForm<{ unannounced?: boolean; reason?: string }>
          name="specialAudit"
          title={t('specialAudit')}
          submit={t('specialAuditSubmit')}
          done={t('specialAuditDone')}
          caseKey={caseKey}
          onSubmit={(v) =>
            unwrap(
              api.POST('/api/v1/complaints/{id}/special-audit', { ...path, body: { unannounced: !!v.unannounced, reason: v.reason?.trim() || undefined } }),
            )
          }
          before={<Typography.Paragraph type="secondary">{t('specialAuditText')}</Typography.Paragraph>}
        >
          <Form.Item name="unannounced" valuePropName="checked">
            <Checkbox>{t('unannounced')}</Checkbox>
          </Form.Item>
          <Form.Item name="reason" label={t('reason')}>
            <Input maxLength={2000} />
          </Form.Item>
        </CaseActionForm>
      )}
      {investigating && body && c.certificate?.status === 'valid' && (
        <CaseActionForm<{ publicReason: PublicReason; privateNote?: string }>
          name="suspend"
          title={t('suspend')}
          submit={t('suspendSubmit')}
          done={t('suspended')}
          caseKey={caseKey}
          danger
          onSubmit={(v) =>
            unwrap(api.POST('/api/v1/complaints/{id}/suspend-certificate', { ...path, body: { ...v, privateNote: v.privateNote?.trim() || undefined } }))
          }
          before={<Typography.Paragraph type="secondary">{t('suspendText')}</Typography.Paragraph>}
        >
          <Form.Item name="publicReason" label={t('publicReason')} rules={[{ required: true, message: t('publicReasonRequired') }]}>
            <Select options={SUSPENSION_REASONS.map((r) => ({ value: r, label: labelOf(PUBLIC_REASON_LABELS, r, language) }))} />
          </Form.Item>
          <Form.Item name="privateNote" label={t('privateNote')}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        </CaseActionForm>
      )}
      {investigating && (
        <CaseActionForm<{ outcome: Outcome; findings: string; actions?: string }>
          name="resolve"
          title={t('resolve')}
          submit={t('resolveSubmit')}
          done={t('resolved')}
          caseKey={caseKey}
          onSubmit={(v) =>
            unwrap(
              api.POST('/api/v1/complaints/{id}/resolve', { ...path, body: { ...v, findings: v.findings.trim(), actions: v.actions?.trim() || undefined } }),
            )
          }
        >
          <Form.Item name="outcome" label={t('outcome')} rules={[{ required: true, message: t('outcomeRequired') }]}>
            <Radio.Group options={OUTCOMES.map((o) => ({ value: o, label: t(o) }))} />
          </Form.Item>
          <Form.Item name="findings" label={t('findings')} rules={[{ required: true, whitespace: true, message: t('findingsRequired') }]}>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item name="actions" label={t('actions')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </CaseActionForm>
      )}
      {c.status === 'resolved' && (
        <CaseActionForm<{ message?: string }>
          name="close"
          title={t('close')}
          submit={t('closeSubmit')}
          done={t('closed')}
          caseKey={caseKey}
          onSubmit={(v) => unwrap(api.POST('/api/v1/complaints/{id}/close', { ...path, body: { message: v.message?.trim() || undefined } }))}
          before={<Typography.Paragraph type="secondary">{t('closeText')}</Typography.Paragraph>}
        >
          <Form.Item name="message" label={t('message')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </CaseActionForm>
      )}
    </>
  );
}
