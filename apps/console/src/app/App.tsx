import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { BrowserRouter } from 'react-router';
import { ApiError } from '../api/client';
import { LanguageProvider, useLanguage } from '../i18n/language';
import { SessionExpiredDialog, SignInPage } from '../session/SignIn';
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
 * The brand red, and the lighter texts dark enough to read: Ant Design's greys (secondary #8c8c8c,
 * 3.4:1 on white; placeholders and "no data" #bfbfbf, 1.8:1) are below the 4.5:1 contrast WCAG AA
 * asks of text, and axe fails them. Disabled controls keep their grey background, so they still look disabled.
 */
const THEME = {
  token: {
    colorPrimary: '#c8102e',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.56)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.56)',
  },
};

/** The CSP nonce the API wrote into index.html: Ant Design's run-time <style> elements carry it. */
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;

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
  useEffect(() => {
    dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
  return (
    <ConfigProvider locale={language === 'zh' ? zhCN : enUS} csp={nonce ? { nonce } : undefined} theme={THEME}>
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
