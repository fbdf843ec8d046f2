import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, List, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';
import { formatDate } from '../../../shared/dates';
import { EmptyState, QueryState } from '../../../shared/states';

type Section = Schemas['WorklistSection'];
type WorkItem = Schemas['WorkItem'];

const messages = defineMessages({
  zh: {
    title: '待办事项',
    nothing: '目前没有需要您处理的事项',
    applications_info_requested: '待补充资料的申请',
    nonconformities_open: '待整改的不符合项',
    certificates_expiring: '即将到期的证书',
    mark_grants_requested: '待批准的标志使用申请',
    label_batches_generating: '生成中的标签批次',
    other: '其他事项',
    seeAll: '查看全部',
    more: '另有 {count} 项',
  },
  en: {
    title: 'What needs me',
    nothing: 'Nothing waits for you at the moment',
    applications_info_requested: 'Applications with information requested',
    nonconformities_open: 'Nonconformities to answer',
    certificates_expiring: 'Certificates expiring',
    mark_grants_requested: 'Mark grants waiting',
    label_batches_generating: 'Label batches generating',
    other: 'Other items',
    seeAll: 'See all',
    more: '{count} more',
  },
});

type Key = keyof (typeof messages)['zh'];

/** Where each kind of item is handled in this workspace (certificates and their grants and batches: part B's screens). */
function linkOf(item: WorkItem): string | null {
  switch (item.target) {
    case 'application':
      return `/applications/${item.id}`;
    case 'nonconformity':
      return '/nonconformities';
    case 'certificate':
      return `/certificates/${item.id}`;
    case 'mark_grant':
    case 'label_batch':
      return item.parentId ? `/certificates/${item.parentId}` : null;
    default:
      return null;
  }
}

/** The list behind a section, for its "see all" link. */
const SECTION_LINKS: Partial<Record<Section['key'], string>> = {
  applications_info_requested: '/applications?status=info_requested',
  nonconformities_open: '/nonconformities',
  certificates_expiring: '/certificates',
};

function SectionCard({ section }: { section: Section }) {
  const t = useT(messages);
  const title = (section.key in messages.zh ? t(section.key as Key) : t('other')) as string;
  const all = SECTION_LINKS[section.key];
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {title} <Badge count={section.count} showZero color={section.count ? '#c8102e' : '#bfbfbf'} />
        </Typography.Title>
      }
      extra={all && <Link to={all}>{t('seeAll')}</Link>}
    >
      <List
        dataSource={section.items}
        locale={{ emptyText: <EmptyState /> }}
        renderItem={(item) => {
          const to = linkOf(item);
          return (
            <List.Item extra={item.at ? formatDate(item.at) : undefined}>
              <List.Item.Meta title={to ? <Link to={to}>{item.title}</Link> : item.title} description={item.subtitle ?? undefined} />
            </List.Item>
          );
        }}
      />
      {section.count > section.items.length && <Typography.Text type="secondary">{t('more', { count: section.count - section.items.length })}</Typography.Text>}
    </Card>
  );
}

export default function HomePage() {
  const t = useT(messages);
  const query = useQuery({ queryKey: ['worklist'], queryFn: () => unwrap(api.GET('/api/v1/worklist')) });
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <QueryState query={query} isEmpty={(w) => w.sections.every((s) => s.count === 0)} empty={t('nothing')}>
        {(worklist) => (
          <Row gutter={[16, 16]}>
            {worklist.sections
              .filter((s) => s.count > 0)
              .map((section) => (
                <Col key={section.key} xs={24} lg={12}>
                  <SectionCard section={section} />
                </Col>
              ))}
          </Row>
        )}
      </QueryState>
    </>
  );
}
