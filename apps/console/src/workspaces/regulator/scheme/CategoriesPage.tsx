import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';
import { PagedTable } from '../../../shared/PagedTable';
import { useListParams } from '../../../shared/url-state';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { PageTitle } from '../../../shared/PageTitle';

const messages = defineMessages({
  zh: {
    title: '认证类别',
    add: '新增类别',
    edit: '修改',
    editTitle: '修改类别 {code}',
    code: '类别代码',
    nameZh: '中文名称',
    nameEn: '英文名称',
    pilot: '试点',
    active: '启用',
    state: '状态',
    actions: '操作',
    yes: '是',
    no: '否',
    open: '启用中',
    closed: '已关闭',
    pilotFilter: '是否试点',
    activeFilter: '是否启用',
    any: '全部',
    save: '保存',
    cancel: '取消',
    required: '请填写此项',
    caption: '认证类别',
    activeHelp: '关闭后不能再为该类别受理新的申请',
  },
  en: {
    title: 'Categories',
    add: 'Add a category',
    edit: 'Edit',
    editTitle: 'Edit category {code}',
    code: 'Code',
    nameZh: 'Name (Chinese)',
    nameEn: 'Name (English)',
    pilot: 'Pilot',
    active: 'Open',
    state: 'State',
    actions: 'Actions',
    yes: 'Yes',
    no: 'No',
    open: 'Open',
    closed: 'Closed',
    pilotFilter: 'Pilot?',
    activeFilter: 'Open?',
    any: 'All',
    save: 'Save',
    cancel: 'Cancel',
    required: 'Please fill this in',
    caption: 'Certification categories',
    activeHelp: 'A closed category takes no new applications',
  },
});

const FILTERS = ['pilot', 'active'] as const;
type Category = Schemas['CategoryView'];

export default function CategoriesPage() {
  const t = useT(messages);
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const yesNo = [
    { value: 'true', label: t('yes') },
    { value: 'false', label: t('no') },
  ];
  return (
    <>
      <PageTitle title={t('title')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('add')}
        </Button>
      </PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('pilotFilter')}
          placeholder={t('pilotFilter')}
          allowClear
          style={{ width: 140 }}
          value={filters.pilot}
          options={yesNo}
          onChange={(pilot?: string) => setFilters({ pilot })}
        />
        <Select
          aria-label={t('activeFilter')}
          placeholder={t('activeFilter')}
          allowClear
          style={{ width: 140 }}
          value={filters.active}
          options={yesNo}
          onChange={(active?: string) => setFilters({ active })}
        />
      </Space>
      <PagedTable<Category>
        queryKey={['categories', filters]}
        fetchPage={(p, size) =>
          unwrap(
            api.GET('/api/v1/categories', {
              params: {
                query: {
                  page: p,
                  pageSize: size,
                  pilot: filters.pilot === undefined ? undefined : filters.pilot === 'true',
                  active: filters.active === undefined ? undefined : filters.active === 'true',
                },
              },
            }),
          )
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="code"
        caption={t('caption')}
        columns={[
          { title: t('code'), dataIndex: 'code' },
          { title: t('nameZh'), dataIndex: 'nameZh' },
          { title: t('nameEn'), dataIndex: 'nameEn' },
          { title: t('pilot'), dataIndex: 'pilot', render: (p: boolean) => (p ? <Tag color="blue">{t('pilot')}</Tag> : t('no')) },
          { title: t('state'), dataIndex: 'active', render: (a: boolean) => <Tag color={a ? 'success' : 'default'}>{a ? t('open') : t('closed')}</Tag> },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, c) => (
              <Button size="small" autoInsertSpace={false} onClick={() => setEditing(c)} aria-label={`${t('edit')} ${c.code}`}>
                {t('edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <CategoryForm category={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function CategoryForm({ category, onClose }: { category: Category | null; onClose: () => void }) {
  const t = useT(messages);
  const [form] = Form.useForm<Schemas['CreateCategoryDto'] & { active?: boolean }>();
  const refusal = useRefusal(form);
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (values: Schemas['CreateCategoryDto'] & { active?: boolean }) =>
      category
        ? unwrap(
            api.PATCH('/api/v1/categories/{code}', {
              params: { path: { code: category.code } },
              body: { nameZh: values.nameZh, nameEn: values.nameEn, pilot: values.pilot, active: values.active },
            }),
          )
        : unwrap(api.POST('/api/v1/categories', { body: { code: values.code, nameZh: values.nameZh, nameEn: values.nameEn, pilot: values.pilot } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['categories'] });
      onClose();
    },
    onError: refusal.onError,
  });
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal
      open
      title={category ? t('editTitle', { code: category.code }) : t('add')}
      onCancel={onClose}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
    >
      <RefusalAlert refusal={refusal.refusal} />
      <Form
        form={form}
        layout="vertical"
        initialValues={category ?? { pilot: false, active: true }}
        onFinish={(values) => {
          refusal.clear();
          save.mutate(values);
        }}
      >
        {!category && (
          <Form.Item name="code" label={t('code')} rules={required}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="nameZh" label={t('nameZh')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('nameEn')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="pilot" label={t('pilot')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {category && (
          <Form.Item name="active" label={t('active')} valuePropName="checked" extra={t('activeHelp')}>
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
