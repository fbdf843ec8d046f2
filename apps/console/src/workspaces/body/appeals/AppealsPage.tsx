import { defineMessages, useT } from '../../../i18n/language';
import { AppealsList } from '../../../shared/appeals/AppealsList';

const messages = defineMessages({
  zh: { intro: '企业对本机构决定（不予受理、不予发证、暂停、缩小范围、撤销）提出的申诉。' },
  en: { intro: 'Appeals of enterprises against this body’s decisions (rejection, refusal, suspension, scope reduction, withdrawal).' },
});

export default function AppealsPage() {
  const t = useT(messages);
  return <AppealsList intro={t('intro')} />;
}
