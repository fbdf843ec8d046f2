import type { FieldRefusal } from '../../../api/field-sentences';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Schemas } from '../../../api/client';

export type FindingBody = Schemas['RecordFindingDto'];
export type AuditView = Schemas['AuditView'];

/** A finding typed on this device and not yet accepted by the API. Only findings are kept: never a credential. */
export interface FindingDraft {
  body: FindingBody;
  savedAt: string;
  /** The API refused it when it was sent later (not a network failure): the auditor must correct it. */
  refusal?: { status: number; code: string; message: string; fields: FieldRefusal[] };
}

type Drafts = Record<string, FindingDraft>;

const RETRY_MS = 20_000;
const keyOf = (auditId: string) => `szs.console.findingDrafts.${auditId}`;

/** A dropped connection or an API that is away for now: worth sending again; anything else is a refusal. */
export const isTransient = (error: unknown): boolean => error instanceof ApiError && (error.status === 0 || error.status === 503);

// One in-memory copy per audit over localStorage, so every card re-renders when a draft changes.
const listeners = new Set<() => void>();
const cache = new Map<string, Drafts>();

function read(auditId: string): Drafts {
  let drafts = cache.get(auditId);
  if (!drafts) {
    try {
      drafts = (JSON.parse(window.localStorage.getItem(keyOf(auditId)) ?? '{}') as Drafts) ?? {};
    } catch {
      drafts = {};
    }
    cache.set(auditId, drafts);
  }
  return drafts;
}

function write(auditId: string, update: (drafts: Drafts) => Drafts) {
  const next = update({ ...read(auditId) });
  cache.set(auditId, next);
  if (Object.keys(next).length) window.localStorage.setItem(keyOf(auditId), JSON.stringify(next));
  else window.localStorage.removeItem(keyOf(auditId));
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab of the same console may have sent or kept drafts.
  const onStorage = (e: StorageEvent) => {
    if (e.key?.startsWith('szs.console.findingDrafts.')) {
      cache.delete(e.key.slice('szs.console.findingDrafts.'.length));
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

const putFinding = (auditId: string, requirementId: string, body: FindingBody) =>
  unwrap(api.PUT('/api/v1/audits/{id}/findings/{requirementId}', { params: { path: { id: auditId, requirementId } }, body }));

/**
 * The audit's findings outbox. `save` keeps the finding on the device first, then sends it: accepted,
 * the draft goes; the network down or the API away (status 0/503), the draft stays and is sent again
 * when the browser is back online or on a timer, also after a reload; refused (400/409/...), the draft
 * goes and the refusal is thrown for the form to show.
 */
export function useFindingDrafts(auditId: string) {
  const queries = useQueryClient();
  const drafts = useSyncExternalStore(subscribe, () => read(auditId));
  const sending = useRef(false);

  const accepted = useCallback(
    (requirementId: string, view: AuditView) => {
      write(auditId, (d) => {
        delete d[requirementId];
        return d;
      });
      queries.setQueryData(['audit', auditId], view);
      void queries.invalidateQueries({ queryKey: ['audits'] });
    },
    [auditId, queries],
  );

  const save = useCallback(
    async (requirementId: string, body: FindingBody): Promise<'sent' | 'kept'> => {
      write(auditId, (d) => ({ ...d, [requirementId]: { body, savedAt: new Date().toISOString() } }));
      if (!navigator.onLine) return 'kept';
      try {
        accepted(requirementId, await putFinding(auditId, requirementId, body));
        return 'sent';
      } catch (error) {
        if (isTransient(error)) return 'kept';
        write(auditId, (d) => {
          delete d[requirementId];
          return d;
        });
        throw error;
      }
    },
    [auditId, accepted],
  );

  const discard = useCallback(
    (requirementId: string) =>
      write(auditId, (d) => {
        delete d[requirementId];
        return d;
      }),
    [auditId],
  );

  /** Sends every kept draft, one after the other; stops at the first network failure. */
  const flush = useCallback(async () => {
    if (sending.current || !navigator.onLine) return;
    sending.current = true;
    try {
      for (const [requirementId, draft] of Object.entries(read(auditId))) {
        if (draft.refusal) continue;
        try {
          accepted(requirementId, await putFinding(auditId, requirementId, draft.body));
        } catch (error) {
          if (isTransient(error)) break;
          const e = error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', String(error));
          write(auditId, (d) =>
            d[requirementId]
              ? { ...d, [requirementId]: { ...d[requirementId], refusal: { status: e.status, code: e.code, message: e.message, fields: e.fields } } }
              : d,
          );
        }
      }
    } finally {
      sending.current = false;
    }
  }, [auditId, accepted]);

  useEffect(() => {
    const onOnline = () => void flush();
    window.addEventListener('online', onOnline);
    const timer = window.setInterval(() => void flush(), RETRY_MS);
    void flush();
    return () => {
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
  }, [flush]);

  return { drafts, save, discard, flush };
}
