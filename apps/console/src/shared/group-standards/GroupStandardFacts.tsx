import { Descriptions } from 'antd';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { formatDate } from '../dates';
import { StatusTag } from '../StatusTag';

const messages = defineMessages({
  zh: {
    number: '编号',
    notYet: '发布时编号',
    status: '状态',
    association: '发布团体',
    titleZh: '中文名称',
    titleEn: '英文名称',
    ics: 'ICS 分类号',
    ccs: 'CCS 分类号',
    categories: '适用产品类别',
    proposedOn: '提出日期',
    approvedOn: '立项日期',
    commentPeriod: '征求意见期',
    publishedOn: '发布日期',
    implementationOn: '实施日期',
    reviewDueOn: '下次复审最迟',
    withdrawnOn: '废止日期',
    standard: '平台标准记录（条款）',
    revises: '修订自',
    revisedBy: '修订版本',
    scope: '范围',
  },
  en: {
    number: 'Number',
    notYet: 'given on publication',
    status: 'Status',
    association: 'Association',
    titleZh: 'Chinese title',
    titleEn: 'English title',
    ics: 'ICS class',
    ccs: 'CCS class',
    categories: 'Product categories',
    proposedOn: 'Proposed',
    approvedOn: 'Project approved',
    commentPeriod: 'Comment period',
    publishedOn: 'Published',
    implementationOn: 'In force from',
    reviewDueOn: 'Next review by',
    withdrawnOn: 'Withdrawn',
    standard: "The platform's standard record (clauses)",
    revises: 'Revises',
    revisedBy: 'Revised by',
    scope: 'Scope',
  },
});

/** What a group standard is and where it stands, the same for its association and the regulator. */
export function GroupStandardFacts({ standard: g }: { standard: Schemas['GroupStandardView'] }) {
  const t = useT(messages);
  const { language } = useLanguage();
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label={t('number')}>{g.number ?? t('notYet')}</Descriptions.Item>
      <Descriptions.Item label={t('status')}>
        <StatusTag family="groupStandard" status={g.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('association')}>
        {language === 'en' && g.association.nameEn ? g.association.nameEn : g.association.nameZh} (T/{g.association.groupCode})
      </Descriptions.Item>
      <Descriptions.Item label={t('categories')}>{g.categoryCodes.join(', ')}</Descriptions.Item>
      <Descriptions.Item label={t('titleZh')}>{g.titleZh}</Descriptions.Item>
      <Descriptions.Item label={t('titleEn')}>{g.titleEn ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('ics')}>{g.ics ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('ccs')}>{g.ccs ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('proposedOn')}>{formatDate(g.proposedOn)}</Descriptions.Item>
      <Descriptions.Item label={t('approvedOn')}>{formatDate(g.approvedOn)}</Descriptions.Item>
      <Descriptions.Item label={t('commentPeriod')}>{g.commentFrom ? `${formatDate(g.commentFrom)} – ${formatDate(g.commentTo)}` : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('publishedOn')}>{formatDate(g.publishedOn)}</Descriptions.Item>
      <Descriptions.Item label={t('implementationOn')}>{formatDate(g.implementationOn)}</Descriptions.Item>
      <Descriptions.Item label={t('reviewDueOn')}>{formatDate(g.reviewDueOn)}</Descriptions.Item>
      <Descriptions.Item label={t('withdrawnOn')}>{formatDate(g.withdrawnOn)}</Descriptions.Item>
      {g.standardId && (
        <Descriptions.Item label={t('standard')}>
          <Link to={`/standards/${g.standardId}`}>{g.number}</Link>
        </Descriptions.Item>
      )}
      {g.revisesId && (
        <Descriptions.Item label={t('revises')}>
          <Link to={`/group-standards/${g.revisesId}`}>{t('revises')}</Link>
        </Descriptions.Item>
      )}
      {g.revisedById && (
        <Descriptions.Item label={t('revisedBy')}>
          <Link to={`/group-standards/${g.revisedById}`}>{t('revisedBy')}</Link>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('scope')} span={2}>
        {g.scope}
      </Descriptions.Item>
    </Descriptions>
  );
}
