import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Modal, Popconfirm, Space, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useErrorSentence } from '../../../api/error-sentences';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { labelOf, ROLE_LABELS, STATUS_LABELS } from '../../../i18n/labels';
import { hasRole, useSignedIn, type Role } from '../../../session/session';
import { formatDateTime } from '../../../shared/dates';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { PagedTable } from '../../../shared/PagedTable';
import { SecretOnce } from '../../../shared/SecretOnce';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';

type ApiKey = Schemas['ApiKeyView'];

const FILTERS = [] as const;

/** Roles a holder may hand on to a key: their own, and the member role an enterprise administrator includes. */
const INCLUDED: Partial<Record<Role, Role[]>> = { enterprise_admin: ['enterprise_member'] };

const messages = defineMessages({
  zh: {
    title: 'API 密钥',
    intro: '供企业自有系统（如 ERP）调用开放接口。密钥只在创建时显示一次。',
    create: '创建密钥',
    name: '名称',
    prefix: '密钥前缀',
    roles: '角色',
    status: '状态',
    createdAt: '创建时间',
    lastUsedAt: '最近使用',
    actions: '操作',
    revoke: '吊销',
    revokeConfirm: '吊销密钥「{name}」？使用它的系统将立即无法访问。',
    yes: '吊销',
    no: '取消',
    nameRequired: '请填写名称',
    rolesRequired: '请至少选择一个角色',
    rolesHelp: '密钥的角色不能超过您本人的角色。',
    submit: '创建',
    cancel: '取消',
    keyTitle: '新密钥「{name}」',
    keyLabel: 'API 密钥',
    empty: '还没有 API 密钥',
    caption: '本组织的 API 密钥',
    adminOnly: '只有管理员可以管理 API 密钥。',
  },
  en: {
    title: 'API keys',
    intro: 'For your own systems (an ERP, say) to call the API. A key is shown once only, when it is created.',
    create: 'Create a key',
    name: 'Name',
    prefix: 'Key prefix',
    roles: 'Roles',
    status: 'Status',
    createdAt: 'Created',
    lastUsedAt: 'Last used',
    actions: 'Actions',
    revoke: 'Revoke',
    revokeConfirm: 'Revoke the key “{name}”? Systems using it lose access at once.',
    yes: 'Revoke',
    no: 'Cancel',
    nameRequired: 'Enter a name',
    rolesRequired: 'Choose one role at least',
    rolesHelp: 'A key cannot have more roles than you have.',
    submit: 'Create',
    cancel: 'Cancel',
    keyTitle: 'New key “{name}”',
    keyLabel: 'API key',
    empty: 'No API keys yet',
    caption: "Your organization's API keys",
    adminOnly: 'Only an administrator can manage API keys.',
  },
});

function CreateKey({ roles, onCreated }: { roles: Role[]; onCreated: (key: Schemas['CreatedApiKeyView']) => void }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string; roles: Role[] }>();
  const { refusal, onError, clear } = useRefusal(form);
  const create = useMutation({
    mutationFn: (body: { name: string; roles: Role[] }) => unwrap(api.POST('/api/v1/api-keys', { body })),
    onSuccess: async (key) => {
      await queries.invalidateQueries({ queryKey: ['api-keys'] });
      setOpen(false);
      form.resetFields();
      onCreated(key);
    },
    onError,
  });
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('create')}
      </Button>
      <Modal
        open={open}
        title={t('create')}
        onCancel={() => setOpen(false)}
        footer={
          <Space>
            <Button onClick={() => setOpen(false)}>{t('cancel')}</Button>
            <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
              {t('submit')}
            </Button>
          </Space>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <RefusalAlert refusal={refusal} />
          <Form
            form={form}
            layout="vertical"
            initialValues={{ name: '', roles: roles.length === 1 ? roles : [] }}
            onValuesChange={clear}
            onFinish={(values) => create.mutate({ name: values.name.trim(), roles: values.roles })}
          >
            <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
              <Input maxLength={100} placeholder="ERP" />
            </Form.Item>
            <Form.Item name="roles" label={t('roles')} extra={t('rolesHelp')} rules={[{ required: true, type: 'array', min: 1, message: t('rolesRequired') }]}>
              <Checkbox.Group options={roles.map((r) => ({ value: r, label: labelOf(ROLE_LABELS, r, language) }))} />
            </Form.Item>
          </Form>
        </Space>
      </Modal>
    </>
  );
}

function RevokeKey({ apiKey }: { apiKey: ApiKey }) {
  const t = useT(messages);
  const sentence = useErrorSentence();
  const queries = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/api-keys/{id}/revoke', { params: { path: { id: apiKey.id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['api-keys'] }),
  });
  return (
    <Space orientation="vertical" size={4}>
      <Popconfirm
        title={t('revokeConfirm', { name: apiKey.name })}
        okText={t('yes')}
        cancelText={t('no')}
        okButtonProps={{ danger: true }}
        onConfirm={() => revoke.mutateAsync().catch(() => undefined)}
      >
        <Button size="small" autoInsertSpace={false} danger loading={revoke.isPending} aria-label={`${t('revoke')} ${apiKey.name}`}>
          {t('revoke')}
        </Button>
      </Popconfirm>
      {revoke.error && <Alert type="error" role="alert" showIcon title={sentence(revoke.error)} />}
    </Space>
  );
}

export function ApiKeysPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const session = useSignedIn();
  const { page, pageSize, setPage } = useListParams(FILTERS);
  const [created, setCreated] = useState<Schemas['CreatedApiKeyView']>();
  const admin = hasRole(session, 'enterprise_admin', 'cb_admin', 'regulator', 'association_admin');
  const grantable = [...new Set(session.user.roles.flatMap((r) => [r, ...(INCLUDED[r] ?? [])]))];

  const columns: TableColumnsType<ApiKey> = [
    { title: t('name'), dataIndex: 'name' },
    { title: t('prefix'), dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
    { title: t('roles'), dataIndex: 'roles', render: (roles: Role[]) => roles.map((r) => labelOf(ROLE_LABELS, r, language)).join('、') },
    { title: t('status'), key: 'status', render: (_, k) => <StatusTag family="apiKey" status={k.revokedAt ? 'revoked' : 'active'} /> },
    { title: t('createdAt'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
    { title: t('lastUsedAt'), dataIndex: 'lastUsedAt', render: (d: string | null) => formatDateTime(d) },
    {
      title: t('actions'),
      key: 'actions',
      render: (_, k) => (k.revokedAt ? `${STATUS_LABELS.apiKey.revoked[language]} ${formatDateTime(k.revokedAt)}` : <RevokeKey apiKey={k} />),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      {admin ? (
        <>
          <div>
            <CreateKey roles={grantable} onCreated={setCreated} />
          </div>
          <PagedTable<ApiKey>
            queryKey={['api-keys']}
            fetchPage={(p, size) => unwrap(api.GET('/api/v1/api-keys', { params: { query: { page: p, pageSize: size } } }))}
            page={page}
            pageSize={pageSize}
            onPageChange={setPage}
            columns={columns}
            rowKey="id"
            caption={t('caption')}
            empty={t('empty')}
          />
        </>
      ) : (
        <Alert type="info" showIcon title={t('adminOnly')} />
      )}
      <SecretOnce title={t('keyTitle', { name: created?.name ?? '' })} label={t('keyLabel')} secret={created?.key} onClose={() => setCreated(undefined)} />
    </Space>
  );
}
