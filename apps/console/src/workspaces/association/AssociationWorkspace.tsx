import { BookOutlined, FileTextOutlined, HomeOutlined } from '@ant-design/icons';
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

const messages = defineMessages({
  zh: { home: '首页', standards: '标准', declarations: '自我声明' },
  en: { home: 'Home', standards: 'Standards', declarations: 'Self-declarations' },
});

/** The association reads: standards (its group standards among them) and the public self-declarations. */
export default function AssociationWorkspace() {
  const t = useT(messages);
  const menu: MenuEntry[] = [
    { path: '', label: t('home'), icon: <HomeOutlined /> },
    { path: 'standards', label: t('standards'), icon: <BookOutlined /> },
    { path: 'declarations', label: t('declarations'), icon: <FileTextOutlined /> },
  ];
  return (
    <ConsoleShell menu={menu}>
      <Routes>
        <Route index element={<AssociationHome />} />
        <Route path="standards" element={<StandardsList />} />
        <Route path="standards/:id" element={<StandardDetail />} />
        <Route path="declarations" element={<DeclarationsPage />} />
        <Route path="declarations/:id" element={<DeclarationDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ConsoleShell>
  );
}
