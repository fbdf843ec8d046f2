import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Modal, Popconfirm, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { useSignedIn } from '../../../session/session';
import { formatDateTime } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { DeclarationForm, declarationBody, type DeclarationBody } from './DeclarationForm';
import { ListSearch } from '../../../shared/ListSearch';
import { StatusSelect } from '../../../shared/StatusFilter';

type Declaration = Schemas['SelfDeclarationView'];

const FILTERS = ['status', 'q'] as const;

const messages = defineMessages({
  zh: {
    title: '自我声明公开',
    publish: '发布自我声明',
    nextVersion: '发布新版本',
    withdraw: '撤回',
    withdrawConfirm: '撤回后公众将看到该声明已撤回，确定吗？',
    withdrawn: '已撤回该自我声明',
    published: '已发布',
    status: '状态',
    allStatuses: '全部状态',
    search: '搜索产品名称或型号',
    product: '产品或服务',
    standard: '标准',
    models: '型号',
    version: '版本',
    publishedAt: '发布时间',
    actions: '操作',
    empty: '还没有自我声明',
    newTitle: '发布自我声明',
    versionTitle: '发布新版本：{name}',
    submit: '发布',
    cancel: '取消',
    caption: '本企业的自我声明',
    flags: '与国家标准对比',
    flagCount: '{n} 项提示',
    weaker: '低于国家标准',
    missing: '缺少指标',
  },
  en: {
    title: 'Self-declarations',
    publish: 'Publish a self-declaration',
    nextVersion: 'Publish a new version',
    withdraw: 'Withdraw',
    withdrawConfirm: 'The public will see the declaration as withdrawn. Withdraw it?',
    withdrawn: 'The self-declaration was withdrawn',
    published: 'Published',
    status: 'Status',
    allStatuses: 'All statuses',
    search: 'Search product names or models',
    product: 'Product or service',
    standard: 'Standard',
    models: 'Models',
    version: 'Version',
    publishedAt: 'Published',
    actions: 'Actions',
    empty: 'No self-declarations yet',
    newTitle: 'Publish a self-declaration',
    versionTitle: 'New version of {name}',
    submit: 'Publish',
    cancel: 'Cancel',
    caption: "The enterprise's self-declarations",
    flags: 'Against the national standard',
    flagCount: '{n} flagged',
    weaker: 'weaker than national',
    missing: 'indicator missing',
  },
});

/** Publishing a declaration or its next version: the same form, a different address. */
function PublishDialog({ base, onClose }: { base: Declaration | 'new'; onClose: () => void }) {
  const t = useT(messages);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DeclarationBody>();
  const { refusal, onError, clear } = useRefusal(form);
  const publish = useMutation({
    mutationFn: (body: DeclarationBody) =>
      base === 'new'
        ? unwrap(api.POST('/api/v1/self-declarations', { body }))
        : unwrap(api.POST('/api/v1/self-declarations/{id}/versions', { params: { path: { id: base.id } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['self-declarations'] });
      void message.success(t('published'));
      onClose();
    },
    onError,
  });
  const initial =
    base === 'new'
      ? undefined
      : {
          standardId: base.standard.id,
          productNameZh: base.productNameZh,
          productNameEn: base.productNameEn ?? undefined,
          models: base.models,
          products: base.products.length ? base.products : undefined,
          keyIndicators: base.keyIndicators,
        };
  return (
    <Modal
      open
      width={760}
      title={base === 'new' ? t('newTitle') : t('versionTitle', { name: base.productNameZh })}
      okText={t('submit')}
      cancelText={t('cancel')}
      confirmLoading={publish.isPending}
      onCancel={onClose}
      onOk={() => {
        clear();
        form.validateFields().then(
          (values) => publish.mutate(declarationBody(values)),
          () => undefined,
        );
      }}
      destroyOnHidden
    >
      <RefusalAlert refusal={refusal} />
      <DeclarationForm form={form} initial={initial} />
    </Modal>
  );
}

function WithdrawButton({ declaration }: { declaration: Declaration }) {
  const t = useT(messages);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { refusal, onError } = useRefusal();
  const withdraw = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/self-declarations/{id}/withdraw', { params: { path: { id: declaration.id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['self-declarations'] });
      void message.success(t('withdrawn'));
    },
    onError,
  });
  return (
    <>
      <Popconfirm title={t('withdrawConfirm')} onConfirm={() => withdraw.mutate()} okText={t('withdraw')} cancelText={t('cancel')}>
        <Button
          danger
          size="small"
          autoInsertSpace={false}
          loading={withdraw.isPending}
          aria-label={`${t('withdraw')} ${declaration.productNameZh} v${declaration.version}`}
        >
          {t('withdraw')}
        </Button>
      </Popconfirm>
      <RefusalAlert refusal={refusal} />
    </>
  );
}

export default function DeclarationsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const session = useSignedIn();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const [dialog, setDialog] = useState<Declaration | 'new' | null>(null);
  const enterpriseId = session.user.organizationId;

  const columns: TableColumnsType<Declaration> = [
    {
      title: t('product'),
      key: 'product',
      render: (_, d) => (language === 'en' && d.productNameEn ? d.productNameEn : d.productNameZh),
    },
    { title: t('standard'), key: 'standard', render: (_, d) => `${d.standard.code}-${d.standard.version}` },
    { title: t('models'), key: 'models', render: (_, d) => d.models.join(', ') || '—' },
    {
      title: t('flags'),
      key: 'flags',
      // The 2024 rules' flags, computed at publication: shown, not hidden, so the enterprise can correct them in a new version.
      render: (_, d) =>
        d.flags.length ? (
          <Tooltip title={d.flags.map((f) => `${f.standardCode} ${f.clause} ${f.requirement}${f.bound ? ` (${f.bound})` : ''}: ${t(f.kind)}`).join('；')}>
            <Tag color="warning">{t('flagCount', { n: d.flags.length })}</Tag>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    { title: t('version'), dataIndex: 'version', key: 'version' },
    { title: t('status'), key: 'status', render: (_, d) => <StatusTag family="declaration" status={d.status} /> },
    { title: t('publishedAt'), key: 'publishedAt', render: (_, d) => formatDateTime(d.publishedAt) },
    {
      title: t('actions'),
      key: 'actions',
      render: (_, d) =>
        d.status === 'published' && (
          <Space wrap>
            <Button size="small" autoInsertSpace={false} onClick={() => setDialog(d)} aria-label={`${t('nextVersion')} ${d.productNameZh} v${d.version}`}>
              {t('nextVersion')}
            </Button>
            <WithdrawButton declaration={d} />
          </Space>
        ),
    },
  ];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t('title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('new')}>
          {t('publish')}
        </Button>
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <StatusSelect
          family="declaration"
          label={t('status')}
          placeholder={t('allStatuses')}
          value={filters.status}
          onChange={(status) => setFilters({ status })}
          width={180}
        />
        <ListSearch label={t('search')} value={filters.q} onSearch={(q) => setFilters({ q })} />
      </Space>
      <PagedTable<Declaration>
        queryKey={['self-declarations', enterpriseId, filters]}
        fetchPage={(p, size) =>
          unwrap(
            api.GET('/api/v1/self-declarations', {
              params: {
                query: {
                  enterpriseId,
                  page: p,
                  pageSize: size,
                  status: filters.status as Declaration['status'] | undefined,
                  q: filters.q,
                },
              },
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
      {dialog && <PublishDialog base={dialog} onClose={() => setDialog(null)} />}
    </>
  );
}
