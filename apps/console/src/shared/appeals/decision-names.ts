import { useCallback } from 'react';
import { useLanguage } from '../../i18n/language';
import { APPEALED_DECISION_LABELS, labelOf } from '../../i18n/labels';

/** The name of the decision an appeal is against, in the console's language. */
export function useDecisionName(): (action: string) => string {
  const { language } = useLanguage();
  return useCallback((action: string) => labelOf(APPEALED_DECISION_LABELS, action, language), [language]);
}
