import { Alert, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../api/client';
import { useErrorSentence } from '../api/error-sentences';
import { applyFieldErrors } from './form-errors';
import { useLanguage } from '../i18n/language';

interface Refusal {
  error: unknown;
  /** Field refusals no form field carries: listed in the alert so none is lost. */
  unplaced: { field: string; reasons: string[] }[];
}

/**
 * A refused change: a 400's fields go next to the form fields they name, and every refusal is
 * also a sentence in an alert where the action was taken (a toast alone would vanish unread).
 */
export function useRefusal(form?: FormInstance) {
  const { language } = useLanguage();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const onError = useCallback(
    (error: unknown) => {
      const unplaced = form && error instanceof ApiError && error.status === 400 ? applyFieldErrors(form, error, language) : [];
      setRefusal({ error, unplaced });
    },
    [form, language],
  );
  const clear = useCallback(() => setRefusal(null), []);
  return { refusal, onError, clear };
}

export function RefusalAlert({ refusal }: { refusal: Refusal | null }) {
  const sentence = useErrorSentence();
  if (!refusal) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={sentence(refusal.error)}
      description={
        refusal.unplaced.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {refusal.unplaced.map((f) => (
              <li key={f.field}>
                {f.field}: {f.reasons.join('; ')}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}

/** A refused action (no form) as a sentence where it was taken. */
export function ActionAlert({ error }: { error: unknown }) {
  const sentence = useErrorSentence();
  if (!error) return null;
  return <Alert type="error" showIcon role="alert" title={sentence(error)} style={{ marginBottom: 16 }} />;
}
