import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, List, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';
import { formatDateTime } from '../../../shared/dates';
import { QueryState } from '../../../shared/states';

type Section = Schemas['WorklistSection'];
type Item = Schemas['WorkItem'];

const messages = defineMessages({
  zh: {
    title: '工作台',
    intro: '按您的角色列出待办事项，最紧急的在前。',
    all: '查看全部（{count}）',
    none: '没有待办',
    applications_submitted: '已提交的申请',
    applications_in_review: '审查中的申请',
    my_audits: '我的审核',
    applications_awaiting_decision: '待认证决定',
    nonconformities_answered: '已答复的不符合项',
    mark_grants_requested: '标志使用申请',
    misuse_reports_open: '举报',
    counterfeit_signals_open: '疑似假冒',
    failed_jobs: '失败的后台任务',
    certificates_expiring: '即将到期的证书',
    other: '待办',
  },
  en: {
    title: 'Work list',
    intro: 'What waits for you, by your roles; the most pressing first.',
    all: 'See all ({count})',
    none: 'Nothing waiting',
    applications_submitted: 'Submitted applications',
    applications_in_review: 'Applications in review',
    my_audits: 'My audits',
    applications_awaiting_decision: 'Decisions due',
    nonconformities_answered: 'Nonconformities answered',
    mark_grants_requested: 'Mark grants requested',
    misuse_reports_open: 'Misuse reports',
    counterfeit_signals_open: 'Counterfeit signals',
    failed_jobs: 'Failed jobs',
    certificates_expiring: 'Certificates expiring',
    other: 'To do',
  },
});

/** Where a section's "see all" goes: the list of that kind, filtered as the section counts. */
const SECTION_LISTS: Partial<Record<Section['key'], string>> = {
  applications_submitted: '/applications?status=submitted',
  applications_in_review: '/applications?status=under_review',
  applications_awaiting_decision: '/decisions',
  my_audits: '/audits',
  nonconformities_answered: '/nonconformities?status=answered',
  mark_grants_requested: '/mark-grants?status=requested',
  misuse_reports_open: '/misuse-reports',
  counterfeit_signals_open: '/counterfeit-signals',
  failed_jobs: '/operations/jobs',
  certificates_expiring: '/certificates?expiring=90',
};

/** The page one item opens. */
function itemLink(section: Section['key'], item: Item): string | null {
  switch (item.target) {
    case 'application':
      return section === 'applications_awaiting_decision' ? `/applications/${item.id}/decision` : `/applications/${item.id}`;
    case 'audit':
      return `/audits/${item.id}`;
    case 'nonconformity':
      return item.parentId ? `/audits/${item.parentId}` : '/nonconformities';
    case 'certificate':
      return `/certificates/${item.id}`;
    case 'mark_grant':
      return item.parentId ? `/certificates/${item.parentId}` : '/mark-grants';
    case 'misuse_report':
      return `/misuse-reports/${item.id}`;
    case 'counterfeit_signal':
      return '/counterfeit-signals';
    case 'job':
      return '/operations/jobs';
    default:
      return null;
  }
}

export default function BodyHomePage() {
  const t = useT(messages);
  const query = useQuery({ queryKey: ['worklist'], queryFn: () => unwrap(api.GET('/api/v1/worklist')) });
  const title = (key: string) => (key in messages.zh ? t(key as keyof typeof messages.zh) : t('other'));
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <QueryState query={query}>
        {(worklist) => (
          <Row gutter={[16, 16]}>
            {worklist.sections.map((section) => {
              const list = SECTION_LISTS[section.key];
              return (
                <Col key={section.key} xs={24} md={12} xl={8}>
                  <Card
                    title={
                      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                        {title(section.key)} <Badge count={section.count} showZero color={section.count ? '#c8102e' : '#bfbfbf'} />
                      </Typography.Title>
                    }
                    extra={list && section.count > 0 ? <Link to={list}>{t('all', { count: section.count })}</Link> : undefined}
                    size="small"
                  >
                    <List
                      size="small"
                      dataSource={section.items}
                      locale={{ emptyText: t('none') }}
                      renderItem={(item) => {
                        const to = itemLink(section.key, item);
                        return (
                          <List.Item>
                            <List.Item.Meta
                              title={
                                to ? (
                                  // The list's title style would paint the link as plain text: a link must look like one.
                                  <Link to={to} style={{ color: '#0958d9' }}>
                                    {item.title}
                                  </Link>
                                ) : (
                                  item.title
                                )
                              }
                              description={[item.subtitle, item.at ? formatDateTime(item.at) : null].filter(Boolean).join(' · ')}
                            />
                          </List.Item>
                        );
                      }}
                    />
                  </Card>
                </Col>
              );
            })}
          </Row>
        )}
      </QueryState>
    </>
  );
}
