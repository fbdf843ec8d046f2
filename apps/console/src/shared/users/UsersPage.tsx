import { PlusOutlined } from '@ant-design/icons';
import { useOrganization } from '../organizations/use-organization';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';
import { useErrorSentence } from '../../api/error-sentences';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { labelOf, ROLE_LABELS } from '../../i18n/labels';
import { hasRole, useSignedIn, type OrganizationKind, type Role } from '../../session/session';
import { formatDateTime } from '../dates';
import { RefusalAlert, useRefusal } from '../Refusal';
import { PagedTable } from '../PagedTable';
import { SecretOnce } from '../SecretOnce';
import { StatusTag } from '../StatusTag';
import { useListParams } from '../url-state';

type User = Schemas['UserView'];

const FILTERS = ['organizationId', 'role'] as const;

/** Which roles a user of each kind of organization may hold (as the API's ROLES_BY_KIND). */
const ROLES_BY_KIND: Record<OrganizationKind, Role[]> = {
  regulator: ['regulator'],
  certification_body: ['reviewer', 'auditor', 'decision_maker', 'cb_admin'],
  enterprise: ['enterprise_admin', 'enterprise_member'],
  association: ['association_admin', 'association_member'],
};
const ALL_ROLES = Object.values(ROLES_BY_KIND).flat();
const ADMIN_ROLES: Role[] = ['regulator', 'cb_admin', 'enterprise_admin', 'association_admin'];

const messages = defineMessages({
  zh: {
    title: '用户管理',
    intro: '管理本组织的登录账号与角色。',
    introRegulator: '管理各组织的登录账号与角色；新建的用户属于本机构。',
    organization: '组织',
    anyOrganization: '全部组织',
    orgSearch: '输入名称搜索组织',
    role: '角色',
    anyRole: '全部角色',
    name: '姓名',
    email: '邮箱',
    roles: '角色',
    status: '状态',
    createdAt: '创建时间',
    actions: '操作',
    create: '新建用户',
    password: '初始密码',
    passwordHelp: '至少 10 个字符；请通过安全渠道告知本人，并提醒其登录后修改。',
    submit: '创建',
    cancel: '取消',
    save: '保存',
    required: '请填写此项',
    emailInvalid: '请填写有效的邮箱地址',
    passwordShort: '密码至少 10 个字符',
    rolesRequired: '请至少选择一个角色',
    editRoles: '修改角色',
    editRolesOf: '修改 {name} 的角色',
    deactivate: '停用',
    deactivateConfirm: '停用 {name}？其登录会话与使用将立即终止。',
    reactivate: '启用',
    resetPassword: '重置密码',
    resetConfirm: '为 {name} 生成新密码？原密码将立即失效。',
    unlock: '解除锁定',
    unlocked: '已解除 {name} 的登录锁定。',
    yes: '确定',
    no: '取消',
    newPassword: '{name} 的新密码',
    passwordLabel: '新密码',
    empty: '没有符合条件的用户',
    caption: '用户',
    adminOnly: '只有管理员可以查看和管理用户。',
    you: '（您）',
    selfRoles: '修改自己的角色后需要重新登录。',
  },
  en: {
    title: 'Users',
    intro: "Your organization's sign-ins and their roles.",
    introRegulator: "Every organization's sign-ins and their roles; users you create belong to your own organization.",
    organization: 'Organization',
    anyOrganization: 'Any organization',
    orgSearch: 'Type to search organizations',
    role: 'Role',
    anyRole: 'Any role',
    name: 'Name',
    email: 'Email',
    roles: 'Roles',
    status: 'Status',
    createdAt: 'Created',
    actions: 'Actions',
    create: 'Add a user',
    password: 'First password',
    passwordHelp: 'Ten characters at least; give it to the person by a safe channel and ask them to change it.',
    submit: 'Create',
    cancel: 'Cancel',
    save: 'Save',
    required: 'Fill this in',
    emailInvalid: 'Enter a valid email address',
    passwordShort: 'Ten characters at least',
    rolesRequired: 'Choose one role at least',
    editRoles: 'Roles',
    editRolesOf: 'Roles of {name}',
    deactivate: 'Deactivate',
    deactivateConfirm: 'Deactivate {name}? Their sessions and access end at once.',
    reactivate: 'Reactivate',
    resetPassword: 'Reset password',
    resetConfirm: 'Generate a new password for {name}? The old one stops working at once.',
    unlock: 'Unlock',
    unlocked: '{name} can sign in again.',
    yes: 'Yes',
    no: 'Cancel',
    newPassword: 'New password of {name}',
    passwordLabel: 'New password',
    empty: 'No user matches',
    caption: 'Users',
    adminOnly: 'Only an administrator can see and manage users.',
    you: ' (you)',
    selfRoles: 'After changing your own roles you will sign in again.',
  },
});

