import { defineMessages, useT } from '../../../i18n/language';
import { AppealsList } from '../../../shared/appeals/AppealsList';
import { OrganizationLink } from '../organizations/OrganizationLink';

const messages = defineMessages({
  zh: { intro: '企业对各认证机构决定提出的申诉（只读：由各认证机构处理）。', body: '认证机构' },
  en: { intro: 'Appeals of enterprises against every certification body’s decisions (read only: each body handles its own).', body: 'Certification body' },
});

/** Every body's appeals, each naming the body it is against (a link to the body's page). */
export default function AppealsPage() {
  const t = useT(messages);
  return (
    <AppealsList intro={t('intro')} bodyColumn={{ title: t('body'), key: 'body', render: (_, row) => <OrganizationLink id={row.certificationBodyId} /> }} />
  );
}
