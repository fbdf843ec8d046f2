import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { labelOf, ORGANIZATION_KIND_LABELS } from '../../../i18n/labels';
import { PagedTable } from '../../../shared/PagedTable';
import { formatDate } from '../../../shared/dates';
import { useListParams } from '../../../shared/url-state';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { ListSearch } from '../../../shared/ListSearch';
import { PageTitle } from '../../../shared/PageTitle';

const messages = defineMessages({
  zh: {
    title: '机构',
    kind: '机构类型',
    allKinds: '全部类型',
    search: '搜索名称或统一社会信用代码',
    register: '登记机构',
    name: '名称',
    creditCode: '统一社会信用代码',
    createdAt: '登记日期',
    nameZh: '中文名称',
    nameEn: '英文名称',
    address: '地址',
    contactName: '联系人',
    contactPhone: '联系电话',
    contactEmail: '联系邮箱',
    save: '登记',
    cancel: '取消',
    required: '请填写此项',
    caption: '登记在平台上的机构',
  },
  en: {
    title: 'Organizations',
    kind: 'Kind',
    allKinds: 'All kinds',
    search: 'Search name or credit code',
    register: 'Register an organization',
    name: 'Name',
    creditCode: 'Unified social credit code',
    createdAt: 'Registered on',
    nameZh: 'Name (Chinese)',
    nameEn: 'Name (English)',
    address: 'Address',
    contactName: 'Contact person',
    contactPhone: 'Contact phone',
    contactEmail: 'Contact email',
    save: 'Register',
    cancel: 'Cancel',
    required: 'Please fill this in',
    caption: 'Organizations registered on the platform',
  },
});

const FILTERS = ['kind', 'q'] as const;
type Kind = Schemas['OrganizationView']['kind'];
const KINDS: Kind[] = ['enterprise', 'certification_body', 'regulator', 'association'];

export default function OrganizationsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const [open, setOpen] = useState(false);
  const kindOptions = KINDS.map((k) => ({ value: k, label: labelOf(ORGANIZATION_KIND_LABELS, k, language) }));
  return (
    <>
      <PageTitle title={t('title')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {t('register')}
        </Button>
      </PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('kind')}
          style={{ width: 180 }}
          allowClear
          placeholder={t('allKinds')}
          value={filters.kind}
          options={kindOptions}
          onChange={(kind?: string) => setFilters({ kind })}
        />
        <ListSearch label={t('search')} value={filters.q} onSearch={(q) => setFilters({ q })} width={300} />
      </Space>
      <PagedTable<Schemas['OrganizationView']>
        queryKey={['organizations', filters]}
        fetchPage={(p, size) =>
          unwrap(api.GET('/api/v1/organizations', { params: { query: { page: p, pageSize: size, kind: filters.kind as Kind | undefined, q: filters.q } } }))
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        caption={t('caption')}
        columns={[
          {
            title: t('name'),
            key: 'name',
            render: (_, o) => <Link to={`/organizations/${o.id}`}>{language === 'en' && o.nameEn ? o.nameEn : o.nameZh}</Link>,
          },
          { title: t('kind'), dataIndex: 'kind', render: (k: string) => labelOf(ORGANIZATION_KIND_LABELS, k, language) },
          { title: t('creditCode'), dataIndex: 'creditCode' },
          { title: t('createdAt'), dataIndex: 'createdAt', render: (d: string) => formatDate(d) },
        ]}
      />
      {open && <RegisterOrganization kindOptions={kindOptions} onClose={() => setOpen(false)} />}
    </>
  );
}

function RegisterOrganization({ kindOptions, onClose }: { kindOptions: { value: Kind; label: string }[]; onClose: () => void }) {
  const t = useT(messages);
  const [form] = Form.useForm<Schemas['CreateOrganizationDto']>();
  const refusal = useRefusal(form);
  const client = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (body: Schemas['CreateOrganizationDto']) => unwrap(api.POST('/api/v1/organizations', { body })),
    onSuccess: (org) => {
      void client.invalidateQueries({ queryKey: ['organizations'] });
      onClose();
      void navigate(`/organizations/${org.id}`);
    },
    onError: refusal.onError,
  });
  const required = [{ required: true, message: t('required') }];
  // Empty optional fields are left out: the API checks what is sent.
  const submit = (values: Schemas['CreateOrganizationDto']) => {
    refusal.clear();
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as Schemas['CreateOrganizationDto'];
    create.mutate(body);
  };
  return (
    <Modal
      open
      title={t('register')}
      onCancel={onClose}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      width={640}
    >
      <RefusalAlert refusal={refusal.refusal} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'enterprise' }}>
        <Form.Item name="kind" label={t('kind')} rules={required}>
          <Select options={kindOptions} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('nameZh')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('nameEn')}>
          <Input />
        </Form.Item>
        <Form.Item name="creditCode" label={t('creditCode')} rules={required}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="address" label={t('address')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="contactName" label={t('contactName')}>
          <Input />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('contactPhone')}>
          <Input />
        </Form.Item>
        <Form.Item name="contactEmail" label={t('contactEmail')}>
          <Input type="email" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
