import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useMemo, type ComponentType, type LazyExoticComponent } from 'react';
import { BrowserRouter } from 'react-router';
import { ApiError } from '../api/client';
import { LanguageProvider, useLanguage } from '../i18n/language';
import { SessionExpiredDialog, SignInPage } from '../session/SignIn';
import { CSP_NONCE } from './csp-nonce';
import { usePrefersReducedMotion } from './reduced-motion';
import { SessionProvider, useSession, type OrganizationKind } from '../session/session';
import { dayjs } from '../shared/dates';
import { PageSkeleton } from '../shared/PageSkeleton';

/** Each organization kind has its workspace, a chunk of its own loaded when first opened. */
const WORKSPACES: Record<OrganizationKind, LazyExoticComponent<ComponentType>> = {
  enterprise: lazy(() => import('../workspaces/enterprise/EnterpriseWorkspace')),
  certification_body: lazy(() => import('../workspaces/body/BodyWorkspace')),
  regulator: lazy(() => import('../workspaces/regulator/RegulatorWorkspace')),
  association: lazy(() => import('../workspaces/association/AssociationWorkspace')),
};

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A refusal will not change by asking again; a dropped connection or a 503 may.
      retry: (count, error) => count < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: true,
    },
  },
});

/**
 * A field's focus (and hover) in blue, not Ant Design's primary colour: Shenzhen red is also the
 * colour of a refused field, so a focused empty field looked refused. Blue keeps 3:1 against the
 * white field for the focus indicator (WCAG 1.4.11), and red means only "refused".
 */
const FOCUS = '#0958d9';
const FOCUS_FIELD = { activeBorderColor: FOCUS, hoverBorderColor: FOCUS, activeShadow: '0 0 0 2px rgba(9, 88, 217, 0.2)' };

/**
 * Shenzhen red, and text colours dark enough for WCAG AA contrast (4.5:1) on white: Ant Design's
 * default greys (descriptions 3.4:1, placeholders 1.8:1), link blue and state colours fall short of it.
 */
const THEME: ThemeConfig = {
  components: {
    Input: FOCUS_FIELD,
    InputNumber: FOCUS_FIELD,
    DatePicker: FOCUS_FIELD,
    Select: { activeBorderColor: FOCUS, hoverBorderColor: FOCUS, activeOutlineColor: 'rgba(9, 88, 217, 0.2)' },
  },
  token: {
    colorPrimary: '#c8102e',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: '#696969',
    colorTextTertiary: '#696969',
    colorTextPlaceholder: '#717171',
    // "No data" under an empty list is drawn in the disabled grey (#bfbfbf, 1.8:1); disabled controls keep their grey background.
    colorTextQuaternary: '#717171',
    colorTextDisabled: '#717171',
    // Links and the state tags' text (drawn in these colours on their pale backgrounds) likewise.
    colorLink: '#0958d9',
    // Ant Design derives the hover and pressed link colours lighter (#579df2: 2.7:1 on a hovered table row); darker keeps them legible.
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorInfo: '#0958d9',
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarning: '#ad4e00',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorError: '#c8102e',
    colorErrorBg: '#fff1f0',
    colorErrorBorder: '#ffccc7',
    colorInfoBg: '#e6f4ff',
    colorInfoBorder: '#91caff',
  },
};

function Signed() {
  const { session, expired } = useSession();
  if (session === undefined) return <PageSkeleton />;
  if (session === null) return <SignInPage />;
  const Workspace = WORKSPACES[session.user.organizationKind];
  return (
    <>
      <Suspense fallback={<PageSkeleton />}>
        <Workspace />
      </Suspense>
      {expired && <SessionExpiredDialog />}
    </>
  );
}

function Localized() {
  const { language } = useLanguage();
  const reducedMotion = usePrefersReducedMotion();
  const theme = useMemo<ThemeConfig>(() => ({ ...THEME, token: { ...THEME.token, motion: !reducedMotion } }), [reducedMotion]);
  useEffect(() => {
    dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
  return (
    <ConfigProvider
      locale={language === 'zh' ? zhCN : enUS}
      csp={CSP_NONCE ? { nonce: CSP_NONCE } : undefined}
      theme={theme}
      // "拒绝", not "拒 绝": a two-character label reads (and is named, for screen readers and tests) as written.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <BrowserRouter basename="/console">
          <SessionProvider>
            <Signed />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <Localized />
      </LanguageProvider>
    </QueryClientProvider>
  );
}
