import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';
import { formatDate, formatDateTime } from '../../../shared/dates';
import { QueryState } from '../../../shared/states';

type Certificate = Schemas['CertificateView'];
type Edition = Schemas['CertificateEditionView'];

const messages = defineMessages({
  zh: {
    title: '证书生命周期',
    transition: '标准换版转换截止',
    transitionTo: '{date}（转换至 {standard}）',
    edition: '当前版次',
    editionN: '第 {n} 版',
    renews: '本证书为以下证书的再认证',
    renewedBy: '已由以下证书再认证',
    editions: '证书版次',
    editionCol: '版次',
    firstIssue: '首次颁发',
    issuedAt: '签发时间',
    reason: '原因',
    current: '现行版',
    superseded: '已被替代',
    download: '第 {n} 版 PDF',
    caption: '每次换版后旧版 PDF 仍可下载',
  },
  en: {
    title: 'Life of the certificate',
    transition: 'Standard transition deadline',
    transitionTo: '{date} (to {standard})',
    edition: 'Current edition',
    editionN: 'edition {n}',
    renews: 'Renews',
    renewedBy: 'Renewed by',
    editions: 'Editions',
    editionCol: 'Edition',
    firstIssue: 'First issue',
    issuedAt: 'Issued',
    reason: 'Reason',
    current: 'current',
    superseded: 'superseded',
    download: 'Edition {n} PDF',
    caption: 'Earlier editions stay downloadable after a re-issue',
  },
});

/** A standard transition, the edition and the renewal lineage of a certificate, as its holder sees them. */
export function CertificateLifecycle({ certificate }: { certificate: Certificate }) {
  const t = useT(messages);
  // Surveillance is the SurveillanceCard's (certificate.surveillance), beside this card.
  const { transition, renews, renewedBy, edition } = certificate.lifecycle;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('title')}
        </Typography.Title>
      }
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        {transition && (
          <Descriptions.Item label={t('transition')}>
            {t('transitionTo', {
              date: formatDate(transition.deadline),
              standard: transition.standard ? `${transition.standard.code}-${transition.standard.version}` : '—',
            })}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('edition')}>{t('editionN', { n: edition })}</Descriptions.Item>
        {renews && (
          <Descriptions.Item label={t('renews')}>
            <Link to={`/certificates/${renews.id}`}>{renews.number}</Link>
          </Descriptions.Item>
        )}
        {renewedBy && (
          <Descriptions.Item label={t('renewedBy')}>
            <Link to={`/certificates/${renewedBy.id}`}>{renewedBy.number}</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      <CertificateEditions certificate={certificate} />
    </Card>
  );
}

function CertificateEditions({ certificate }: { certificate: Certificate }) {
  const t = useT(messages);
  const query = useQuery({
    queryKey: ['certificate-editions', certificate.id, certificate.lifecycle.edition],
    queryFn: () => unwrap(api.GET('/api/v1/certificates/{id}/editions', { params: { path: { id: certificate.id } } })),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
      <Typography.Title level={3} style={{ fontSize: 14, margin: 0 }}>
        {t('editions')}
      </Typography.Title>
      <QueryState query={query}>
        {(editions) => (
          <Table<Edition>
            rowKey="edition"
            size="small"
            pagination={false}
            dataSource={editions}
            title={() => t('caption')}
            columns={[
              {
                title: t('editionCol'),
                key: 'edition',
                render: (_, e) => (
                  <Space size={4}>
                    {t('editionN', { n: e.edition })}
                    <Tag>{t(e.current ? 'current' : 'superseded')}</Tag>
                  </Space>
                ),
              },
              { title: t('issuedAt'), dataIndex: 'issuedAt', render: (d: string) => formatDateTime(d) },
              // The first edition's reason is the API's word for the issue itself.
              { title: t('reason'), dataIndex: 'reason', render: (r: string) => (r === 'issued' ? t('firstIssue') : r) },
              {
                title: 'PDF',
                key: 'pdf',
                render: (_, e) =>
                  e.pdfSha256 ? (
                    <Button size="small" icon={<FilePdfOutlined />} href={`/api/v1/certificates/${certificate.id}/editions/${e.edition}/pdf`} download>
                      {t('download', { n: e.edition })}
                    </Button>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </Space>
  );
}
