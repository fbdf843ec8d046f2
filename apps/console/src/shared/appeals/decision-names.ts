import { useCallback } from 'react';
import { useLanguage } from '../../i18n/language';
import { labelOf, type Labels } from '../../i18n/labels';

/** The decisions an appeal can be against, as DecisionAppealed.action names them. */
const APPEALED_DECISION_LABELS: Labels = {
  reject: { zh: '不予受理', en: 'Rejection of the application' },
  refuse: { zh: '不予发证', en: 'Refusal of certification' },
  suspend: { zh: '暂停证书', en: 'Suspension of the certificate' },
  scope_reduced: { zh: '缩小认证范围', en: 'Scope reduction' },
  withdraw: { zh: '撤销证书', en: 'Withdrawal of the certificate' },
};

export function useDecisionName(): (action: string) => string {
  const { language } = useLanguage();
  return useCallback((action: string) => labelOf(APPEALED_DECISION_LABELS, action, language), [language]);
}
