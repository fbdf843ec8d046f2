import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { labelOf, STATUS_LABELS } from '../../../i18n/labels';
import { ListingDecisionFields, ListingDecisionText } from '../../../shared/credit/ListingDecision';
import { formatDateTime } from '../../../shared/dates';
import { FormModal } from '../../../shared/FormModal';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { nameIn } from '../common';
import { OrganizationSelect } from './OrganizationSelect';
import { RemoveListingDialog } from './RemoveListingDialog';
import { PageTitle } from '../../../shared/PageTitle';

const messages = defineMessages({
  zh: {
    title: '严重违法失信名单',
    add: '列入名单',
    enterprise: '企业',
    reason: '严重违法失信事实',
    decision: '列入决定',
    listedAt: '列入时间',
    status: '状态',
    creditActions: '信用处置（未完成/全部）',
    removed: '移出',
    actions: '操作',
    remove: '移出',
    removeOf: '将 {name} 移出名单',
    required: '请填写此项',
    caption: '列入严重违法失信名单的企业：不得申请认证，其有效证书交认证机构在 5 个工作日内处置',
  },
  en: {
    title: 'Serious-violation list',
    add: 'Put an enterprise on the list',
    enterprise: 'Enterprise',
    reason: 'The serious violation',
    decision: 'Listing decision',
    listedAt: 'Listed',
    status: 'Status',
    creditActions: 'Credit actions (open/all)',
    removed: 'Removal',
    actions: 'Actions',
    remove: 'Remove',
    removeOf: 'Remove {name} from the list',
    required: 'Please fill this in',
    caption: 'Enterprises on the serious-violation list: they cannot apply, and their bodies act on their valid certificates within 5 working days',
  },
});

const FILTERS = ['status'] as const;
type Listing = Schemas['SeriousListingView'];

export default function SeriousViolationsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Listing | null>(null);
  const status = filters.status === 'removed' ? 'removed' : filters.status === 'all' ? undefined : 'listed';
  return (
    <>
      <PageTitle title={t('title')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('add')}
        </Button>
      </PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('status')}
          style={{ width: 140 }}
          value={status ?? 'listed'}
          options={Object.keys(STATUS_LABELS.listing).map((s) => ({ value: s, label: labelOf(STATUS_LABELS.listing, s, language) }))}
          onChange={(s: string) => setFilters({ status: s === 'listed' ? undefined : s })}
        />
      </Space>
      <PagedTable<Listing>
        queryKey={['serious-violations', status]}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/serious-violations', { params: { query: { page: p, pageSize: size, status } } }))}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        caption={t('caption')}
        columns={[
          {
            title: t('enterprise'),
            key: 'enterprise',
            render: (_, l) => (
              <>
                <Link to={`/organizations/${l.enterprise.id}`}>{nameIn(language, l.enterprise.nameZh, l.enterprise.nameEn)}</Link>
                <div>{l.enterprise.creditCode}</div>
              </>
            ),
          },
          { title: t('reason'), dataIndex: 'reason' },
          { title: t('decision'), key: 'decision', render: (_, l) => <ListingDecisionText decision={l.decision} /> },
          { title: t('listedAt'), dataIndex: 'listedAt', render: (d: string) => formatDateTime(d) },
          { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="listing" status={s} /> },
          {
            title: t('creditActions'),
            key: 'creditActions',
            render: (_, l) => <Link to="/credit-actions">{`${l.openCreditActions} / ${l.creditActions}`}</Link>,
          },
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
      {adding && <AddListing onClose={() => setAdding(false)} />}
      {removing && (
        <RemoveListingDialog
          title={t('removeOf', { name: nameIn(language, removing.enterprise.nameZh, removing.enterprise.nameEn) })}
          send={(body) => unwrap(api.POST('/api/v1/serious-violations/{id}/remove', { params: { path: { id: removing.id } }, body }))}
          refresh={['serious-violations']}
          onClose={() => setRemoving(null)}
        />
      )}
    </>
  );
}

function AddListing({ onClose }: { onClose: () => void }) {
  const t = useT(messages);
  const required = [{ required: true, message: t('required') }];
  return (
    <FormModal<Schemas['SeriousListingDto']>
      title={t('add')}
      okText={t('add')}
      refresh={['serious-violations', 'credit-actions']}
      send={(body) => unwrap(api.POST('/api/v1/serious-violations', { body }))}
      onClose={onClose}
    >
      <Form.Item name="enterpriseId" label={t('enterprise')} rules={required}>
        <OrganizationSelect kind="enterprise" />
      </Form.Item>
      <Form.Item name="reason" label={t('reason')} rules={required}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <ListingDecisionFields />
    </FormModal>
  );
}
