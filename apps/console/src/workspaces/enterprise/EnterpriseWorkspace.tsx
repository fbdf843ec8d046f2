import {
  AlertOutlined,
  AuditOutlined,
  CommentOutlined,
  ProfileOutlined,
  ApiOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  HomeOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { ConsoleShell, type MenuEntry } from '../../app/ConsoleShell';
import { defineMessages, useT } from '../../i18n/language';
import { hasRole, useSignedIn } from '../../session/session';
import { NotFoundPage } from '../../shared/states';

// Each page is its own chunk, fetched when the person first opens it.
const HomePage = lazy(() => import('./home/HomePage'));
const ApplicationsPage = lazy(() => import('./applications/ApplicationsPage'));
const ApplicationWizard = lazy(() => import('./applications/ApplicationWizard'));
const ApplicationDetailPage = lazy(() => import('./applications/ApplicationDetailPage'));
const NonconformitiesPage = lazy(() => import('./applications/NonconformitiesPage'));
const DeclarationsPage = lazy(() => import('./declarations/DeclarationsPage'));
const CertificatesPage = lazy(() => import('./certificates/CertificatesPage').then((m) => ({ default: m.CertificatesPage })));
const CertificateDetailPage = lazy(() => import('./certificates/CertificateDetailPage').then((m) => ({ default: m.CertificateDetailPage })));
const MarkGrantsPage = lazy(() => import('./marks/MarkGrantsPage').then((m) => ({ default: m.MarkGrantsPage })));
const MarkGrantDetailPage = lazy(() => import('./marks/MarkGrantDetailPage').then((m) => ({ default: m.MarkGrantDetailPage })));
const ApiKeysPage = lazy(() => import('./integrations/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })));
const WebhooksPage = lazy(() => import('./integrations/WebhooksPage').then((m) => ({ default: m.WebhooksPage })));
const WebhookDetailPage = lazy(() => import('./integrations/WebhookDetailPage').then((m) => ({ default: m.WebhookDetailPage })));
const AppealsPage = lazy(() => import('./appeals/AppealsPage').then((m) => ({ default: m.AppealsPage })));
const AppealDetailPage = lazy(() => import('./appeals/AppealDetailPage').then((m) => ({ default: m.AppealDetailPage })));
const ComplaintsPage = lazy(() => import('./complaints/ComplaintsPage').then((m) => ({ default: m.ComplaintsPage })));
const CreditRecordPage = lazy(() => import('./credit/CreditRecordPage'));
const UsersPage = lazy(() => import('../../shared/users/UsersPage').then((m) => ({ default: m.UsersPage })));

const messages = defineMessages({
  zh: {
    home: '首页',
    applications: '认证申请',
    nonconformities: '不符合项整改',
    declarations: '自我声明公开',
    appeals: '申诉',
    complaints: '投诉',
    credit: '信用记录',
    certificates: '证书',
    marks: '认证标志',
    apiKeys: 'API 密钥',
    webhooks: 'Webhook 订阅',
    users: '用户管理',
  },
  en: {
    home: 'Home',
    applications: 'Applications',
    nonconformities: 'Nonconformities',
    declarations: 'Self-declarations',
    appeals: 'Appeals',
    complaints: 'Complaints',
    credit: 'Credit record',
    certificates: 'Certificates',
    marks: 'Certification marks',
    apiKeys: 'API keys',
    webhooks: 'Webhooks',
    users: 'Users',
  },
});

/** The enterprise's workspace: its cases, certificates and marks, and (for its administrators) integrations and users. */
export default function EnterpriseWorkspace() {
  const t = useT(messages);
  const session = useSignedIn();
  const admin = hasRole(session, 'enterprise_admin');
  const menu: MenuEntry[] = [
    { path: '', label: t('home'), icon: <HomeOutlined /> },
    { path: 'applications', label: t('applications'), icon: <FileProtectOutlined /> },
    { path: 'nonconformities', label: t('nonconformities'), icon: <AlertOutlined /> },
    { path: 'certificates', label: t('certificates'), icon: <SafetyCertificateOutlined /> },
    { path: 'marks', label: t('marks'), icon: <TagsOutlined /> },
    { path: 'declarations', label: t('declarations'), icon: <FileTextOutlined /> },
    { path: 'appeals', label: t('appeals'), icon: <AuditOutlined /> },
    { path: 'complaints', label: t('complaints'), icon: <CommentOutlined /> },
    { path: 'credit', label: t('credit'), icon: <ProfileOutlined /> },
    ...(admin
      ? [
          { path: 'api-keys', label: t('apiKeys'), icon: <KeyOutlined /> },
          { path: 'webhooks', label: t('webhooks'), icon: <ApiOutlined /> },
          { path: 'users', label: t('users'), icon: <TeamOutlined /> },
        ]
      : []),
  ];
  return (
    <ConsoleShell menu={menu}>
      <Routes>
        <Route index element={<HomePage />} />
        <Route path="applications" element={<ApplicationsPage />} />
        <Route path="applications/new" element={<ApplicationWizard />} />
        <Route path="applications/:id" element={<ApplicationDetailPage />} />
        <Route path="applications/:id/edit" element={<ApplicationWizard />} />
        <Route path="nonconformities" element={<NonconformitiesPage />} />
        <Route path="declarations" element={<DeclarationsPage />} />
        <Route path="certificates" element={<CertificatesPage />} />
        <Route path="certificates/:id" element={<CertificateDetailPage />} />
        <Route path="marks" element={<MarkGrantsPage />} />
        <Route path="marks/:id" element={<MarkGrantDetailPage />} />
        <Route path="appeals" element={<AppealsPage />} />
        <Route path="appeals/:id" element={<AppealDetailPage />} />
        <Route path="complaints" element={<ComplaintsPage />} />
        <Route path="credit" element={<CreditRecordPage />} />
        <Route path="api-keys" element={<ApiKeysPage />} />
        <Route path="webhooks" element={<WebhooksPage />} />
        <Route path="webhooks/:id" element={<WebhookDetailPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ConsoleShell>
  );
}
