import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, unwrap, type Schemas } from '../../../api/client';
import { useErrorSentence } from '../../../api/error-sentences';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import type { Dayjs } from 'dayjs';
import { dayjs, formatDate, formatDateTime } from '../../../shared/dates';
import { hasRole, useSignedIn } from '../../../session/session';
import { EvidenceList } from '../../../shared/evidence/EvidenceList';
import { applyFieldErrors } from '../../../shared/form-errors';
import { StatusTag } from '../../../shared/StatusTag';

type AuditView = Schemas['AuditView'];
type Nonconformity = Schemas['NonconformityView'];

export const gradeMessages = defineMessages({
  zh: { major: '严重', minor: '一般' },
  en: { major: 'Major', minor: 'Minor' },
});

const messages = defineMessages({
  zh: {
    title: '不符合项',
    none: '本次审核尚无不符合项。',
    clause: '条款',
    wholeAudit: '整个审核',
    grade: '等级',
    description: '描述',
    dueOn: '整改期限',
    correctiveAction: '企业的整改措施',
    notAnswered: '企业尚未答复',
    answeredAt: '答复时间',
    evidence: '整改证据',
    close: '接受整改并关闭',
    reopen: '退回重新整改',
    reopenTitle: '退回重新整改',
    reason: '退回理由',
    confirmReopen: '退回',
    cancel: '取消',
    raise: '开具不符合项',
    raiseTitle: '开具新的不符合项',
    requirementId: '涉及的要求',
    required: '必填',
    raised: '已开具不符合项。',
    closed: '已关闭不符合项。',
    reopened: '已退回企业重新整改。',
    checkForm: '请检查标出的字段。',
  },
  en: {
    title: 'Nonconformities',
    none: 'No nonconformity raised in this audit yet.',
    clause: 'Clause',
    wholeAudit: 'The whole audit',
    grade: 'Grade',
    description: 'Description',
    dueOn: 'To be corrected by',
    correctiveAction: "The enterprise's corrective action",
    notAnswered: 'The enterprise has not answered yet',
    answeredAt: 'Answered',
    evidence: 'Evidence',
    close: 'Accept and close',
    reopen: 'Send back',
    reopenTitle: 'Send the corrective action back',
    reason: 'Why it is not enough',
    confirmReopen: 'Send back',
    cancel: 'Cancel',
    raise: 'Raise a nonconformity',
    raiseTitle: 'Raise a new nonconformity',
    requirementId: 'Requirement concerned',
    required: 'Required',
    raised: 'The nonconformity is raised.',
    closed: 'The nonconformity is closed.',
    reopened: 'Sent back to the enterprise.',
    checkForm: 'Check the marked fields.',
  },
});

