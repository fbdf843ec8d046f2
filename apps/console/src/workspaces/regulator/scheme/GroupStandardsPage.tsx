import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { api, unwrap } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';
import { GroupStandardsList } from '../../../shared/group-standards/GroupStandardsList';

const messages = defineMessages({
  zh: {
    title: '团体标准',
    intro: '各协会的团体标准。已发布的标准经先进性评价通过（以最近一次评价为准）后，才能列入认证目录的条目。',
    caption: '所有协会的团体标准',
  },
  en: {
    title: 'Group standards',
    intro:
      "Every association's group standards. A published one enters a catalogue entry only once its advancedness evaluation has passed (the latest one counts).",
    caption: "Every association's group standards",
  },
});

/** The regulator's view of every association's group standards, to evaluate the published ones. */
export default function GroupStandardsPage() {
  const t = useT(messages);
  // The associations that registered a group code: the only ones with group standards.
  const codes = useQuery({ queryKey: ['group-codes'], queryFn: () => unwrap(api.GET('/api/v1/group-codes')) });
  const associations = (codes.data ?? []).map((c) => ({ value: c.organizationId, label: `${c.organizationNameZh} (T/${c.code})` }));
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <GroupStandardsList caption={t('caption')} associations={associations} />
    </>
  );
}
