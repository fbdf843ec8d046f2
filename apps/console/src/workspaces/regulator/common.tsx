import { Alert, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/client';
import { useErrorSentence } from '../../api/error-sentences';
import { applyFieldErrors } from '../../shared/form-errors';

/** A refused action as a sentence where it was taken (role="alert" so people and tests can read it). */
export function ActionAlert({ error }: { error: unknown }) {
  const sentence = useErrorSentence();
  if (!error) return null;
  return <Alert type="error" showIcon role="alert" title={sentence(error)} style={{ marginBottom: 16 }} />;
}

/**
 * A form's refusal: a 400's fields go next to the form fields they name; the sentence (and any
 * field the form does not carry) goes into the alert at the top of the form.
 */
export function useFormRefusal(form: FormInstance) {
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<{ field: string; reasons: string[] }[]>([]);
  const onError = useCallback(
    (e: unknown) => {
      setError(e);
      setUnplaced(e instanceof ApiError && e.status === 400 ? applyFieldErrors(form, e) : []);
    },
    [form],
  );
  const reset = useCallback(() => {
    setError(null);
    setUnplaced([]);
  }, []);
  return { error, unplaced, onError, reset };
}

export function FormRefusal({ refusal }: { refusal: ReturnType<typeof useFormRefusal> }) {
  const sentence = useErrorSentence();
  if (!refusal.error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={sentence(refusal.error)}
      description={
        refusal.unplaced.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {refusal.unplaced.map((f) => (
              <li key={f.field}>
                {f.field}: {f.reasons.join('; ')}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

/** Bilingual names of the API: the English one when English is chosen and there is one. */
export const nameIn = (language: 'zh' | 'en', zh: string, en?: string | null): string => (language === 'en' && en ? en : zh);
