import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, List, Typography } from 'antd';
import { ApiError } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';

interface Check {
  check: string;
  passed: boolean;
  message: string;
}

const messages = defineMessages({
  zh: {
    title: '提交前检查未通过，请按下列清单处理后再提交',
    passed: '通过',
    failed: '未通过',
    catalogue_entry_open: '认证目录中的该类别正在受理申请',
    category_active: '该产品或服务类别有效',
    certification_body_authorized: '所选认证机构在该类别获授权且有效',
    enterprise_not_abnormal: '企业未被列入经营异常名录',
    enterprise_not_seriously_listed: '企业未被列入严重违法失信名单',
    scope_within_declaration: '认证范围中的型号均已在自我声明中列出',
    self_declaration_current: '自我声明为现行有效版本',
    standard_applies: '所依据的标准适用于该类别',
  },
  en: {
    title: 'The submission checks did not pass: fix what the list shows, then submit again',
    passed: 'Passed',
    failed: 'Failed',
    catalogue_entry_open: 'The catalogue entry takes applications',
    category_active: 'The product or service category is active',
    certification_body_authorized: 'The certification body is authorized for the category',
    enterprise_not_abnormal: 'The enterprise is not listed for abnormal operations',
    enterprise_not_seriously_listed: 'The enterprise is not on the serious-violation list',
    scope_within_declaration: 'Every model in the scope is in the self-declaration',
    self_declaration_current: 'The self-declaration is the current version',
    standard_applies: 'The standard applies to the category',
  },
});

type Key = keyof (typeof messages)['zh'];

/** The checks a 422 SUBMISSION_CHECK_FAILED carries in details.checks (each with the API's own explanation). */
export function submissionChecksOf(error: unknown): Check[] | null {
  if (!(error instanceof ApiError) || error.code !== 'SUBMISSION_CHECK_FAILED') return null;
  const checks = error.details.checks;
  if (!Array.isArray(checks)) return [];
  return checks.filter(
    (c): c is Check => typeof c === 'object' && c !== null && typeof (c as Check).check === 'string' && typeof (c as Check).passed === 'boolean',
  );
}

/** What blocked the submission, as a checklist: the failed checks first, each with the reason the API gave. */
export function SubmissionChecks({ checks }: { checks: Check[] }) {
  const t = useT(messages);
  const ordered = [...checks].sort((a, b) => Number(a.passed) - Number(b.passed));
  return (
    <Alert
      type="error"
      role="alert"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('title')}
      description={
        <List
          size="small"
          dataSource={ordered}
          renderItem={(c) => (
            <List.Item>
              <span>
                {c.passed ? (
                  <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={t('passed')} />
                ) : (
                  <CloseCircleFilled style={{ color: '#cf1322' }} aria-label={t('failed')} />
                )}{' '}
                <Typography.Text strong={!c.passed}>{c.check in messages.zh ? t(c.check as Key) : c.check}</Typography.Text>
                {!c.passed && <Typography.Text type="secondary"> — {c.message}</Typography.Text>}
              </span>
            </List.Item>
          )}
        />
      }
    />
  );
}
