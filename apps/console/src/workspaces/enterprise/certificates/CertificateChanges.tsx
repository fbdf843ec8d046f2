import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { APPEALED_DECISION_LABELS, labelOf, PUBLIC_REASON_LABELS } from '../../../i18n/labels';
import { formatDate } from '../../../shared/dates';
import { ActionAlert, RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { ScopeFields } from '../applications/ScopeFields';
import { atLeastOne } from './RequestMarkGrant';

type Certificate = Schemas['CertificateView'];

const messages = defineMessages({
  zh: {
    renew: '申请再认证',
    windowClosed: '再认证申请窗口自 {opens} 起开放（证书有效期至 {closes}），届时再申请。',
    extend: '申请扩大范围',
    extendTitle: '申请扩大证书 {number} 的认证范围',
    extendIntro: '只填写新增的产品或型号；已认证产品增加型号时，填写相同的产品名称和品牌。提交后生成扩大范围申请草稿。',
    createDraft: '生成申请草稿',
    reduce: '缩小范围',
    reduceTitle: '缩小证书 {number} 的认证范围',
    reduceModels: '移出认证范围的型号',
    reduceReason: '原因（公开显示）',
    reduceNote: '说明（仅认证机构可见）',
    reduceWarning: '所选型号将立即移出证书范围：其认证标志使用授权随之终止，已发放的防伪标签码查询时将显示不再有效及原因。此操作不可撤回。',
    reduceConfirm: '确认缩小范围',
    pickModels: '请至少选择一个型号',
    appeal: '提出申诉',
    appealTitle: '对证书 {number} 的决定提出申诉',
    appealIntro: '申诉针对认证机构对本证书的最近一次决定（暂停、缩小范围或撤销），由未参与该决定的人员处理。',
    latestDecision: '最近的决定：{decision}（{date}）',
    grounds: '申诉理由',
    groundsHelp: '说明该决定为何有误，并列出支持的事实',
    required: '请填写此项',
    lodge: '提交申诉',
    cancel: '取消',
  },
  en: {
    renew: 'Apply to renew',
    windowClosed: 'Renewal opens on {opens} (the certificate is valid until {closes}): apply from then.',
    extend: 'Extend the scope',
    extendTitle: 'Extend the scope of certificate {number}',
    extendIntro:
      'Give only the new products or models; to add models to a certified product, give its name and brand as they are. A draft extension application is created.',
    createDraft: 'Create the draft application',
    reduce: 'Reduce the scope',
    reduceTitle: 'Reduce the scope of certificate {number}',
    reduceModels: 'Models to take out of the scope',
    reduceReason: 'Reason (public)',
    reduceNote: 'Note (for the certification body only)',
    reduceWarning:
      'The chosen models leave the certificate now: their mark grants end, and their label codes no longer answer valid and say why. This cannot be undone.',
    reduceConfirm: 'Reduce the scope',
    pickModels: 'Choose one model at least',
    appeal: 'Appeal',
    appealTitle: 'Appeal a decision on certificate {number}',
    appealIntro:
      "The appeal is against the certification body's latest decision on this certificate (suspension, scope reduction or withdrawal); someone who took no part in it decides.",
    latestDecision: 'Latest decision: {decision} ({date})',
    grounds: 'Grounds',
    groundsHelp: 'Why the decision is wrong, with the facts that show it',
    required: 'Fill this in',
    lodge: 'Lodge the appeal',
    cancel: 'Cancel',
  },
});

/** The history actions an appeal can be against (the API decides which is latest and whether the period is open). */
const APPEALABLE = ['suspend', 'scope_reduced', 'withdraw'];
/** What a holder may give as the public reason for taking its own models out. */
const HOLDER_REASONS = ['holder_request', 'other'] as const;

/** Apply to renew: the draft renewal application, or the window's dates as a sentence when it is not open yet. */
function useRenewal(certificate: Certificate) {
  const navigate = useNavigate();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/certificates/{id}/renewal', { params: { path: { id: certificate.id } } })),
    onSuccess: async (application) => {
      await queries.invalidateQueries({ queryKey: ['applications'] });
      void navigate(`/applications/${application.id}`);
    },
  });
}

function RenewalRefusal({ error }: { error: unknown }) {
  const t = useT(messages);
  const renewalWindow = error instanceof ApiError ? (error.details.window as { opens?: string; closes?: string } | undefined) : undefined;
  if (!renewalWindow?.opens) return <ActionAlert error={error} />;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t('windowClosed', { opens: formatDate(renewalWindow.opens), closes: formatDate(renewalWindow.closes) })}
    />
  );
}

interface ExtensionValues {
  scope: Schemas['ScopeDto'];
}

function ExtendScope({ certificate }: { certificate: Certificate }) {
  const t = useT(messages);
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ExtensionValues>();
  const { refusal, onError, clear } = useRefusal(form);
  const extend = useMutation({
    mutationFn: (values: ExtensionValues) =>
      unwrap(
        api.POST('/api/v1/certificates/{id}/extension', { params: { path: { id: certificate.id } }, body: { scope: { ...values.scope, kind: 'products' } } }),
      ),
    onSuccess: (application) => void navigate(`/applications/${application.id}`),
    onError,
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('extend')}</Button>
      <Modal
        open={open}
        width={720}
        title={t('extendTitle', { number: certificate.number })}
        onCancel={() => setOpen(false)}
        okText={t('createDraft')}
        cancelText={t('cancel')}
        confirmLoading={extend.isPending}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('extendIntro')}</Typography.Paragraph>
        <RefusalAlert refusal={refusal} />
        <Form<ExtensionValues>
          form={form}
          layout="vertical"
          initialValues={{ scope: { kind: 'products', products: [{ nameZh: '', brand: '', models: [], factoryAddress: '' }] } }}
          onValuesChange={clear}
          onFinish={(values) => extend.mutate(values)}
        >
          <ScopeFields kind="products" />
        </Form>
      </Modal>
    </>
  );
}

