import {
  AlertOutlined,
  AuditOutlined,
  CalendarOutlined,
  FieldTimeOutlined,
  CommentOutlined,
  ExceptionOutlined,
  FileExclamationOutlined,
  HomeOutlined,
  InboxOutlined,
  InteractionOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  TagsOutlined,
  TeamOutlined,
  UsergroupDeleteOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { ConsoleShell, type MenuEntry } from '../../app/ConsoleShell';
import { defineMessages, useT } from '../../i18n/language';
import { hasRole, useSignedIn } from '../../session/session';
import { NotFoundPage } from '../../shared/states';

const messages = defineMessages({
  zh: { home: '首页', users: '用户管理' },
  en: { home: 'Home', users: 'Users' },
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

// ---- Part B (audits, nonconformities, reports, operations) -------------------------------------
const AuditsCalendarPage = lazy(() => import('./audits/AuditsCalendarPage'));
const AuditFormPage = lazy(() => import('./audits/AuditFormPage'));
const SurveillancePage = lazy(() => import('./surveillance/SurveillancePage'));
const NonconformitiesPage = lazy(() => import('./audits/NonconformitiesPage'));
const MisuseReportsPage = lazy(() => import('./reports/MisuseReportsPage'));
const MisuseReportPage = lazy(() => import('./reports/MisuseReportPage'));
const CounterfeitSignalsPage = lazy(() => import('./reports/CounterfeitSignalsPage'));
const FailedJobsPage = lazy(() => import('./operations/FailedJobsPage'));
const AuditorConflictsPage = lazy(() => import('./operations/AuditorConflictsPage'));

const partBMessages = defineMessages({
  zh: {
    audits: '审核日历',
    surveillance: '监督',
    nonconformities: '不符合项',
    misuseReports: '举报',
    signals: '疑似假冒',
    jobs: '后台任务',
    conflicts: '利益冲突',
  },
  en: {
    audits: 'Audit calendar',
    surveillance: 'Surveillance',
    nonconformities: 'Nonconformities',
    misuseReports: 'Misuse reports',
    signals: 'Counterfeit signals',
    jobs: 'Background jobs',
    conflicts: 'Conflicts of interest',
  },
});

/** Part B's menu entries, each shown to the roles whose operations it calls. */
function usePartBMenu(): MenuEntry[] {
  const t = useT(partBMessages);
  const session = useSignedIn();
  const entries: MenuEntry[] = [];
  const staff = hasRole(session, 'auditor', 'cb_admin', 'reviewer', 'decision_maker');
  if (staff) entries.push({ path: 'audits', label: t('audits'), icon: <CalendarOutlined /> });
  if (staff) entries.push({ path: 'surveillance', label: t('surveillance'), icon: <FieldTimeOutlined /> });
  if (hasRole(session, 'auditor', 'cb_admin')) entries.push({ path: 'nonconformities', label: t('nonconformities'), icon: <ExceptionOutlined /> });
  if (hasRole(session, 'cb_admin')) entries.push({ path: 'misuse-reports', label: t('misuseReports'), icon: <AlertOutlined /> });
  if (hasRole(session, 'cb_admin', 'decision_maker')) entries.push({ path: 'counterfeit-signals', label: t('signals'), icon: <SafetyOutlined /> });
  if (hasRole(session, 'cb_admin')) entries.push({ path: 'operations/jobs', label: t('jobs'), icon: <ScheduleOutlined /> });
  if (staff) entries.push({ path: 'auditor-conflicts', label: t('conflicts'), icon: <UsergroupDeleteOutlined /> });
  return entries;
}

const partBRoutes = (
  <>
    <Route path="audits" element={<AuditsCalendarPage />} />
    <Route path="audits/:id" element={<AuditFormPage />} />
    <Route path="surveillance" element={<SurveillancePage />} />
    <Route path="nonconformities" element={<NonconformitiesPage />} />
    <Route path="misuse-reports" element={<MisuseReportsPage />} />
    <Route path="misuse-reports/:id" element={<MisuseReportPage />} />
    <Route path="counterfeit-signals" element={<CounterfeitSignalsPage />} />
    <Route path="operations/jobs" element={<FailedJobsPage />} />
    <Route path="auditor-conflicts" element={<AuditorConflictsPage />} />
  </>
);
// ---- end of part B ---------------------------------------------------------------------------

// ---- Part C (complaints and appeals) -----------------------------------------------------------
const ComplaintsPage = lazy(() => import('../../shared/complaints/ComplaintsPage').then((m) => ({ default: m.ComplaintsPage })));
const ComplaintDetailPage = lazy(() => import('../../shared/complaints/ComplaintDetailPage').then((m) => ({ default: m.ComplaintDetailPage })));
const AppealsPage = lazy(() => import('./appeals/AppealsPage'));
const AppealPage = lazy(() => import('./appeals/AppealPage'));

const partCMessages = defineMessages({
  zh: { complaints: '投诉', appeals: '申诉' },
  en: { complaints: 'Complaints', appeals: 'Appeals' },
});

/** Complaints are handled by the body's admin; appeals are considered by its admins and decision makers. */
function usePartCMenu(): MenuEntry[] {
  const t = useT(partCMessages);
  const session = useSignedIn();
  const entries: MenuEntry[] = [];
  if (hasRole(session, 'cb_admin')) entries.push({ path: 'complaints', label: t('complaints'), icon: <CommentOutlined /> });
  if (hasRole(session, 'cb_admin', 'decision_maker')) entries.push({ path: 'appeals', label: t('appeals'), icon: <InteractionOutlined /> });
  return entries;
}

const partCRoutes = (
  <>
    <Route path="complaints" element={<ComplaintsPage />} />
    <Route path="complaints/:id" element={<ComplaintDetailPage />} />
    <Route path="appeals" element={<AppealsPage />} />
    <Route path="appeals/:id" element={<AppealPage />} />
  </>
);
// ---- end of part C ---------------------------------------------------------------------------

// ---- Credit (issue 12): certificates of seriously listed holders to suspend or withdraw ---------
const CreditActionsPage = lazy(() => import('../../shared/credit/CreditActionsPage').then((m) => ({ default: () => <m.CreditActionsPage canRecord /> })));

const creditMessages = defineMessages({
  zh: { creditActions: '信用处置' },
  en: { creditActions: 'Credit actions' },
});

/** Recording a credit action suspends or withdraws a certificate: the body's admins and decision makers. */
function useCreditMenu(): MenuEntry[] {
  const t = useT(creditMessages);
  const session = useSignedIn();
  return hasRole(session, 'cb_admin', 'decision_maker') ? [{ path: 'credit-actions', label: t('creditActions'), icon: <FileExclamationOutlined /> }] : [];
}
// ---- end of credit ---------------------------------------------------------------------------

const UsersPage = lazy(() => import('../../shared/users/UsersPage').then((m) => ({ default: m.UsersPage })));

export default function BodyWorkspace() {
  const t = useT(messages);
  const session = useSignedIn();
  const partAMenu = usePartAMenu();
  const partBMenu = usePartBMenu();
  const partCMenu = usePartCMenu();
  const creditMenu = useCreditMenu();
  const menu: MenuEntry[] = [
    { path: '', label: t('home'), icon: <HomeOutlined /> },
    ...partAMenu,
    ...partBMenu,
    ...partCMenu,
    ...creditMenu,
    ...(hasRole(session, 'cb_admin') ? [{ path: 'users', label: t('users'), icon: <TeamOutlined /> }] : []),
  ];
  return (
    <ConsoleShell menu={menu}>
      <Routes>
        <Route index element={<BodyHomePage />} />
        {partARoutes}
        {partBRoutes}
        {partCRoutes}
        <Route path="credit-actions" element={<CreditActionsPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ConsoleShell>
  );
}
