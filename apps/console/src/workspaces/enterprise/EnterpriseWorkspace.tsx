import { AlertOutlined, FileProtectOutlined, FileTextOutlined, HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { ConsoleShell, type MenuEntry } from '../../app/ConsoleShell';
import { defineMessages, useT } from '../../i18n/language';
import { NotFoundPage } from '../../shared/states';

const HomePage = lazy(() => import('./home/HomePage'));
const ApplicationsPage = lazy(() => import('./applications/ApplicationsPage'));
const ApplicationWizard = lazy(() => import('./applications/ApplicationWizard'));
const ApplicationDetailPage = lazy(() => import('./applications/ApplicationDetailPage'));
const NonconformitiesPage = lazy(() => import('./applications/NonconformitiesPage'));
const DeclarationsPage = lazy(() => import('./declarations/DeclarationsPage'));

const messages = defineMessages({
  zh: { home: '首页', applications: '认证申请', nonconformities: '不符合项整改', declarations: '自我声明公开' },
  en: { home: 'Home', applications: 'Applications', nonconformities: 'Nonconformities', declarations: 'Self-declarations' },
});

export default function EnterpriseWorkspace() {
  const t = useT(messages);
  const menu: MenuEntry[] = [
    { path: '', label: t('home'), icon: <HomeOutlined /> },
    { path: 'applications', label: t('applications'), icon: <FileProtectOutlined /> },
    { path: 'nonconformities', label: t('nonconformities'), icon: <AlertOutlined /> },
    { path: 'declarations', label: t('declarations'), icon: <FileTextOutlined /> },
    // ── Part B (certificates, mark grants, label batches, API keys, webhooks, users): its menu entries go here. ──
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
        {/* ── Part B (certificates/, marks/, integrations/, shared/users/): its routes go here. ── */}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ConsoleShell>
  );
}
