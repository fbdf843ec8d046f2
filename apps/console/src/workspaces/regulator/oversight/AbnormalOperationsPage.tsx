import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { ABNORMAL_REASON_LABELS, labelOf, STATUS_LABELS } from '../../../i18n/labels';
import { ListingDecisionFields, ListingDecisionText } from '../../../shared/credit/ListingDecision';
import { formatDateTime } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { nameIn } from '../common';

const messages = defineMessages({
  zh: {
    title: '经营异常名录',
    list: '列入名录',
    enterprise: '企业',
    creditCode: '统一社会信用代码',
    reason: '列入原因',
    reasonCode: '法定列入事由',
    decision: '列入决定',
    listedAt: '列入时间',
    status: '状态',
    removed: '移出',
    removedReason: '移出原因',
    removedAt: '移出时间',
    actions: '操作',
    remove: '移出',
    removeOf: '将 {name} 移出名录',
    search: '搜索企业名称或信用代码',
    searchEnterprise: '输入企业名称或信用代码查找',
    save: '列入',
    cancel: '取消',
    required: '请填写此项',
    caption: '列入经营异常名录的企业（在列期间不能申请认证）',
  },
  en: {
    title: 'Abnormal operations',
    list: 'Put an enterprise on the list',
    enterprise: 'Enterprise',
    creditCode: 'Credit code',
    reason: 'Reason',
    reasonCode: 'Legal reason',
    decision: 'Listing decision',
    listedAt: 'Listed',
    status: 'Status',
    removed: 'Removal',
    removedReason: 'Reason for removal',
    removedAt: 'Removed',
    actions: 'Actions',
    remove: 'Remove',
    removeOf: 'Remove {name} from the list',
    search: 'Search enterprise name or credit code',
    searchEnterprise: 'Type a name or credit code to find the enterprise',
    save: 'Put on the list',
    cancel: 'Cancel',
    required: 'Please fill this in',
    caption: 'Enterprises on the abnormal-operations list (they cannot apply while listed)',
  },
});

const FILTERS = ['status', 'q'] as const;
type Listing = Schemas['ListingView'];

export default function AbnormalOperationsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const [listing, setListing] = useState(false);
  const [removing, setRemoving] = useState<Listing | null>(null);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t('title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setListing(true)}>
          {t('list')}
        </Button>
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('status')}
          placeholder={t('status')}
          style={{ width: 140 }}
          // The API lists the enterprises on the list unless asked for the removed ones.
          value={filters.status ?? 'listed'}
          options={Object.keys(STATUS_LABELS.listing).map((s) => ({ value: s, label: labelOf(STATUS_LABELS.listing, s, language) }))}
          onChange={(status: string) => setFilters({ status: status === 'listed' ? undefined : status })}
        />
        <Input.Search
          aria-label={t('search')}
          placeholder={t('search')}
          allowClear
          key={filters.q ?? ''}
          defaultValue={filters.q}
          style={{ width: 280 }}
          onSearch={(q) => setFilters({ q: q.trim() })}
        />
      </Space>
      <PagedTable<Listing>
        queryKey={['abnormal-operations', filters]}
        fetchPage={(p, size) =>
          unwrap(
            api.GET('/api/v1/abnormal-operations', {
              params: { query: { page: p, pageSize: size, status: filters.status as Listing['status'] | undefined, q: filters.q } },
            }),
          )
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        caption={t('caption')}
        columns={[
          {
            title: t('enterprise'),
            key: 'enterprise',
            render: (_, l) => <Link to={`/organizations/${l.enterprise.id}`}>{nameIn(language, l.enterprise.nameZh, l.enterprise.nameEn)}</Link>,
          },
          { title: t('creditCode'), key: 'creditCode', render: (_, l) => l.enterprise.creditCode },
          {
            title: t('reason'),
            key: 'reason',
            render: (_, l) => (
              <>
                {l.reasonCode && <Typography.Text strong>{labelOf(ABNORMAL_REASON_LABELS, l.reasonCode, language)}</Typography.Text>}
                <div>{l.reason}</div>
              </>
            ),
          },
          { title: t('decision'), key: 'decision', render: (_, l) => <ListingDecisionText decision={l.decision} /> },
          { title: t('listedAt'), dataIndex: 'listedAt', render: (d: string) => formatDateTime(d) },
          { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="listing" status={s} /> },
          {
            title: t('removed'),
            key: 'removed',
            render: (_, l) => (l.removedAt ? `${formatDateTime(l.removedAt)} · ${l.removedReason ?? ''}` : '—'),
          },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, l) =>
              l.status === 'listed' && (
                <Button
                  size="small"
                  autoInsertSpace={false}
                  aria-label={t('removeOf', { name: nameIn(language, l.enterprise.nameZh, l.enterprise.nameEn) })}
                  onClick={() => setRemoving(l)}
                >
                  {t('remove')}
                </Button>
              ),
          },
        ]}
      />
      {listing && <ListEnterprise onClose={() => setListing(false)} />}
      {removing && <RemoveListing listing={removing} onClose={() => setRemoving(null)} />}
    </>
  );
}

