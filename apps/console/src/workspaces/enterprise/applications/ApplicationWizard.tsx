import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Select, Skeleton, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { useSignedIn } from '../../../session/session';
import { inShenzhen } from '../../../shared/dates';
import { ErrorState } from '../../../shared/states';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { ScopeFields } from './ScopeFields';

type Scope = Schemas['ScopeDto'];
type Application = Schemas['ApplicationView'];

interface WizardValues {
  catalogueEntryId?: string;
  /** Only narrows the self-declarations offered: the application's standard is its declaration's. */
  standardId?: string;
  selfDeclarationId?: string;
  certificationBodyId?: string;
  scope?: Scope;
}

const messages = defineMessages({
  zh: {
    newTitle: '新建认证申请',
    editTitle: '修改申请 {number}',
    stepEntry: '类别与标准',
    stepDeclaration: '自我声明与认证机构',
    stepScope: '认证范围',
    stepReview: '确认并保存',
    entry: '产品或服务类别（认证目录）',
    entrySearch: '输入名称搜索目录',
    standard: '标准',
    declaration: '自我声明（本企业已公开的）',
    noDeclaration: '该标准下还没有已公开的自我声明。',
    publishDeclaration: '先发布自我声明',
    body: '认证机构（在该类别获授权且今日有效）',
    noBody: '今日没有在该类别获授权的认证机构。',
    required: '请选择此项',
    next: '下一步',
    back: '上一步',
    save: '保存草稿',
    saveChanges: '保存修改',
    cancel: '取消',
    chooseEntryFirst: '请先选择类别',
    reviewHint: '保存后为草稿，可在申请详情页提交。提交时平台会做资格检查。',
    scopeKind: '范围类型',
    products: '产品',
    service: '服务',
    notEditable: '该申请当前状态不能修改。',
  },
  en: {
    newTitle: 'New application',
    editTitle: 'Edit application {number}',
    stepEntry: 'Category and standard',
    stepDeclaration: 'Self-declaration and body',
    stepScope: 'Scope',
    stepReview: 'Review and save',
    entry: 'Product or service type (catalogue)',
    entrySearch: 'Type a name to search the catalogue',
    standard: 'Standard',
    declaration: "Self-declaration (the enterprise's published ones)",
    noDeclaration: 'No published self-declaration for this standard yet.',
    publishDeclaration: 'Publish a self-declaration first',
    body: 'Certification body (authorized for the category, valid today)',
    noBody: 'No certification body is authorized for this category today.',
    required: 'Please choose one',
    next: 'Next',
    back: 'Back',
    save: 'Save draft',
    saveChanges: 'Save changes',
    cancel: 'Cancel',
    chooseEntryFirst: 'Choose the category first',
    reviewHint: 'It is saved as a draft; submit it from the application page. Submitting runs the eligibility checks.',
    scopeKind: 'Scope kind',
    products: 'Products',
    service: 'Service',
    notEditable: 'The application cannot be changed in its present state.',
  },
});

/** Which step holds each field: a refusal brings the person back to the step where it can be fixed. */
const STEP_FIELDS: (keyof WizardValues)[][] = [['catalogueEntryId', 'standardId'], ['selfDeclarationId', 'certificationBodyId'], ['scope'], []];

function toBody(values: WizardValues, kind: Scope['kind']) {
  const scope: Scope =
    kind === 'products' ? { kind, products: values.scope?.products ?? [] } : { kind, service: values.scope?.service ?? { nameZh: '', sites: [] } };
  return {
    catalogueEntryId: values.catalogueEntryId ?? '',
    selfDeclarationId: values.selfDeclarationId ?? '',
    certificationBodyId: values.certificationBodyId ?? '',
    scope,
  };
}

