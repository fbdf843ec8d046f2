import { AuditOutlined, HomeOutlined, InboxOutlined, SafetyCertificateOutlined, TagsOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { ConsoleShell, type MenuEntry } from '../../app/ConsoleShell';
import { defineMessages, useT } from '../../i18n/language';
import { hasRole, useSignedIn } from '../../session/session';
import { NotFoundPage } from '../../shared/states';

const messages = defineMessages({
  zh: { home: '首页' },
  en: { home: 'Home' },
});

// ---- Part A (inbox, review, decision, certificates, mark grants) ------------------------------
const BodyHomePage = lazy(() => import('./home/BodyHomePage'));
const InboxPage = lazy(() => import('./applications/InboxPage'));
const ApplicationPage = lazy(() => import('./applications/ApplicationPage'));
const DecisionsPage = lazy(() => import('./decisions/DecisionsPage'));
const DecisionPage = lazy(() => import('./decisions/DecisionPage'));
const CertificatesPage = lazy(() => import('./certificates/CertificatesPage'));
const CertificatePage = lazy(() => import('./certificates/CertificatePage'));
const MarkGrantsPage = lazy(() => import('./marks/MarkGrantsPage'));

const partAMessages = defineMessages({
  zh: { inbox: '申请收件箱', decisions: '认证决定', certificates: '证书', markGrants: '标志使用' },
  en: { inbox: 'Application inbox', decisions: 'Decisions', certificates: 'Certificates', markGrants: 'Mark grants' },
});

/** Part A's menu entries, each shown to the roles whose operations it serves. */
function usePartAMenu(): MenuEntry[] {
  const t = useT(partAMessages);
  const session = useSignedIn();
  const entries: MenuEntry[] = [];
  if (hasRole(session, 'reviewer', 'cb_admin')) entries.push({ path: 'applications', label: t('inbox'), icon: <InboxOutlined /> });
  if (hasRole(session, 'decision_maker', 'cb_admin')) entries.push({ path: 'decisions', label: t('decisions'), icon: <AuditOutlined /> });
  entries.push({ path: 'certificates', label: t('certificates'), icon: <SafetyCertificateOutlined /> });
  if (hasRole(session, 'decision_maker', 'cb_admin')) entries.push({ path: 'mark-grants', label: t('markGrants'), icon: <TagsOutlined /> });
  // The Users screen (shared/users/, cb_admin) is wired here by the merge.
  return entries;
}

const partARoutes = (
  <>
    <Route path="applications" element={<InboxPage />} />
    <Route path="applications/:id" element={<ApplicationPage />} />
    <Route path="applications/:id/decision" element={<DecisionPage />} />
    <Route path="decisions" element={<DecisionsPage />} />
    <Route path="certificates" element={<CertificatesPage />} />
    <Route path="certificates/:id" element={<CertificatePage />} />
    <Route path="mark-grants" element={<MarkGrantsPage />} />
  </>
);
// ---- end of part A ---------------------------------------------------------------------------

export default function BodyWorkspace() {
  const t = useT(messages);
  const partAMenu = usePartAMenu();
  const menu: MenuEntry[] = [{ path: '', label: t('home'), icon: <HomeOutlined /> }, ...partAMenu];
  return (
    <ConsoleShell menu={menu}>
      <Routes>
        <Route index element={<BodyHomePage />} />
        {partARoutes}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ConsoleShell>
  );
}
