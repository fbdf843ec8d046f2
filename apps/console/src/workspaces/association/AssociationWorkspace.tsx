import { AuditOutlined, BookOutlined, FileTextOutlined, HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { ConsoleShell, type MenuEntry } from '../../app/ConsoleShell';
import { defineMessages, useT } from '../../i18n/language';
import { StandardDetail } from '../../shared/standards/StandardDetail';
import { StandardsList } from '../../shared/standards/StandardsList';
import { NotFoundPage } from '../../shared/states';
import AssociationHome from './AssociationHome';

const DeclarationsPage = lazy(() => import('./DeclarationsPage'));
const DeclarationDetailPage = lazy(() => import('./DeclarationDetailPage'));
const GroupStandardsPage = lazy(() => import('./GroupStandardsPage'));
const GroupStandardDetailPage = lazy(() => import('./GroupStandardDetailPage'));

const messages = defineMessages({
  zh: { home: '首页', groupStandards: '团体标准', standards: '标准', declarations: '自我声明' },
  en: { home: 'Home', groupStandards: 'Group standards', standards: 'Standards', declarations: 'Self-declarations' },
});

/** The association runs its group standards, and reads the standards and the public self-declarations. */
export default function AssociationWorkspace() {
  const t = useT(messages);
  const menu: MenuEntry[] = [
    { path: '', label: t('home'), icon: <HomeOutlined /> },
    { path: 'group-standards', label: t('groupStandards'), icon: <AuditOutlined /> },
    { path: 'standards', label: t('standards'), icon: <BookOutlined /> },
    { path: 'declarations', label: t('declarations'), icon: <FileTextOutlined /> },
  ];
  return (
    <ConsoleShell menu={menu}>
      <Routes>
        <Route index element={<AssociationHome />} />
        <Route path="group-standards" element={<GroupStandardsPage />} />
        <Route path="group-standards/:id" element={<GroupStandardDetailPage />} />
        <Route path="standards" element={<StandardsList />} />
        <Route path="standards/:id" element={<StandardDetail />} />
        <Route path="declarations" element={<DeclarationsPage />} />
        <Route path="declarations/:id" element={<DeclarationDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ConsoleShell>
  );
}