/** Close or send back one nonconformity, seeing the enterprise's answer and its evidence. */
function NonconformityCard({ nc, auditId, canAct }: { nc: Nonconformity; auditId: string; canAct: boolean }) {
  const t = useT(messages);
  const g = useT(gradeMessages);
  const { language } = useLanguage();
  const sentence = useErrorSentence();
  const queries = useQueryClient();
  const [reopening, setReopening] = useState(false);
  const [done, setDone] = useState<string>();
  const [form] = Form.useForm<{ reason: string }>();
  const refresh = () => {
    void queries.invalidateQueries({ queryKey: ['audit', auditId] });
    void queries.invalidateQueries({ queryKey: ['nonconformities'] });
  };
  const close = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/nonconformities/{id}/close', { params: { path: { id: nc.id } } })),
    onSuccess: () => {
      setDone(t('closed'));
      refresh();
    },
  });
  const reopen = useMutation({
    mutationFn: (reason: string) => unwrap(api.POST('/api/v1/nonconformities/{id}/reopen', { params: { path: { id: nc.id } }, body: { reason } })),
    onSuccess: () => {
      setReopening(false);
      form.resetFields();
      setDone(t('reopened'));
      refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) applyFieldErrors(form, error, language);
    },
  });
  const error = close.error ?? (reopen.error instanceof ApiError && reopen.error.status === 400 ? null : reopen.error);
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space wrap size={4}>
          <Tag color={nc.grade === 'major' ? 'red' : 'orange'}>{g(nc.grade)}</Tag>
          <span>{nc.clause ?? t('wholeAudit')}</span>
        </Space>
      }
      extra={<StatusTag family="nonconformity" status={nc.status} />}
    >
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('description')}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{nc.description}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('dueOn')}>{formatDate(nc.dueOn)}</Descriptions.Item>
        <Descriptions.Item label={t('correctiveAction')}>
          {nc.correctiveAction ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{nc.correctiveAction}</Typography.Text> : t('notAnswered')}
        </Descriptions.Item>
        {nc.answeredAt && <Descriptions.Item label={t('answeredAt')}>{formatDateTime(nc.answeredAt)}</Descriptions.Item>}
        {nc.evidenceFiles.length > 0 && (
          <Descriptions.Item label={t('evidence')}>
            <EvidenceList files={nc.evidenceFiles} />
          </Descriptions.Item>
        )}
      </Descriptions>
      {error && <Alert type="error" role="alert" showIcon style={{ marginTop: 12 }} title={sentence(error)} />}
      {done && <Alert type="success" role="status" showIcon style={{ marginTop: 12 }} title={done} />}
      {canAct && nc.status === 'answered' && (
        <Space wrap style={{ marginTop: 12 }}>
          <Button type="primary" size="large" loading={close.isPending} onClick={() => close.mutate()}>
            {t('close')}
          </Button>
          <Button size="large" onClick={() => setReopening(true)}>
            {t('reopen')}
          </Button>
        </Space>
      )}
      <Modal
        open={reopening}
        title={t('reopenTitle')}
        okText={t('confirmReopen')}
        cancelText={t('cancel')}
        confirmLoading={reopen.isPending}
        onCancel={() => setReopening(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => reopen.mutate(v.reason.trim())}>
          <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

interface RaiseValues {
  grade: 'major' | 'minor';
  requirementId: string;
  description: string;
  dueOn: Dayjs;
}

function RaiseNonconformity({ audit }: { audit: AuditView }) {
  const t = useT(messages);
  const g = useT(gradeMessages);
  const { language } = useLanguage();
  const sentence = useErrorSentence();
  const queries = useQueryClient();
  const [form] = Form.useForm<RaiseValues>();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const raise = useMutation({
    mutationFn: (v: RaiseValues) =>
      unwrap(
        api.POST('/api/v1/audits/{id}/nonconformities', {
          params: { path: { id: audit.id } },
          body: {
            grade: v.grade,
            description: v.description.trim(),
            dueOn: v.dueOn.format('YYYY-MM-DD'),
            ...(v.requirementId ? { requirementId: v.requirementId } : {}),
          },
        }),
      ),
    onSuccess: (view) => {
      queries.setQueryData(['audit', audit.id], view);
      void queries.invalidateQueries({ queryKey: ['nonconformities'] });
      form.resetFields();
      setOpen(false);
      setDone(true);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) applyFieldErrors(form, error, language);
    },
  });
  const refusal = raise.error instanceof ApiError && raise.error.status === 400 ? t('checkForm') : raise.error ? sentence(raise.error) : undefined;
  if (!open)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {done && <Alert type="success" role="status" showIcon title={t('raised')} />}
        <Button
          size="large"
          onClick={() => {
            setDone(false);
            setOpen(true);
          }}
        >
          {t('raise')}
        </Button>
      </Space>
    );
  return (
    <Card size="small" title={t('raiseTitle')}>
      {refusal && <Alert type="error" role="alert" showIcon style={{ marginBottom: 12 }} title={refusal} />}
      <Form<RaiseValues>
        form={form}
        layout="vertical"
        size="large"
        initialValues={{ grade: 'minor', requirementId: '', dueOn: dayjs().add(30, 'day') }}
        onFinish={(v) => raise.mutate(v)}
      >
        <Form.Item name="grade" label={t('grade')} rules={[{ required: true, message: t('required') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={(['minor', 'major'] as const).map((grade) => ({ value: grade, label: g(grade) }))} />
        </Form.Item>
        <Form.Item name="requirementId" label={t('requirementId')}>
          <Select
            options={[
              { value: '', label: t('wholeAudit') },
              ...audit.checklist.map((item) => ({ value: item.requirementId, label: `${item.clause} ${item.textZh}` })),
            ]}
          />
        </Form.Item>
        <Form.Item name="description" label={t('description')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('dueOn')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={raise.isPending}>
            {t('raise')}
          </Button>
          <Button onClick={() => setOpen(false)}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** The audit's nonconformities: what the enterprise answered, and raising new ones while the audit runs. */
export function AuditNonconformities({ audit }: { audit: AuditView }) {
  const t = useT(messages);
  const canRecord = audit.allowedActions.includes('record');
  // Closing and sending back are for auditors (the API checks that the auditor is on the case).
  const assigned = hasRole(useSignedIn(), 'auditor');
  return (
    <section aria-labelledby="nc-title" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="nc-title" style={{ fontSize: 18 }}>
        {t('title')}
      </Typography.Title>
      {audit.nonconformities.length === 0 && <Typography.Paragraph type="secondary">{t('none')}</Typography.Paragraph>}
      {audit.nonconformities.map((nc) => (
        <NonconformityCard key={nc.id} nc={nc} auditId={audit.id} canAct={assigned} />
      ))}
      {canRecord && <RaiseNonconformity audit={audit} />}
    </section>
  );
}