function WizardForm({ existing }: { existing?: Application }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<WizardValues>();
  const [step, setStep] = useState(0);
  const [entrySearch, setEntrySearch] = useState('');
  const { refusal, onError, clear } = useRefusal(form);
  const entryId = Form.useWatch('catalogueEntryId', form);
  const standardId = Form.useWatch('standardId', form);
  const enterpriseId = existing?.enterprise.id;

  const entries = useQuery({
    queryKey: ['catalogue-entries', 'open', entrySearch],
    queryFn: () => unwrap(api.GET('/api/v1/catalogue/entries', { params: { query: { status: 'open', q: entrySearch || undefined, pageSize: 50 } } })),
  });
  const entry = useQuery({
    queryKey: ['catalogue-entry', entryId],
    queryFn: () => unwrap(api.GET('/api/v1/catalogue/entries/{id}', { params: { path: { id: entryId ?? '' } } })),
    enabled: Boolean(entryId),
  });
  const session = useSignedIn();
  const ownId = enterpriseId ?? session.user.organizationId;
  const declarations = useQuery({
    queryKey: ['self-declarations', ownId, { standardId, status: 'published' }],
    queryFn: () => unwrap(api.GET('/api/v1/self-declarations', { params: { query: { enterpriseId: ownId, standardId, status: 'published', pageSize: 100 } } })),
    enabled: Boolean(standardId && ownId),
  });
  const category = entry.data?.categoryCode;
  const today = inShenzhen(new Date()).format('YYYY-MM-DD');
  const bodies = useQuery({
    queryKey: ['authorizations', category, today],
    queryFn: () => unwrap(api.GET('/api/v1/authorizations', { params: { query: { categoryCode: category, validOn: today, pageSize: 100 } } })),
    enabled: Boolean(category),
  });
  const kind: Scope['kind'] = entry.data?.kind === 'service' ? 'service' : 'products';

  // One body per certification body, even when it holds several authorizations for the category.
  const bodyOptions = [...new Map((bodies.data?.items ?? []).map((a) => [a.certificationBody.id, a.certificationBody])).values()].map((b) => ({
    value: b.id,
    label: language === 'en' && b.nameEn ? b.nameEn : b.nameZh,
  }));
  const entryOptions = (entries.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.nameZh}${e.nameEn ? ` / ${e.nameEn}` : ''} (${e.categoryCode})` }));
  if (existing && !entryOptions.some((o) => o.value === existing.catalogueEntry.id)) {
    entryOptions.unshift({ value: existing.catalogueEntry.id, label: `${existing.catalogueEntry.nameZh} (${existing.catalogueEntry.categoryCode})` });
  }

  const save = useMutation({
    mutationFn: (values: WizardValues) => {
      const body = toBody(values, kind);
      return existing
        ? unwrap(api.PATCH('/api/v1/applications/{id}', { params: { path: { id: existing.id } }, body }))
        : unwrap(api.POST('/api/v1/applications', { body }));
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
      void queryClient.invalidateQueries({ queryKey: ['application', saved.id] });
      void navigate(`/applications/${saved.id}`);
    },
    onError: (error: unknown) => {
      onError(error);
      if (error instanceof ApiError && error.status === 400) {
        const first = error.fields[0]?.field.split('.')[0];
        const at = STEP_FIELDS.findIndex((names) => names.some((n) => n === first));
        if (at >= 0) setStep(at);
      }
    },
  });

  const next = () => {
    form.validateFields(STEP_FIELDS[step] as string[], { recursive: true }).then(
      () => setStep(step + 1),
      () => undefined,
    );
  };

  const values = form.getFieldsValue(true) as WizardValues;
  const selectedEntry = entry.data;
  const selectedStandard = selectedEntry?.standards.find((s) => s.id === standardId);
  const selectedDeclaration = declarations.data?.items.find((d) => d.id === values.selfDeclarationId);
  const selectedBody = bodyOptions.find((b) => b.value === values.certificationBodyId);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {existing ? t('editTitle', { number: existing.number }) : t('newTitle')}
      </Typography.Title>
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: t('stepEntry') }, { title: t('stepDeclaration') }, { title: t('stepScope') }, { title: t('stepReview') }]}
      />
      <RefusalAlert refusal={refusal} />
      <Card>
        <Form<WizardValues>
          form={form}
          layout="vertical"
          initialValues={
            existing
              ? {
                  catalogueEntryId: existing.catalogueEntry.id,
                  standardId: existing.standard.id,
                  selfDeclarationId: existing.selfDeclarationId,
                  certificationBodyId: existing.certificationBody.id,
                  scope: existing.scope,
                }
              : { scope: { kind: 'products', products: [{ models: [] }] } as unknown as Scope }
          }
          onValuesChange={(changed: WizardValues) => {
            clear();
            // A new category may take other standards and bodies: the choices made for the old one go.
            if ('catalogueEntryId' in changed) form.setFieldsValue({ standardId: undefined, selfDeclarationId: undefined, certificationBodyId: undefined });
            if ('standardId' in changed) form.setFieldsValue({ selfDeclarationId: undefined });
          }}
        >
          <div hidden={step !== 0}>
            <Form.Item name="catalogueEntryId" label={t('entry')} rules={[{ required: true, message: t('required') }]}>
              <Select
                showSearch={{ filterOption: false, onSearch: setEntrySearch }}
                placeholder={t('entrySearch')}
                loading={entries.isFetching}
                options={entryOptions}
                notFoundContent={entries.error ? <ErrorState error={entries.error} /> : undefined}
              />
            </Form.Item>
            <Form.Item name="standardId" label={t('standard')} rules={[{ required: true, message: t('required') }]}>
              <Select
                disabled={!entryId}
                placeholder={entryId ? undefined : t('chooseEntryFirst')}
                loading={entry.isFetching}
                options={(selectedEntry?.standards ?? []).map((s) => ({ value: s.id, label: `${s.code}-${s.version} ${s.titleZh}` }))}
              />
            </Form.Item>
          </div>
          <div hidden={step !== 1}>
            <Form.Item name="selfDeclarationId" label={t('declaration')} rules={[{ required: true, message: t('required') }]}>
              <Select
                loading={declarations.isFetching}
                options={(declarations.data?.items ?? []).map((d) => ({
                  value: d.id,
                  label: `${d.productNameZh} v${d.version}${d.models.length ? ` · ${d.models.join(', ')}` : ''}`,
                }))}
              />
            </Form.Item>
            {declarations.data && declarations.data.items.length === 0 && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('noDeclaration')}
                action={<Link to="/declarations">{t('publishDeclaration')}</Link>}
              />
            )}
            {declarations.error && <ErrorState error={declarations.error} />}
            <Form.Item name="certificationBodyId" label={t('body')} rules={[{ required: true, message: t('required') }]}>
              <Select loading={bodies.isFetching} options={bodyOptions} disabled={existing !== undefined && existing.status !== 'draft'} />
            </Form.Item>
            {bodies.data && bodyOptions.length === 0 && <Alert type="warning" showIcon title={t('noBody')} style={{ marginBottom: 16 }} />}
            {bodies.error && <ErrorState error={bodies.error} />}
          </div>
          <div hidden={step !== 2}>
            <Form.Item name={['scope', 'kind']} hidden>
              <input aria-label={t('scopeKind')} />
            </Form.Item>
            <ScopeFields kind={kind} />
          </div>
          {step === 3 && (
            <>
              <Descriptions
                column={1}
                bordered
                size="small"
                items={[
                  { key: 'entry', label: t('entry'), children: selectedEntry ? `${selectedEntry.nameZh} (${selectedEntry.categoryCode})` : '—' },
                  {
                    key: 'standard',
                    label: t('standard'),
                    children: selectedStandard ? `${selectedStandard.code}-${selectedStandard.version} ${selectedStandard.titleZh}` : '—',
                  },
                  {
                    key: 'declaration',
                    label: t('declaration'),
                    children: selectedDeclaration ? `${selectedDeclaration.productNameZh} v${selectedDeclaration.version}` : '—',
                  },
                  { key: 'body', label: t('body'), children: selectedBody?.label ?? '—' },
                  {
                    key: 'scope',
                    label: t('stepScope'),
                    children:
                      kind === 'products'
                        ? (values.scope?.products ?? []).map((p) => `${p.nameZh} (${p.brand}): ${(p.models ?? []).join(', ')}`).join('；')
                        : `${values.scope?.service?.nameZh ?? ''} · ${(values.scope?.service?.sites ?? []).map((s) => s.name).join(', ')}`,
                  },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
                {t('reviewHint')}
              </Typography.Paragraph>
            </>
          )}
        </Form>
        <Space wrap style={{ marginTop: 16 }}>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('back')}</Button>}
          {step < 3 && (
            <Button type="primary" onClick={next}>
              {t('next')}
            </Button>
          )}
          {step === 3 && (
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() => {
                clear();
                save.mutate(form.getFieldsValue(true) as WizardValues);
              }}
            >
              {existing ? t('saveChanges') : t('save')}
            </Button>
          )}
          <Button onClick={() => void navigate(existing ? `/applications/${existing.id}` : '/applications')}>{t('cancel')}</Button>
        </Space>
      </Card>
    </>
  );
}

/** New application (no id) or a draft / information-requested application to edit. */
export default function ApplicationWizard() {
  const t = useT(messages);
  const { id } = useParams();
  const existing = useQuery({
    queryKey: ['application', id],
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
  if (!id) return <WizardForm />;
  if (existing.isPending) return <Skeleton active />;
  if (existing.error) return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  if (!existing.data.allowedActions.includes('edit')) return <Alert type="warning" role="alert" showIcon title={t('notEditable')} />;
  return <WizardForm existing={existing.data} />;
}