function OrganizationName({ id }: { id: string }) {
  const { language } = useLanguage();
  const org = useOrganization(id, true);
  if (!org.data) return <Typography.Text type="secondary">…</Typography.Text>;
  return <>{(language === 'en' && org.data.nameEn) || org.data.nameZh}</>;
}

function RoleChecks({ roles }: { roles: Role[] }) {
  const { language } = useLanguage();
  return <Checkbox.Group options={roles.map((r) => ({ value: r, label: labelOf(ROLE_LABELS, r, language) }))} />;
}

function CreateUser({ roles }: { roles: Role[] }) {
  const t = useT(messages);
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Schemas['CreateUserDto']>();
  const { refusal, onError, clear } = useRefusal(form);
  const create = useMutation({
    mutationFn: (body: Schemas['CreateUserDto']) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['users'] });
      setOpen(false);
      form.resetFields();
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
            initialValues={{ email: '', displayName: '', password: '', roles: roles.length === 1 ? roles : [] }}
            onValuesChange={clear}
            onFinish={(values) => create.mutate({ ...values, email: values.email.trim(), displayName: values.displayName.trim() })}
          >
            <Form.Item name="displayName" label={t('name')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
            <Form.Item name="email" label={t('email')} rules={[{ required: true, type: 'email', message: t('emailInvalid') }]}>
              <Input type="email" autoComplete="off" />
            </Form.Item>
            <Form.Item name="password" label={t('password')} extra={t('passwordHelp')} rules={[{ required: true, min: 10, message: t('passwordShort') }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="roles" label={t('roles')} rules={[{ required: true, type: 'array', min: 1, message: t('rolesRequired') }]}>
              <RoleChecks roles={roles} />
            </Form.Item>
          </Form>
        </Space>
      </Modal>
    </>
  );
}

// The API ends a user's sessions when their roles change: saving the same roles must not sign anyone out.
const sameRoles = (a: Role[], b: Role[]): boolean => a.length === b.length && a.every((r) => b.includes(r));

function EditRoles({ user, self, roles, open, onClose }: { user: User; self: boolean; roles: Role[]; open: boolean; onClose: () => void }) {
  const t = useT(messages);
  const queries = useQueryClient();
  const [form] = Form.useForm<{ roles: Role[] }>();
  const { refusal, onError, clear } = useRefusal(form);
  const save = useMutation({
    mutationFn: (next: Role[]) => unwrap(api.PUT('/api/v1/users/{id}/roles', { params: { path: { id: user.id } }, body: { roles: next } })),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError,
  });
  return (
    <Modal
      open={open}
      title={t('editRolesOf', { name: user.displayName })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('save')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {self && <Alert type="warning" showIcon title={t('selfRoles')} />}
        <RefusalAlert refusal={refusal} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ roles: user.roles }}
          onValuesChange={clear}
          onFinish={(values) => (sameRoles(values.roles, user.roles) ? onClose() : save.mutate(values.roles))}
        >
          <Form.Item name="roles" label={t('roles')} rules={[{ required: true, type: 'array', min: 1, message: t('rolesRequired') }]}>
            <RoleChecks roles={roles} />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  );
}

function UserActions({ user, self, rolesFor }: { user: User; self: boolean; rolesFor: (user: User) => Role[] }) {
  const t = useT(messages);
  const sentence = useErrorSentence();
  const queries = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [password, setPassword] = useState<string>();
  const [done, setDone] = useState<string>();
  const refresh = () => queries.invalidateQueries({ queryKey: ['users'] });
  const path = { params: { path: { id: user.id } } };
  const deactivate = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/users/{id}/deactivate', path)), onSuccess: refresh });
  const reactivate = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/users/{id}/reactivate', path)), onSuccess: refresh });
  const reset = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/users/{id}/reset-password', path)), onSuccess: (r) => setPassword(r.password) });
  const unlock = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/users/{id}/unlock', path)),
    onSuccess: () => setDone(t('unlocked', { name: user.displayName })),
  });
  const mutations = [deactivate, reactivate, reset, unlock];
  const error = mutations.find((m) => m.error)?.error;
  // One action's answer at a time: starting another clears the last one's message.
  const run = (m: (typeof mutations)[number]) => {
    mutations.forEach((other) => other.reset());
    setDone(undefined);
    return m.mutateAsync().catch(() => undefined);
  };
  const who = user.displayName;
  // Each button is named with the person it acts on; autoInsertSpace off keeps its visible text ("停用", not "停 用") part of that name.
  return (
    <Space orientation="vertical" size={4}>
      <Space wrap size={4}>
        <Button size="small" autoInsertSpace={false} aria-label={`${t('editRoles')}: ${who}`} onClick={() => setEditing(true)}>
          {t('editRoles')}
        </Button>
        {!self &&
          (user.active ? (
            <Popconfirm
              title={t('deactivateConfirm', { name: who })}
              okText={t('yes')}
              cancelText={t('no')}
              okButtonProps={{ danger: true }}
              onConfirm={() => run(deactivate)}
            >
              <Button size="small" autoInsertSpace={false} danger loading={deactivate.isPending} aria-label={`${t('deactivate')}: ${who}`}>
                {t('deactivate')}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              size="small"
              autoInsertSpace={false}
              loading={reactivate.isPending}
              aria-label={`${t('reactivate')}: ${who}`}
              onClick={() => void run(reactivate)}
            >
              {t('reactivate')}
            </Button>
          ))}
        {!self && (
          <Popconfirm title={t('resetConfirm', { name: who })} okText={t('yes')} cancelText={t('no')} onConfirm={() => run(reset)}>
            <Button size="small" autoInsertSpace={false} loading={reset.isPending} aria-label={`${t('resetPassword')}: ${who}`}>
              {t('resetPassword')}
            </Button>
          </Popconfirm>
        )}
        <Button size="small" autoInsertSpace={false} loading={unlock.isPending} aria-label={`${t('unlock')}: ${who}`} onClick={() => void run(unlock)}>
          {t('unlock')}
        </Button>
      </Space>
      {error && <Alert type="error" role="alert" showIcon title={sentence(error)} style={{ maxWidth: 360 }} />}
      {done && <Alert type="success" role="status" showIcon title={done} style={{ maxWidth: 360 }} />}
      <EditRoles user={user} self={self} roles={rolesFor(user)} open={editing} onClose={() => setEditing(false)} />
      <SecretOnce title={t('newPassword', { name: who })} label={t('passwordLabel')} secret={password} onClose={() => setPassword(undefined)} />
    </Space>
  );
}