interface ReductionValues {
  models: string[];
  reason: (typeof HOLDER_REASONS)[number];
  privateNote?: string;
}

function ReduceScope({ certificate }: { certificate: Certificate }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ReductionValues>();
  const { refusal, onError, clear } = useRefusal(form);
  const models = (certificate.scope.products ?? []).flatMap((p) => p.models);
  const reduce = useMutation({
    mutationFn: (values: ReductionValues) =>
      unwrap(
        api.POST('/api/v1/certificates/{id}/scope-reduction', {
          params: { path: { id: certificate.id } },
          body: { models: values.models, reason: values.reason, privateNote: values.privateNote || undefined },
        }),
      ),
    onSuccess: async (updated) => {
      queries.setQueryData(['certificate', certificate.id], updated);
      await Promise.all([queries.invalidateQueries({ queryKey: ['certificates'] }), queries.invalidateQueries({ queryKey: ['mark-grants'] })]);
      setOpen(false);
    },
    onError,
  });
  if (models.length < 2) return null;
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('reduce')}
      </Button>
      <Modal
        open={open}
        title={t('reduceTitle', { number: certificate.number })}
        onCancel={() => setOpen(false)}
        footer={
          <Space>
            <Button onClick={() => setOpen(false)}>{t('cancel')}</Button>
            <Button danger type="primary" loading={reduce.isPending} onClick={() => form.submit()}>
              {t('reduceConfirm')}
            </Button>
          </Space>
        }
        destroyOnHidden
      >
        <RefusalAlert refusal={refusal} />
        <Form<ReductionValues>
          form={form}
          layout="vertical"
          initialValues={{ models: [], reason: 'holder_request' }}
          onValuesChange={clear}
          onFinish={(values) => reduce.mutate(values)}
        >
          <Form.Item name="models" label={t('reduceModels')} rules={[atLeastOne(t('pickModels'))]}>
            <Checkbox.Group options={models.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('reduceReason')} rules={[{ required: true, message: t('required') }]}>
            <Select options={HOLDER_REASONS.map((r) => ({ value: r, label: labelOf(PUBLIC_REASON_LABELS, r, language) }))} />
          </Form.Item>
          <Form.Item name="privateNote" label={t('reduceNote')} rules={[{ max: 4000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Alert type="warning" showIcon title={t('reduceWarning')} />
        </Form>
      </Modal>
    </>
  );
}

interface AppealValues {
  grounds: string;
}

function AppealDecision({ certificate, decision }: { certificate: Certificate; decision: Certificate['history'][number] }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<AppealValues>();
  const { refusal, onError, clear } = useRefusal(form);
  const lodge = useMutation({
    mutationFn: (values: AppealValues) => unwrap(api.POST('/api/v1/appeals', { body: { certificateId: certificate.id, grounds: values.grounds } })),
    onSuccess: async (appeal) => {
      await queries.invalidateQueries({ queryKey: ['appeals'] });
      void navigate(`/appeals/${appeal.id}`);
    },
    onError,
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('appeal')}</Button>
      <Modal
        open={open}
        title={t('appealTitle', { number: certificate.number })}
        onCancel={() => setOpen(false)}
        okText={t('lodge')}
        cancelText={t('cancel')}
        confirmLoading={lodge.isPending}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('appealIntro')}</Typography.Paragraph>
        <Typography.Paragraph strong>
          {t('latestDecision', { decision: labelOf(APPEALED_DECISION_LABELS, decision.action, language), date: formatDate(decision.at) })}
        </Typography.Paragraph>
        <RefusalAlert refusal={refusal} />
        <Form<AppealValues> form={form} layout="vertical" onValuesChange={clear} onFinish={(values) => lodge.mutate(values)}>
          <Form.Item
            name="grounds"
            label={t('grounds')}
            extra={t('groundsHelp')}
            rules={[{ required: true, whitespace: true, message: t('required') }, { max: 4000 }]}
          >
            <Input.TextArea rows={5} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The holder's changes of a live certificate: renewal, scope extension and reduction, and an appeal of the body's latest decision. */
export function CertificateChanges({ certificate }: { certificate: Certificate }) {
  const t = useT(messages);
  const renew = useRenewal(certificate);
  const live = certificate.status === 'valid' || certificate.status === 'suspended';
  const latest = [...certificate.history].reverse().find((h) => APPEALABLE.includes(h.action));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {certificate.status === 'valid' && !certificate.lifecycle.renewedBy && (
          <Button type="primary" loading={renew.isPending} onClick={() => renew.mutate()}>
            {t('renew')}
          </Button>
        )}
        {live && certificate.scope.kind === 'products' && <ExtendScope certificate={certificate} />}
        {live && certificate.scope.kind === 'products' && <ReduceScope certificate={certificate} />}
        {latest && <AppealDecision certificate={certificate} decision={latest} />}
      </Space>
      {renew.error && <RenewalRefusal error={renew.error} />}
    </Space>
  );
}
