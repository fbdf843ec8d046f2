import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { dayjs, formatDate } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { FormModal } from '../../../shared/FormModal';
import { nameIn } from '../common';
import { OrganizationSelect } from './OrganizationSelect';
import { useCategoryOptions } from './useOptions';
import { PageTitle } from '../../../shared/PageTitle';

const messages = defineMessages({
  zh: {
    title: '机构授权',
    authorize: '授权认证机构',
    body: '认证机构',
    category: '认证类别',
    validOn: '在该日有效',
    accreditationNumber: '认可证书号',
    validFrom: '有效期起',
    validUntil: '有效期止',
    period: '有效期',
    status: '状态',
    today: '今日有效',
    yes: '是',
    no: '否',
    actions: '操作',
    revoke: '撤销',
    revokeOf: '撤销 {body} 的 {category} 授权',
    reason: '撤销原因',
    save: '授权',
    confirmRevoke: '撤销',
    cancel: '取消',
    required: '请填写此项',
    caption: '认证机构在各类别的授权',
  },
  en: {
    title: 'Authorizations',
    authorize: 'Authorize a body',
    body: 'Certification body',
    category: 'Category',
    validOn: 'Valid on',
    accreditationNumber: 'Accreditation number',
    validFrom: 'Valid from',
    validUntil: 'Valid until',
    period: 'Period',
    status: 'Status',
    today: 'Valid today',
    yes: 'Yes',
    no: 'No',
    actions: 'Actions',
    revoke: 'Revoke',
    revokeOf: 'Revoke the {category} authorization of {body}',
    reason: 'Reason for revoking',
    save: 'Authorize',
    confirmRevoke: 'Revoke',
    cancel: 'Cancel',
    required: 'Please fill this in',
    caption: 'Certification bodies authorized per category',
  },
});

const FILTERS = ['certificationBodyId', 'categoryCode', 'validOn'] as const;
type Authorization = Schemas['AuthorizationView'];

export default function AuthorizationsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const categories = useCategoryOptions();
  const [authorizing, setAuthorizing] = useState(false);
  const [revoking, setRevoking] = useState<Authorization | null>(null);
  return (
    <>
      <PageTitle title={t('title')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAuthorizing(true)}>
          {t('authorize')}
        </Button>
      </PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <OrganizationSelect
          kind="certification_body"
          aria-label={t('body')}
          allowClear
          style={{ width: 300 }}
          value={filters.certificationBodyId}
          onChange={(certificationBodyId?: string) => setFilters({ certificationBodyId })}
        />
        <Select
          aria-label={t('category')}
          placeholder={t('category')}
          allowClear
          style={{ width: 220 }}
          loading={categories.loading}
          value={filters.categoryCode}
          options={categories.options}
          onChange={(categoryCode?: string) => setFilters({ categoryCode })}
        />
        <DatePicker
          aria-label={t('validOn')}
          placeholder={t('validOn')}
          value={filters.validOn ? dayjs(filters.validOn) : null}
          onChange={(d: Dayjs | null) => setFilters({ validOn: d ? d.format('YYYY-MM-DD') : undefined })}
        />
      </Space>
      <PagedTable<Authorization>
        queryKey={['authorizations', filters]}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/authorizations', { params: { query: { page: p, pageSize: size, ...filters } } }))}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        caption={t('caption')}
        columns={[
          { title: t('body'), key: 'body', render: (_, a) => nameIn(language, a.certificationBody.nameZh, a.certificationBody.nameEn) },
          { title: t('category'), dataIndex: 'categoryCode' },
          { title: t('accreditationNumber'), dataIndex: 'accreditationNumber' },
          { title: t('period'), key: 'period', render: (_, a) => `${formatDate(a.validFrom)} – ${formatDate(a.validUntil)}` },
          { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="authorization" status={s} /> },
          { title: t('today'), dataIndex: 'validToday', render: (v: boolean) => <Tag color={v ? 'success' : 'default'}>{v ? t('yes') : t('no')}</Tag> },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, a) =>
              a.status === 'active' && (
                <Button
                  size="small"
                  autoInsertSpace={false}
                  danger
                  aria-label={t('revokeOf', { body: nameIn(language, a.certificationBody.nameZh, a.certificationBody.nameEn), category: a.categoryCode })}
                  onClick={() => setRevoking(a)}
                >
                  {t('revoke')}
                </Button>
              ),
          },
        ]}
      />
      {authorizing && <Authorize categories={categories.options} onClose={() => setAuthorizing(false)} />}
      {revoking && <Revoke authorization={revoking} onClose={() => setRevoking(null)} />}
    </>
  );
}

type AuthorizeValues = Omit<Schemas['CreateAuthorizationDto'], 'validFrom' | 'validUntil'> & { validFrom?: Dayjs; validUntil?: Dayjs };

function Authorize({ categories, onClose }: { categories: { value: string; label: string }[]; onClose: () => void }) {
  const t = useT(messages);
  const required = [{ required: true, message: t('required') }];
  return (
    <FormModal<AuthorizeValues>
      title={t('authorize')}
      okText={t('save')}
      refresh={['authorizations', 'worklist']}
      onClose={onClose}
      send={(v) =>
        unwrap(
          api.POST('/api/v1/authorizations', {
            body: {
              certificationBodyId: v.certificationBodyId,
              categoryCode: v.categoryCode,
              accreditationNumber: v.accreditationNumber,
              validFrom: v.validFrom?.format('YYYY-MM-DD') ?? '',
              validUntil: v.validUntil?.format('YYYY-MM-DD') ?? '',
            },
          }),
        )
      }
    >
      <Form.Item name="certificationBodyId" label={t('body')} rules={required}>
        <OrganizationSelect kind="certification_body" />
      </Form.Item>
      <Form.Item name="categoryCode" label={t('category')} rules={required}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={categories} />
      </Form.Item>
      <Form.Item name="accreditationNumber" label={t('accreditationNumber')} rules={required}>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="validFrom" label={t('validFrom')} rules={required}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="validUntil" label={t('validUntil')} rules={required}>
          <DatePicker />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

function Revoke({ authorization, onClose }: { authorization: Authorization; onClose: () => void }) {
  const t = useT(messages);
  const { language } = useLanguage();
  return (
    <FormModal<Schemas['RevocationDto']>
      title={t('revokeOf', {
        body: nameIn(language, authorization.certificationBody.nameZh, authorization.certificationBody.nameEn),
        category: authorization.categoryCode,
      })}
      okText={t('confirmRevoke')}
      danger
      refresh={['authorizations', 'worklist']}
      onClose={onClose}
      send={(body) => unwrap(api.POST('/api/v1/authorizations/{id}/revoke', { params: { path: { id: authorization.id } }, body }))}
    >
      <Form.Item name="reason" label={t('reason')} rules={[{ required: true, message: t('required') }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
