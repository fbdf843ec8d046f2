import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, List, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { defineMessages, useT } from '../../i18n/language';
import { formatDateTime } from '../dates';
import { QueryState } from '../states';

type Section = Schemas['WorklistSection'];
export type WorkItem = Schemas['WorkItem'];

const messages = defineMessages({
  zh: {
    applications_info_requested: '待补充资料的申请',
    nonconformities_open: '待整改的不符合项',
    certificates_expiring: '即将到期的证书',
    label_batches_generating: '生成中的标签批次',
    mark_grants_requested: '待批准的标志使用',
    applications_submitted: '已提交待受理的申请',
    applications_in_review: '审查中的申请',
    my_audits: '我的审核',
    applications_awaiting_decision: '待认证决定的申请',
    nonconformities_answered: '已答复待关闭的不符合项',
    counterfeit_signals_open: '待处理的疑似假冒信号',
    failed_jobs: '失败的后台任务',
    misuse_reports_open: '未结案的举报',
    catalogue_batches_draft: '未发布的目录批次',
    authorizations_expiring: '即将到期的机构授权',
    abnormal_operations_listed: '经营异常名录中的企业',
    nothing: '没有待办事项',
    more: '另有 {count} 项',
  },
  en: {
    applications_info_requested: 'Applications waiting for information',
    nonconformities_open: 'Open nonconformities',
    certificates_expiring: 'Certificates expiring soon',
    label_batches_generating: 'Label batches being generated',
    mark_grants_requested: 'Mark grants to approve',
    applications_submitted: 'Applications submitted',
    applications_in_review: 'Applications under review',
    my_audits: 'My audits',
    applications_awaiting_decision: 'Applications awaiting decision',
    nonconformities_answered: 'Answered nonconformities to close',
    counterfeit_signals_open: 'Open counterfeit signals',
    failed_jobs: 'Failed background jobs',
    misuse_reports_open: 'Misuse reports not closed',
    catalogue_batches_draft: 'Catalogue batches not yet published',
    authorizations_expiring: 'Authorizations expiring soon',
    abnormal_operations_listed: 'Enterprises on the abnormal-operations list',
    nothing: 'Nothing to do',
    more: '{count} more',
  },
});

/**
 * The caller's work list (GET /api/v1/worklist) as cards, one per section. `linkFor` maps an item
 * to its screen in the workspace (undefined: shown without a link).
 */
export function WorklistSections({
  linkFor,
  moreLinkFor,
}: {
  linkFor: (item: WorkItem) => string | undefined;
  moreLinkFor?: (section: Section) => string | undefined;
}) {
  const t = useT(messages);
  const query = useQuery({ queryKey: ['worklist'], queryFn: () => unwrap(api.GET('/api/v1/worklist')) });
  return (
    <QueryState query={query}>
      {(worklist) => (
        <Row gutter={[16, 16]}>
          {worklist.sections.map((section) => {
            const more = moreLinkFor?.(section);
            return (
              <Col key={section.key} xs={24} lg={12}>
                <Card
                  size="small"
                  title={
                    <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
                      {t(section.key)} <Badge count={section.count} showZero color={section.count ? '#c8102e' : '#bfbfbf'} overflowCount={999} />
                    </Typography.Title>
                  }
                >
                  <List
                    size="small"
                    dataSource={section.items}
                    locale={{ emptyText: <Typography.Text type="secondary">{t('nothing')}</Typography.Text> }}
                    renderItem={(item) => {
                      const to = linkFor(item);
                      return (
                        <List.Item>
                          <List.Item.Meta
                            title={to ? <Link to={to}>{item.title}</Link> : item.title}
                            description={[item.subtitle, formatDateTime(item.at)].filter(Boolean).join(' · ')}
                          />
                        </List.Item>
                      );
                    }}
                  />
                  {more && section.count > section.items.length && <Link to={more}>{t('more', { count: section.count - section.items.length })}</Link>}
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
    </QueryState>
  );
}