function ListEnterprise({ onClose }: { onClose: () => void }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const [form] = Form.useForm<Schemas['ListEnterpriseDto']>();
  const refusal = useRefusal(form);
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  // Enterprises are many: they are looked up by what is typed, never loaded whole.
  const enterprises = useQuery({
    queryKey: ['organizations', { kind: 'enterprise', q: search }, 'options'],
    queryFn: () => unwrap(api.GET('/api/v1/organizations', { params: { query: { kind: 'enterprise', q: search || undefined, page: 1, pageSize: 20 } } })),
  });
  const create = useMutation({
    mutationFn: (body: Schemas['ListEnterpriseDto']) => unwrap(api.POST('/api/v1/abnormal-operations', { body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['abnormal-operations'] });
      void client.invalidateQueries({ queryKey: ['worklist'] });
      onClose();
    },
    onError: refusal.onError,
  });
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal open title={t('list')} onCancel={onClose} okText={t('save')} cancelText={t('cancel')} confirmLoading={create.isPending} onOk={() => form.submit()}>
      <RefusalAlert refusal={refusal.refusal} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          refusal.clear();
          create.mutate(v);
        }}
      >
        <Form.Item name="enterpriseId" label={t('enterprise')} rules={required}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('searchEnterprise')}
            loading={enterprises.isFetching}
            options={(enterprises.data?.items ?? []).map((o) => ({ value: o.id, label: `${nameIn(language, o.nameZh, o.nameEn)} (${o.creditCode})` }))}
          />
        </Form.Item>
        <Form.Item name="reasonCode" label={t('reasonCode')} rules={required}>
          <Select options={Object.entries(ABNORMAL_REASON_LABELS).map(([value, label]) => ({ value, label: label[language] }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('reason')} rules={required}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <ListingDecisionFields />
      </Form>
    </Modal>
  );
}

function RemoveListing({ listing, onClose }: { listing: Listing; onClose: () => void }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const [form] = Form.useForm<Schemas['RemovalDto']>();
  const refusal = useRefusal(form);
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (body: Schemas['RemovalDto']) => unwrap(api.POST('/api/v1/abnormal-operations/{id}/remove', { params: { path: { id: listing.id } }, body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['abnormal-operations'] });
      void client.invalidateQueries({ queryKey: ['worklist'] });
      onClose();
    },
    onError: refusal.onError,
  });
  return (
    <Modal
      open
      title={t('removeOf', { name: nameIn(language, listing.enterprise.nameZh, listing.enterprise.nameEn) })}
      onCancel={onClose}
      okText={t('remove')}
      cancelText={t('cancel')}
      confirmLoading={remove.isPending}
      onOk={() => form.submit()}
    >
      <RefusalAlert refusal={refusal.refusal} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          refusal.clear();
          remove.mutate(v);
        }}
      >
        <Form.Item name="reason" label={t('removedReason')} rules={[{ required: true, message: t('required') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
