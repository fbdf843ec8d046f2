import { AlertOutlined, CalendarOutlined, ExceptionOutlined, HomeOutlined, SafetyOutlined, ScheduleOutlined, UsergroupDeleteOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
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

// ---- Part B (audits, nonconformities, reports, operations) -------------------------------------
const AuditsCalendarPage = lazy(() => import('./audits/AuditsCalendarPage'));
const AuditFormPage = lazy(() => import('./audits/AuditFormPage'));
const NonconformitiesPage = lazy(() => import('./audits/NonconformitiesPage'));
const MisuseReportsPage = lazy(() => import('./reports/MisuseReportsPage'));
const MisuseReportPage = lazy(() => import('./reports/MisuseReportPage'));
const CounterfeitSignalsPage = lazy(() => import('./reports/CounterfeitSignalsPage'));
const FailedJobsPage = lazy(() => import('./operations/FailedJobsPage'));
const AuditorConflictsPage = lazy(() => import('./operations/AuditorConflictsPage'));

const partBMessages = defineMessages({
  zh: { audits: '审核日历', nonconformities: '不符合项', misuseReports: '举报', signals: '疑似假冒', jobs: '后台任务', conflicts: '利益冲突' },
  en: {
    audits: 'Audit calendar',
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
    <Route path="nonconformities" element={<NonconformitiesPage />} />
    <Route path="misuse-reports" element={<MisuseReportsPage />} />
    <Route path="misuse-reports/:id" element={<MisuseReportPage />} />
    <Route path="counterfeit-signals" element={<CounterfeitSignalsPage />} />
    <Route path="operations/jobs" element={<FailedJobsPage />} />
    <Route path="auditor-conflicts" element={<AuditorConflictsPage />} />
  </>
);
// ---- end of part B ---------------------------------------------------------------------------

export default function BodyWorkspace() {
  const t = useT(messages);
  const partBMenu = usePartBMenu();
  const menu: MenuEntry[] = [{ path: '', label: t('home'), icon: <HomeOutlined /> }, ...partBMenu];
  return (
    <ConsoleShell menu={menu}>
      <Routes>
        <Route index element={<Typography.Title level={2}>{t('home')}</Typography.Title>} />
        {partBRoutes}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ConsoleShell>
  );
}
