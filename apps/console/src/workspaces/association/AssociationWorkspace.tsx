import { HomeOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { Route, Routes } from 'react-router';
import { ConsoleShell, type MenuEntry } from '../../app/ConsoleShell';
import { defineMessages, useT } from '../../i18n/language';
import { NotFoundPage } from '../../shared/states';

const messages = defineMessages({
  zh: { home: '首页' },
  en: { home: 'Home' },
});

export default function AssociationWorkspace() {
  const t = useT(messages);
  const menu: MenuEntry[] = [{ path: '', label: t('home'), icon: <HomeOutlined /> }];
  return (
    <ConsoleShell menu={menu}>
      <Routes>
        <Route index element={<Typography.Title level={2}>{t('home')}</Typography.Title>} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ConsoleShell>
  );
}
