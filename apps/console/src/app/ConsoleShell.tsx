import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Space, Typography } from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router';
import { defineMessages, useLanguage, useT } from '../i18n/language';
import { labelOf, ROLE_LABELS } from '../i18n/labels';
import { useSession, useSignedIn } from '../session/session';
import { LanguageSwitch } from '../shared/LanguageSwitch';
import { NotificationBell } from '../shared/notifications/NotificationBell';
import { PageSkeleton } from '../shared/PageSkeleton';

// Every workspace has the inbox at /console/notifications: the shell routes it, so no workspace repeats it.
const InboxPage = lazy(() => import('../shared/notifications/InboxPage'));

export interface MenuEntry {
  /** The route, relative to /console (e.g. "applications"); "" is the home page. */
  path: string;
  label: string;
  icon?: ReactNode;
}

const messages = defineMessages({
  zh: { brand: '深圳标准', signOut: '退出登录', skip: '跳到主要内容', navigation: '主导航', menu: '菜单' },
  en: { brand: 'Shenzhen Standard', signOut: 'Sign out', skip: 'Skip to the main content', navigation: 'Main navigation', menu: 'Menu' },
});

/** The frame of every signed-in screen: the workspace's menu, who is signed in, language, sign-out. */
export function ConsoleShell({ menu, children }: { menu: MenuEntry[]; children: ReactNode }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const session = useSignedIn();
  const { signOut } = useSession();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  // Below lg the menu folds away; a real button (named, keyboard-reachable, saying whether it is open)
  // brings it back, instead of the Sider's own trigger, an unnamed <span> no keyboard can reach.
  const narrow = screens.lg === false;
  const [menuOpen, setMenuOpen] = useState(false);
  const current = menu
    .filter((entry) => location.pathname === `/${entry.path}` || (entry.path !== '' && location.pathname.startsWith(`/${entry.path}`)))
    .sort((a, b) => b.path.length - a.path.length)[0];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <Layout.Sider
        collapsed={narrow && !menuOpen}
        collapsedWidth={0}
        trigger={null}
        width={220}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0' }}
        id="console-menu"
      >
        <div className="brand">{t('brand')}</div>
        {/* Folded away, its links are out of the keyboard's way too. */}
        <nav aria-label={t('navigation')} hidden={narrow && !menuOpen}>
          <Menu
            mode="inline"
            selectedKeys={current ? [current.path] : []}
            items={menu.map((entry) => ({
              key: entry.path,
              icon: entry.icon,
              label: (
                <Link to={`/${entry.path}`} onClick={() => setMenuOpen(false)}>
                  {entry.label}
                </Link>
              ),
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header">
          <Space size="small" align="center" style={{ minWidth: 0, lineHeight: 1.5 }}>
            {narrow && (
              <Button icon={<MenuOutlined />} aria-controls="console-menu" aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>
                {t('menu')}
              </Button>
            )}
            <Typography.Text strong ellipsis style={{ maxWidth: screens.md ? 480 : 160 }}>
              {language === 'en' && session.organizationNameEn ? session.organizationNameEn : session.organizationName}
            </Typography.Text>
          </Space>
          <Space size="middle" wrap={false}>
            {screens.lg && (
              <Typography.Text type="secondary">
                {session.user.displayName} · {session.user.roles.map((r) => labelOf(ROLE_LABELS, r, language)).join(' / ')}
              </Typography.Text>
            )}
            <NotificationBell />
            <LanguageSwitch />
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
              {t('signOut')}
            </Button>
          </Space>
        </Layout.Header>
        {/* Layout.Content is the page's <main> landmark. */}
        <Layout.Content id="main" tabIndex={-1} style={{ padding: screens.md ? 24 : 12 }}>
          <Suspense fallback={<PageSkeleton />}>
            <Routes>
              <Route path="notifications" element={<InboxPage />} />
              {/* The workspace's own <Routes> match the whole path under this splat. */}
              <Route path="*" element={children} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
