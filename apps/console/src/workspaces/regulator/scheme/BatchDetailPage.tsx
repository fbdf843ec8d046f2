import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Form, Input, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { ENTRY_KIND_LABELS, labelOf } from '../../../i18n/labels';
import { ClampedText } from '../../../shared/ClampedText';
import { formatDateTime } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { QueryState } from '../../../shared/states';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { ActionAlert, RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { nameIn } from '../common';
import { useCategoryOptions } from '../oversight/useOptions';

const messages = defineMessages({
  zh: {
    back: '返回目录批次',
    batch: '目录批次 {number}',
    status: '状态',
    titleCol: '批次名称',
    entryCount: '条目数',
    publishedAt: '发布时间',
    publish: '发布批次',
    publishConfirm: '发布后条目即对企业开放申请，批次不能再添加条目。确认发布？',
    ok: '确认',
    cancel: '取消',
    entries: '目录条目',
    entriesCaption: '本批次的产品和服务',
    addEntry: '添加条目',
    name: '名称',
    nameZh: '中文名称',
    nameEn: '英文名称',
    kind: '类型',
    category: '类别',
    standards: '依据标准',
    evaluationRules: '评价规则',
    actions: '操作',
    close: '关闭',
    reopen: '重新开放',
    closeEntry: '关闭条目 {name}',
    reopenEntry: '重新开放条目 {name}',
    save: '添加',
    required: '请填写此项',
    noEntries: '本批次还没有条目',
  },
  en: {
    back: 'Back to catalogue batches',
    batch: 'Catalogue batch {number}',
    status: 'Status',
    titleCol: 'Title',
    entryCount: 'Entries',
    publishedAt: 'Published',
    publish: 'Publish the batch',
    publishConfirm: 'Once published, enterprises may apply for its entries and no entry can be added. Publish?',
    ok: 'Confirm',
    cancel: 'Cancel',
    entries: 'Entries',
    entriesCaption: 'Products and services of this batch',
    addEntry: 'Add an entry',
    name: 'Name',
    nameZh: 'Name (Chinese)',
    nameEn: 'Name (English)',
    kind: 'Kind',
    category: 'Category',
    standards: 'Standards',
    evaluationRules: 'Evaluation rules',
    actions: 'Actions',
    close: 'Close',
    reopen: 'Reopen',
    closeEntry: 'Close entry {name}',
    reopenEntry: 'Reopen entry {name}',
    save: 'Add',
    required: 'Please fill this in',
    noEntries: 'No entries in this batch yet',
  },
});

const NO_FILTERS = [] as const;
type Entry = Schemas['EntryView'];

export default function BatchDetailPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const { page, pageSize, setPage } = useListParams(NO_FILTERS);
  const client = useQueryClient();
  const [adding, setAdding] = useState(false);
  // A group standard's screen sends the regulator here with the standard to add (?addStandard=<standard id>).
  const [params, setParams] = useSearchParams();
  const addStandard = params.get('addStandard') ?? undefined;
  const closeAdding = () => {
    setAdding(false);
    if (addStandard)
      setParams((current) => {
        const out = new URLSearchParams(current);
        out.delete('addStandard');
        return out;
      });
  };
  const query = useQuery({
    queryKey: ['catalogue', 'batches', id],
    queryFn: () => unwrap(api.GET('/api/v1/catalogue/batches/{id}', { params: { path: { id } } })),
  });
  const invalidate = () => {
    void client.invalidateQueries({ queryKey: ['catalogue'] });
    void client.invalidateQueries({ queryKey: ['worklist'] });
  };
  const publish = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/catalogue/batches/{id}/publish', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
  const entryChange = useMutation({
    mutationFn: ({ entryId, action }: { entryId: string; action: 'close' | 'reopen' }) =>
      action === 'close'
        ? unwrap(api.POST('/api/v1/catalogue/entries/{id}/close', { params: { path: { id: entryId } } }))
        : unwrap(api.POST('/api/v1/catalogue/entries/{id}/reopen', { params: { path: { id: entryId } } })),
    onSuccess: invalidate,
  });
  return (
    <QueryState query={query}>
      {(batch) => (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Link to="/catalogue">{t('back')}</Link>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {t('batch', { number: batch.number })}
          </Typography.Title>
          <ActionAlert error={publish.error} />
          {batch.status === 'draft' && (
            <Space wrap>
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('addEntry')}
              </Button>
              <Popconfirm title={t('publishConfirm')} okText={t('ok')} cancelText={t('cancel')} onConfirm={() => publish.mutate()}>
                <Button type="primary" loading={publish.isPending}>
                  {t('publish')}
                </Button>
              </Popconfirm>
            </Space>
          )}
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('titleCol')}>{nameIn(language, batch.titleZh, batch.titleEn)}</Descriptions.Item>
            <Descriptions.Item label={t('status')}>
              <StatusTag family="catalogueBatch" status={batch.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('entryCount')}>{batch.entryCount}</Descriptions.Item>
            <Descriptions.Item label={t('publishedAt')}>{formatDateTime(batch.publishedAt)}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t('entries')}
            </Typography.Title>
            <ActionAlert error={entryChange.error} />
            <PagedTable<Entry>
              queryKey={['catalogue', 'entries', { batchId: id }]}
              fetchPage={(p, size) => unwrap(api.GET('/api/v1/catalogue/entries', { params: { query: { batchId: id, page: p, pageSize: size } } }))}
              page={page}
              pageSize={pageSize}
              onPageChange={setPage}
              rowKey="id"
              caption={t('entriesCaption')}
              empty={t('noEntries')}
              columns={[
                { title: t('name'), key: 'name', render: (_, e) => nameIn(language, e.nameZh, e.nameEn) },
                { title: t('kind'), dataIndex: 'kind', render: (k: string) => labelOf(ENTRY_KIND_LABELS, k, language) },
                { title: t('category'), dataIndex: 'categoryCode' },
                {
                  title: t('standards'),
                  dataIndex: 'standards',
                  render: (list: Entry['standards']) => list.map((s) => `${s.code}-${s.version}`).join(', '),
                },
                {
                  title: t('evaluationRules'),
                  dataIndex: 'evaluationRules',
                  render: (rules: string) => <ClampedText text={rules} />,
                },
                { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="catalogueEntry" status={s} /> },
                {
                  title: t('actions'),
                  key: 'actions',
                  render: (_, e) => {
                    const name = nameIn(language, e.nameZh, e.nameEn);
                    const action = e.status === 'open' ? 'close' : 'reopen';
                    return (
                      <Button
                        size="small"
                        autoInsertSpace={false}
                        danger={action === 'close'}
                        aria-label={action === 'close' ? t('closeEntry', { name }) : t('reopenEntry', { name })}
                        loading={entryChange.isPending && entryChange.variables.entryId === e.id}
                        onClick={() => entryChange.mutate({ entryId: e.id, action })}
                      >
                        {t(action)}
                      </Button>
                    );
                  },
                },
              ]}
            />
          </div>
          {(adding || (addStandard && batch.status === 'draft')) && (
            <AddEntry batchId={id} standardId={addStandard} onClose={closeAdding} onAdded={invalidate} />
          )}
        </Space>
      )}
    </QueryState>
  );
}

