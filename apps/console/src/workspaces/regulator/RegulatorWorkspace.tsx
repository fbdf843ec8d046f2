import {
  AlertOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CommentOutlined,
  ExceptionOutlined,
  ExperimentOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  HomeOutlined,
  InteractionOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  StopOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { ConsoleShell, type MenuEntry } from '../../app/ConsoleShell';
import { defineMessages, useT } from '../../i18n/language';
import { StandardDetail } from '../../shared/standards/StandardDetail';
import { StandardsList } from '../../shared/standards/StandardsList';
import { NotFoundPage } from '../../shared/states';
import RegulatorHome from './RegulatorHome';

// The dashboard brings ECharts: its own chunk, loaded only when opened. The other pages are light
// but are split too, so the first screen carries only the home page.
const DashboardPage = lazy(() => import('./dashboard/DashboardPage'));
const OrganizationsPage = lazy(() => import('./organizations/OrganizationsPage'));
const OrganizationDetailPage = lazy(() => import('./organizations/OrganizationDetailPage'));
const CategoriesPage = lazy(() => import('./scheme/CategoriesPage'));
const NewStandardPage = lazy(() => import('./scheme/NewStandardPage'));
const GroupStandardsPage = lazy(() => import('./scheme/GroupStandardsPage'));
const GroupStandardPage = lazy(() => import('./scheme/GroupStandardPage'));
const BatchesPage = lazy(() => import('./scheme/BatchesPage'));
const BatchDetailPage = lazy(() => import('./scheme/BatchDetailPage'));
const HolidaysPage = lazy(() => import('./scheme/HolidaysPage'));
const FrontrunnersPage = lazy(() => import('./scheme/FrontrunnersPage'));
const AuthorizationsPage = lazy(() => import('./oversight/AuthorizationsPage'));
const AbnormalOperationsPage = lazy(() => import('./oversight/AbnormalOperationsPage'));
const MisuseReportsPage = lazy(() => import('./oversight/MisuseReportsPage'));
const SeriousViolationsPage = lazy(() => import('./oversight/SeriousViolationsPage'));
const CreditApplicationsPage = lazy(() => import('./oversight/CreditApplicationsPage'));
const CreditActionsPage = lazy(() =>
  import('../../shared/credit/CreditActionsPage').then((m) => ({ default: () => <m.CreditActionsPage canRecord={false} /> })),
);
const UsersPage = lazy(() => import('../../shared/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const ComplaintsPage = lazy(() => import('../../shared/complaints/ComplaintsPage').then((m) => ({ default: () => <m.ComplaintsPage regulator /> })));
const ComplaintDetailPage = lazy(() => import('../../shared/complaints/ComplaintDetailPage').then((m) => ({ default: m.ComplaintDetailPage })));
const MisuseReportDetailPage = lazy(() => import('./oversight/MisuseReportDetailPage'));
const AppealsPage = lazy(() => import('./oversight/AppealsPage'));
const AppealDetailPage = lazy(() => import('./oversight/AppealDetailPage'));
const InspectionPlansPage = lazy(() => import('./inspections/InspectionPlansPage'));
const InspectionPlanPage = lazy(() => import('./inspections/InspectionPlanPage'));
const InspectionRegistersPage = lazy(() => import('./inspections/InspectionRegistersPage'));
const LaboratoriesPage = lazy(() => import('./laboratories/LaboratoriesPage'));
const LaboratoryDetailPage = lazy(() => import('./laboratories/LaboratoryDetailPage'));
const AgreementsPage = lazy(() => import('./laboratories/AgreementsPage'));

const messages = defineMessages({
  zh: {
    home: '首页',
    dashboard: '统计看板',
    organizations: '机构及其用户',
    categories: '认证类别',
    standards: '标准',
    groupStandards: '团体标准',
    catalogue: '目录批次',
    holidays: '节假日',
    frontrunners: '领跑者名单',
    authorizations: '机构授权',
    laboratories: '检测实验室',
    agreements: '互认协议',
    abnormal: '经营异常名录',
    serious: '严重违法失信名单',
    creditApplications: '移出与信用修复',
    creditActions: '信用处置',
    misuse: '举报',
    complaints: '投诉',
    appeals: '申诉',
    inspections: '双随机抽查',
    users: '用户',
  },
  en: {
    home: 'Home',
    dashboard: 'Dashboard',
    organizations: 'Organizations and users',
    categories: 'Categories',
    standards: 'Standards',
    groupStandards: 'Group standards',
    catalogue: 'Catalogue',
    holidays: 'Holidays',
    frontrunners: 'Frontrunner lists',
    authorizations: 'Authorizations',
    laboratories: 'Laboratories',
    agreements: 'Recognition agreements',
    abnormal: 'Abnormal operations',
    serious: 'Serious violations',
    creditApplications: 'Removal and repair',
    creditActions: 'Credit actions',
    misuse: 'Misuse reports',
    complaints: 'Complaints',
    appeals: 'Appeals',
    inspections: 'Random inspections',
    users: 'Users',
  },
});

export default function RegulatorWorkspace() {
  const t = useT(messages);
  const menu: MenuEntry[] = [
    { path: '', label: t('home'), icon: <HomeOutlined /> },
    { path: 'dashboard', label: t('dashboard'), icon: <BarChartOutlined /> },
    { path: 'organizations', label: t('organizations'), icon: <ApartmentOutlined /> },
    { path: 'categories', label: t('categories'), icon: <AppstoreOutlined /> },
    { path: 'standards', label: t('standards'), icon: <BookOutlined /> },
    { path: 'group-standards', label: t('groupStandards'), icon: <FileDoneOutlined /> },
    { path: 'catalogue', label: t('catalogue'), icon: <UnorderedListOutlined /> },
    { path: 'holidays', label: t('holidays'), icon: <CalendarOutlined /> },
    { path: 'frontrunners', label: t('frontrunners'), icon: <TrophyOutlined /> },
    { path: 'authorizations', label: t('authorizations'), icon: <SafetyCertificateOutlined /> },
    { path: 'laboratories', label: t('laboratories'), icon: <ExperimentOutlined /> },
    { path: 'recognition-agreements', label: t('agreements'), icon: <FileProtectOutlined /> },
    { path: 'abnormal-operations', label: t('abnormal'), icon: <StopOutlined /> },
    { path: 'serious-violations', label: t('serious'), icon: <ExceptionOutlined /> },
    { path: 'credit-applications', label: t('creditApplications'), icon: <AuditOutlined /> },
    { path: 'credit-actions', label: t('creditActions'), icon: <ScheduleOutlined /> },
    { path: 'misuse-reports', label: t('misuse'), icon: <AlertOutlined /> },
    { path: 'complaints', label: t('complaints'), icon: <CommentOutlined /> },
    { path: 'appeals', label: t('appeals'), icon: <InteractionOutlined /> },
    { path: 'inspections', label: t('inspections'), icon: <FileSearchOutlined /> },
    { path: 'users', label: t('users'), icon: <TeamOutlined /> },
  ];
  return (
    <ConsoleShell menu={menu}>
      <Routes>
        <Route index element={<RegulatorHome />} />
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="organizations" element={<OrganizationsPage />} />
        <Route path="organizations/:id" element={<OrganizationDetailPage />} />
        <Route path="categories" element={<CategoriesPage />} />
        <Route path="standards" element={<StandardsList manage />} />
        <Route path="standards/new" element={<NewStandardPage />} />
        <Route path="standards/:id" element={<StandardDetail manage />} />
        <Route path="group-standards" element={<GroupStandardsPage />} />
        <Route path="group-standards/:id" element={<GroupStandardPage />} />
        <Route path="catalogue" element={<BatchesPage />} />
        <Route path="catalogue/:id" element={<BatchDetailPage />} />
        <Route path="holidays" element={<HolidaysPage />} />
        <Route path="frontrunners" element={<FrontrunnersPage />} />
        <Route path="authorizations" element={<AuthorizationsPage />} />
        <Route path="laboratories" element={<LaboratoriesPage />} />
        <Route path="laboratories/:id" element={<LaboratoryDetailPage />} />
        <Route path="recognition-agreements" element={<AgreementsPage />} />
        <Route path="abnormal-operations" element={<AbnormalOperationsPage />} />
        <Route path="serious-violations" element={<SeriousViolationsPage />} />
        <Route path="credit-applications" element={<CreditApplicationsPage />} />
        <Route path="credit-actions" element={<CreditActionsPage />} />
        <Route path="misuse-reports" element={<MisuseReportsPage />} />
        <Route path="misuse-reports/:id" element={<MisuseReportDetailPage />} />
        <Route path="complaints" element={<ComplaintsPage />} />
        <Route path="complaints/:id" element={<ComplaintDetailPage />} />
        <Route path="appeals" element={<AppealsPage />} />
        <Route path="appeals/:id" element={<AppealDetailPage />} />
        <Route path="inspections" element={<InspectionPlansPage />} />
        <Route path="inspections/plans/:id" element={<InspectionPlanPage />} />
        <Route path="inspections/registers" element={<InspectionRegistersPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ConsoleShell>
  );
}
