import { BookOutlined, FileTextOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { defineMessages, useT } from '../../i18n/language';

const messages = defineMessages({
  zh: {
    title: '协会工作台',
    intro: '在这里查阅平台收录的标准（含团体标准）和企业公开的自我声明。',
    groupStandards: '现行团体标准',
    declarations: '已公开的自我声明',
    openStandards: '查看标准',
    openDeclarations: '查看自我声明',
  },
  en: {
    title: 'Association home',
    intro: 'Read the standards on the platform (group standards among them) and the self-declarations enterprises have published.',
    groupStandards: 'Current group standards',
    declarations: 'Published self-declarations',
    openStandards: 'See the standards',
    openDeclarations: 'See the self-declarations',
  },
});

export default function AssociationHome() {
  const t = useT(messages);
  // Counts only: a page of one item carries the total.
  const standards = useQuery({
    queryKey: ['standards', { kind: 'group', status: 'current' }, 'count'],
    queryFn: () => unwrap(api.GET('/api/v1/standards', { params: { query: { kind: 'group', status: 'current', page: 1, pageSize: 1 } } })),
  });
  const declarations = useQuery({
    queryKey: ['self-declarations', { status: 'published' }, 'count'],
    queryFn: () => unwrap(api.GET('/api/v1/self-declarations', { params: { query: { status: 'published', page: 1, pageSize: 1 } } })),
  });
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card>
            <Statistic title={t('groupStandards')} prefix={<BookOutlined />} value={standards.data?.total ?? '—'} loading={standards.isPending} />
            <Link to="/standards?kind=group&status=current">{t('openStandards')}</Link>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card>
            <Statistic title={t('declarations')} prefix={<FileTextOutlined />} value={declarations.data?.total ?? '—'} loading={declarations.isPending} />
            <Link to="/declarations">{t('openDeclarations')}</Link>
          </Card>
        </Col>
      </Row>
    </>
  );
}