function OrganizationFilter({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const [search, setSearch] = useState('');
  const term = search.trim();
  const options = useQuery({
    queryKey: ['organizations', 'pick', term],
    queryFn: () => unwrap(api.GET('/api/v1/organizations', { params: { query: { page: 1, pageSize: 20, q: term.length >= 2 ? term : undefined } } })),
  });
  const selected = useOrganization(value, true);
  const items = [...(options.data?.items ?? [])];
  if (selected.data && !items.some((o) => o.id === selected.data.id)) items.unshift(selected.data);
  return (
    <Select<string | undefined>
      id="users-organization"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      placeholder={t('anyOrganization')}
      notFoundContent={options.isFetching ? '…' : undefined}
      style={{ width: 300, maxWidth: '100%' }}
      value={value}
      onChange={(id) => onChange(id ?? undefined)}
      options={items.map((o) => ({ value: o.id, label: (language === 'en' && o.nameEn) || o.nameZh }))}
    />
  );
}

/**
 * The users of the signed-in administrator's organization (any kind of organization), and for the
 * regulator every organization's, filtered by organization. Members see a note: the API lists users
 * for administrators only.
 */
export function UsersPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const session = useSignedIn();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const regulator = hasRole(session, 'regulator');
  const admin = hasRole(session, ...ADMIN_ROLES);
  const ownKind = session.user.organizationKind;
  const filteredOrg = useOrganization(filters.organizationId, regulator);

  // The roles a user may be given depend on their organization's kind.
  const rolesFor = (user: User): Role[] => {
    if (user.organizationId === session.user.organizationId) return ROLES_BY_KIND[ownKind];
    if (filteredOrg.data && filteredOrg.data.id === user.organizationId) return ROLES_BY_KIND[filteredOrg.data.kind];
    return ALL_ROLES;
  };
  const roleFilterOptions = regulator ? (filteredOrg.data ? ROLES_BY_KIND[filteredOrg.data.kind] : ALL_ROLES) : ROLES_BY_KIND[ownKind];

  const columns: TableColumnsType<User> = [
    { title: t('name'), dataIndex: 'displayName', render: (name: string, u) => (u.id === session.user.id ? `${name}${t('you')}` : name) },
    { title: t('email'), dataIndex: 'email' },
    ...(regulator ? [{ title: t('organization'), key: 'organization', render: (_: unknown, u: User) => <OrganizationName id={u.organizationId} /> }] : []),
    { title: t('roles'), dataIndex: 'roles', render: (roles: Role[]) => roles.map((r) => labelOf(ROLE_LABELS, r, language)).join('、') },
    { title: t('status'), dataIndex: 'active', render: (active: boolean) => <StatusTag family="user" status={active ? 'active' : 'inactive'} /> },
    { title: t('createdAt'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
    { title: t('actions'), key: 'actions', render: (_, u) => <UserActions user={u} self={u.id === session.user.id} rolesFor={rolesFor} /> },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('title')}
      </Typography.Title>
      {!admin ? (
        <Alert type="info" showIcon title={t('adminOnly')} />
      ) : (
        <>
          <Typography.Text type="secondary">{regulator ? t('introRegulator') : t('intro')}</Typography.Text>
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Form layout="inline" style={{ rowGap: 8 }}>
              {regulator && (
                <Form.Item label={t('organization')} htmlFor="users-organization">
                  <OrganizationFilter value={filters.organizationId} onChange={(organizationId) => setFilters({ organizationId, role: undefined })} />
                </Form.Item>
              )}
              <Form.Item label={t('role')} htmlFor="users-role">
                <Select<Role | undefined>
                  id="users-role"
                  allowClear
                  placeholder={t('anyRole')}
                  style={{ width: 200 }}
                  value={(filters.role as Role | undefined) ?? undefined}
                  onChange={(role) => setFilters({ role })}
                  options={roleFilterOptions.map((r) => ({ value: r, label: labelOf(ROLE_LABELS, r, language) }))}
                />
              </Form.Item>
            </Form>
            <CreateUser roles={ROLES_BY_KIND[ownKind]} />
          </Space>
          <PagedTable<User>
            queryKey={['users', filters]}
            fetchPage={(p, size) =>
              unwrap(
                api.GET('/api/v1/users', {
                  params: { query: { page: p, pageSize: size, organizationId: filters.organizationId, role: filters.role as Role | undefined } },
                }),
              )
            }
            page={page}
            pageSize={pageSize}
            onPageChange={setPage}
            columns={columns}
            rowKey="id"
            caption={t('caption')}
            empty={t('empty')}
          />
        </>
      )}
    </Space>
  );
}
