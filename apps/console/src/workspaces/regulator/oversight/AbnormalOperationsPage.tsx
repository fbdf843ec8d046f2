import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { ABNORMAL_REASON_LABELS, labelOf, STATUS_LABELS } from '../../../i18n/labels';
import { ListingDecisionFields, ListingDecisionText } from '../../../shared/credit/ListingDecision';
import { formatDateTime } from '../../../shared/dates';
import { FormModal } from '../../../shared/FormModal';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { nameIn } from '../common';
import { OrganizationSelect } from './OrganizationSelect';
import { RemoveListingDialog } from './RemoveListingDialog';
import { ListSearch } from '../../../shared/ListSearch';
import { PageTitle } from '../../../shared/PageTitle';

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
    removedAt: '移出时间',
    actions: '操作',
    remove: '移出',
    removeOf: '将 {name} 移出名录',
    search: '搜索企业名称或信用代码',
    save: '列入',
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
    removedAt: 'Removed',
    actions: 'Actions',
    remove: 'Remove',
    removeOf: 'Remove {name} from the list',
    search: 'Search enterprise name or credit code',
    save: 'Put on the list',
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
      <PageTitle title={t('title')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setListing(true)}>
          {t('list')}
        </Button>
      </PageTitle>
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
        <ListSearch label={t('search')} value={filters.q} onSearch={(q) => setFilters({ q })} />
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
      {removing && (
        <RemoveListingDialog
          title={t('removeOf', { name: nameIn(language, removing.enterprise.nameZh, removing.enterprise.nameEn) })}
          send={(body) => unwrap(api.POST('/api/v1/abnormal-operations/{id}/remove', { params: { path: { id: removing.id } }, body }))}
          refresh={['abnormal-operations', 'worklist']}
          onClose={() => setRemoving(null)}
        />
      )}
    </>
  );
}

function ListEnterprise({ onClose }: { onClose: () => void }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const required = [{ required: true, message: t('required') }];
  return (
    <FormModal<Schemas['ListEnterpriseDto']>
      title={t('list')}
      okText={t('save')}
      refresh={['abnormal-operations', 'worklist']}
      send={(body) => unwrap(api.POST('/api/v1/abnormal-operations', { body }))}
      onClose={onClose}
    >
      <Form.Item name="enterpriseId" label={t('enterprise')} rules={required}>
        <OrganizationSelect kind="enterprise" />
      </Form.Item>
      <Form.Item name="reasonCode" label={t('reasonCode')} rules={required}>
        <Select options={Object.entries(ABNORMAL_REASON_LABELS).map(([value, label]) => ({ value, label: label[language] }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('reason')} rules={required}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <ListingDecisionFields />
    </FormModal>
  );
}
