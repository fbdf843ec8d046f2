import { Space, Typography } from 'antd';
import { Link } from 'react-router';
import { defineMessages, useT } from '../../i18n/language';
import { WorklistSections, type WorkItem } from '../../shared/worklist/WorklistSections';

const messages = defineMessages({
  zh: {
    title: '监管工作台',
    intro: '以下是需要关注的事项。',
    dashboard: '查看统计看板',
    organizations: '机构管理',
    standards: '标准管理',
  },
  en: {
    title: 'Regulator home',
    intro: 'What needs attention now.',
    dashboard: 'Open the dashboard',
    organizations: 'Organizations',
    standards: 'Standards',
  },
});

const linkFor = (item: WorkItem): string | undefined => {
  switch (item.target) {
    case 'misuse_report':
      return `/misuse-reports/${item.id}`;
    case 'catalogue_batch':
      return `/catalogue/${item.id}`;
    case 'authorization':
      return '/authorizations';
    case 'abnormal_operation':
      return '/abnormal-operations';
    default:
      return undefined;
  }
};

const MORE: Record<string, string> = {
  misuse_reports_open: '/misuse-reports',
  catalogue_batches_draft: '/catalogue',
  authorizations_expiring: '/authorizations',
  abnormal_operations_listed: '/abnormal-operations?status=listed',
};

export default function RegulatorHome() {
  const t = useT(messages);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        <Link to="/dashboard">{t('dashboard')}</Link>
        <Link to="/organizations">{t('organizations')}</Link>
        <Link to="/standards">{t('standards')}</Link>
      </Space>
      <WorklistSections linkFor={linkFor} moreLinkFor={(s) => MORE[s.key]} />
    </>
  );
}
