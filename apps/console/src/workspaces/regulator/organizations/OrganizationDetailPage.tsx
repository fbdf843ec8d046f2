import { useOrganization } from '../../../shared/organizations/use-organization';
import { Descriptions, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { labelOf, ORGANIZATION_KIND_LABELS, ROLE_LABELS } from '../../../i18n/labels';
import { formatDate, formatDateTime } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { QueryState } from '../../../shared/states';
import { useListParams } from '../../../shared/url-state';

const messages = defineMessages({
  zh: {
    back: '返回机构列表',
    kind: '机构类型',
    creditCode: '统一社会信用代码',
    nameEn: '英文名称',
    address: '地址',
    contact: '联系人',
    createdAt: '登记时间',
    users: '用户',
    usersCaption: '该机构的用户',
    displayName: '姓名',
    email: '邮箱',
    roles: '角色',
    active: '状态',
    isActive: '启用',
    inactive: '停用',
    noUsers: '该机构还没有用户',
  },
  en: {
    back: 'Back to organizations',
    kind: 'Kind',
    creditCode: 'Unified social credit code',
    nameEn: 'English name',
    address: 'Address',
    contact: 'Contact',
    createdAt: 'Registered',
    users: 'Users',
    usersCaption: "The organization's users",
    displayName: 'Name',
    email: 'Email',
    roles: 'Roles',
    active: 'State',
    isActive: 'Active',
    inactive: 'Deactivated',
    noUsers: 'No users yet',
  },
});

const NO_FILTERS = [] as const;

export default function OrganizationDetailPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const { page, pageSize, setPage } = useListParams(NO_FILTERS);
  const query = useOrganization(id);
  return (
    <QueryState query={query}>
      {(org) => (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Link to="/organizations">{t('back')}</Link>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {org.nameZh}
          </Typography.Title>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('kind')}>{labelOf(ORGANIZATION_KIND_LABELS, org.kind, language)}</Descriptions.Item>
            <Descriptions.Item label={t('creditCode')}>{org.creditCode}</Descriptions.Item>
            <Descriptions.Item label={t('nameEn')}>{org.nameEn || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('address')}>{org.address || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('contact')}>
              {[org.contactName, org.contactPhone, org.contactEmail].filter(Boolean).join(' · ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('createdAt')}>{formatDateTime(org.createdAt)}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t('users')}
            </Typography.Title>
            <PagedTable<Schemas['UserView']>
              queryKey={['users', { organizationId: id }]}
              fetchPage={(p, size) => unwrap(api.GET('/api/v1/users', { params: { query: { organizationId: id, page: p, pageSize: size } } }))}
              page={page}
              pageSize={pageSize}
              onPageChange={setPage}
              rowKey="id"
              caption={t('usersCaption')}
              empty={t('noUsers')}
              columns={[
                { title: t('displayName'), dataIndex: 'displayName' },
                { title: t('email'), dataIndex: 'email' },
                {
                  title: t('roles'),
                  dataIndex: 'roles',
                  render: (roles: string[]) => roles.map((r) => <Tag key={r}>{labelOf(ROLE_LABELS, r, language)}</Tag>),
                },
                {
                  title: t('active'),
                  dataIndex: 'active',
                  render: (a: boolean) => <Tag color={a ? 'success' : 'default'}>{a ? t('isActive') : t('inactive')}</Tag>,
                },
                { title: t('createdAt'), dataIndex: 'createdAt', render: (d: string) => formatDate(d) },
              ]}
            />
          </div>
        </Space>
      )}
    </QueryState>
  );
}
