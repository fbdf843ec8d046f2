import { useQuery } from '@tanstack/react-query';
import { Descriptions, List, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { formatDate, formatDateTime } from '../../shared/dates';
import { QueryState } from '../../shared/states';
import { StatusTag } from '../../shared/StatusTag';

const messages = defineMessages({
  zh: {
    back: '返回自我声明',
    enterprise: '企业',
    creditCode: '统一社会信用代码',
    standard: '依据标准',
    models: '型号',
    status: '状态',
    version: '版本',
    publishedAt: '公开时间',
    indicators: '关键指标',
    indicatorCaption: '企业声明的关键指标',
    name: '指标',
    value: '声明值',
    unit: '单位',
    versions: '历次版本',
    versionN: '第 {n} 版',
  },
  en: {
    back: 'Back to self-declarations',
    enterprise: 'Enterprise',
    creditCode: 'Credit code',
    standard: 'Standard',
    models: 'Models',
    status: 'Status',
    version: 'Version',
    publishedAt: 'Published',
    indicators: 'Key indicators',
    indicatorCaption: 'Key indicators the enterprise declares',
    name: 'Indicator',
    value: 'Declared value',
    unit: 'Unit',
    versions: 'Versions',
    versionN: 'Version {n}',
  },
});

export default function DeclarationDetailPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: ['self-declarations', id],
    queryFn: () => unwrap(api.GET('/api/v1/self-declarations/{id}', { params: { path: { id } } })),
  });
  return (
    <QueryState query={query}>
      {(d) => (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Link to="/declarations">{t('back')}</Link>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {language === 'en' && d.productNameEn ? d.productNameEn : d.productNameZh}
          </Typography.Title>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('enterprise')}>
              {language === 'en' && d.enterprise.nameEn ? d.enterprise.nameEn : d.enterprise.nameZh}
            </Descriptions.Item>
            <Descriptions.Item label={t('creditCode')}>{d.enterprise.creditCode}</Descriptions.Item>
            <Descriptions.Item label={t('standard')}>
              {d.standard.code}-{d.standard.version} {language === 'en' && d.standard.titleEn ? d.standard.titleEn : d.standard.titleZh}
            </Descriptions.Item>
            <Descriptions.Item label={t('models')}>{d.models.join(', ') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('status')}>
              <StatusTag family="declaration" status={d.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('version')}>{d.version}</Descriptions.Item>
            <Descriptions.Item label={t('publishedAt')}>{formatDateTime(d.publishedAt)}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t('indicators')}
            </Typography.Title>
            <Table<Schemas['KeyIndicatorView']>
              rowKey="name"
              size="small"
              pagination={false}
              dataSource={d.keyIndicators}
              title={() => t('indicatorCaption')}
              columns={[
                { title: t('name'), dataIndex: 'name' },
                { title: t('value'), dataIndex: 'value' },
                { title: t('unit'), dataIndex: 'unit', render: (u?: string | null) => u || '—' },
              ]}
            />
          </div>
          <div>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t('versions')}
            </Typography.Title>
            <List
              size="small"
              bordered
              dataSource={d.versions}
              renderItem={(v) => (
                <List.Item>
                  <Space wrap>
                    {v.id === d.id ? t('versionN', { n: v.version }) : <Link to={`/declarations/${v.id}`}>{t('versionN', { n: v.version })}</Link>}
                    <StatusTag family="declaration" status={v.status} />
                    {formatDate(v.publishedAt)}
                  </Space>
                </List.Item>
              )}
            />
          </div>
        </Space>
      )}
    </QueryState>
  );
}
