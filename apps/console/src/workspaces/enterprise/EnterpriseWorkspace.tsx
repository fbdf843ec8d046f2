import { ApiOutlined, HomeOutlined, KeyOutlined, SafetyCertificateOutlined, TagsOutlined, TeamOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { Route, Routes } from 'react-router';
import { ConsoleShell, type MenuEntry } from '../../app/ConsoleShell';
import { defineMessages, useT } from '../../i18n/language';
import { hasRole, useSignedIn } from '../../session/session';
import { NotFoundPage } from '../../shared/states';
import { UsersPage } from '../../shared/users/UsersPage';
import { CertificateDetailPage } from './certificates/CertificateDetailPage';
import { CertificatesPage } from './certificates/CertificatesPage';
import { ApiKeysPage } from './integrations/ApiKeysPage';
import { WebhookDetailPage } from './integrations/WebhookDetailPage';
import { WebhooksPage } from './integrations/WebhooksPage';
import { MarkGrantDetailPage } from './marks/MarkGrantDetailPage';
import { MarkGrantsPage } from './marks/MarkGrantsPage';

const messages = defineMessages({
  zh: { home: '首页', certificates: '证书', marks: '认证标志', apiKeys: 'API 密钥', webhooks: 'Webhook 订阅', users: '用户管理' },
  en: { home: 'Home', certificates: 'Certificates', marks: 'Certification marks', apiKeys: 'API keys', webhooks: 'Webhooks', users: 'Users' },
});

export default function EnterpriseWorkspace() {
  const t = useT(messages);
  const session = useSignedIn();
  const admin = hasRole(session, 'enterprise_admin');
  const menu: MenuEntry[] = [
    { path: '', label: t('home'), icon: <HomeOutlined /> },
    // --- ent-b: certificates, marks, integrations, users ---
    { path: 'certificates', label: t('certificates'), icon: <SafetyCertificateOutlined /> },
    { path: 'marks', label: t('marks'), icon: <TagsOutlined /> },
    ...(admin
      ? [
          { path: 'api-keys', label: t('apiKeys'), icon: <KeyOutlined /> },
          { path: 'webhooks', label: t('webhooks'), icon: <ApiOutlined /> },
          { path: 'users', label: t('users'), icon: <TeamOutlined /> },
        ]
      : []),
    // --- end ent-b ---
  ];
  return (
    <ConsoleShell menu={menu}>
      <Routes>
        <Route index element={<Typography.Title level={2}>{t('home')}</Typography.Title>} />
        {/* --- ent-b: certificates, marks, integrations, users --- */}
        <Route path="certificates" element={<CertificatesPage />} />
        <Route path="certificates/:id" element={<CertificateDetailPage />} />
        <Route path="marks" element={<MarkGrantsPage />} />
        <Route path="marks/:id" element={<MarkGrantDetailPage />} />
        <Route path="api-keys" element={<ApiKeysPage />} />
        <Route path="webhooks" element={<WebhooksPage />} />
        <Route path="webhooks/:id" element={<WebhookDetailPage />} />
        <Route path="users" element={<UsersPage />} />
        {/* --- end ent-b --- */}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ConsoleShell>
  );
}
