import { Link } from 'react-router';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { labelOf, type Labels } from '../../../i18n/labels';

const KIND_LABELS: Labels = {
  initial: { zh: '初次认证', en: 'Initial' },
  renewal: { zh: '再认证', en: 'Renewal' },
  extension: { zh: '扩大范围', en: 'Extension' },
};

const messages = defineMessages({
  zh: { label: '申请类型', certificate: '所涉证书' },
  en: { label: 'Kind', certificate: 'certificate concerned' },
});

/** What an application is (initial, renewal, extension), with a link to the certificate a renewal or extension is for. */
export function ApplicationKind({ kind, certificateId }: { kind: string; certificateId: string | null }) {
  const t = useT(messages);
  const { language } = useLanguage();
  return (
    <>
      {labelOf(KIND_LABELS, kind, language)}
      {certificateId && (
        <>
          {' · '}
          <Link to={`/certificates/${certificateId}`}>{t('certificate')}</Link>
        </>
      )}
    </>
  );
}

export function useKindTitle(): string {
  return useT(messages)('label');
}