/** The entry form; `standardId` comes chosen (with its category when it has one only), as a group standard's screen asks. */
function AddEntry({ batchId, standardId, onClose, onAdded }: { batchId: string; standardId?: string; onClose: () => void; onAdded: () => void }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const [form] = Form.useForm<Schemas['CreateEntryDto']>();
  const refusal = useRefusal(form);
  const categoryCode = Form.useWatch('categoryCode', form);
  const [search, setSearch] = useState('');
  const term = search.trim();
  const chosen = useQuery({
    queryKey: ['standards', standardId],
    queryFn: () => unwrap(api.GET('/api/v1/standards/{id}', { params: { path: { id: standardId! } } })),
    enabled: Boolean(standardId),
  });
  useEffect(() => {
    if (!chosen.data) return;
    const only = chosen.data.categoryCodes.length === 1 ? { categoryCode: chosen.data.categoryCodes[0] } : {};
    form.setFieldsValue({ standardIds: [chosen.data.id], ...only });
  }, [chosen.data, form]);
  const categories = useCategoryOptions({ active: true });
  // Searched on the server: a category can have more current standards than one page of options.
  const standards = useQuery({
    queryKey: ['standards', { status: 'current', categoryCode, q: term }, 'options'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/standards', {
          params: { query: { page: 1, pageSize: 100, status: 'current', categoryCode: categoryCode || undefined, q: term || undefined } },
        }),
      ),
  });
  const standardOptions = [...(standards.data?.items ?? [])];
  if (chosen.data && !standardOptions.some((s) => s.id === chosen.data.id)) standardOptions.unshift(chosen.data);
  const add = useMutation({
    mutationFn: (body: Schemas['CreateEntryDto']) => unwrap(api.POST('/api/v1/catalogue/batches/{id}/entries', { params: { path: { id: batchId } }, body })),
    onSuccess: () => {
      onAdded();
      onClose();
    },
    onError: refusal.onError,
  });
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal
      open
      title={t('addEntry')}
      onCancel={onClose}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      width={640}
    >
      <RefusalAlert refusal={refusal.refusal} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'product', standardIds: [] }}
        onFinish={(values) => {
          refusal.clear();
          add.mutate(values.nameEn ? values : { ...values, nameEn: undefined });
        }}
      >
        <Form.Item name="categoryCode" label={t('category')} rules={required}>
          <Select loading={categories.loading} showSearch={{ optionFilterProp: 'label' }} options={categories.options} />
        </Form.Item>
        <Form.Item name="kind" label={t('kind')} rules={required}>
          <Select options={Object.keys(ENTRY_KIND_LABELS).map((k) => ({ value: k, label: labelOf(ENTRY_KIND_LABELS, k, language) }))} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('nameZh')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('nameEn')}>
          <Input />
        </Form.Item>
        <Form.Item name="standardIds" label={t('standards')} rules={required}>
          <Select
            mode="multiple"
            loading={standards.isPending}
            showSearch={{ filterOption: false, onSearch: setSearch }}
            options={standardOptions.map((s) => ({ value: s.id, label: `${s.code}-${s.version} ${nameIn(language, s.titleZh, s.titleEn)}` }))}
          />
        </Form.Item>
        <Form.Item name="evaluationRules" label={t('evaluationRules')} rules={required}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
