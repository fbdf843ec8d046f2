import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's page and filters live in the URL: a reload, the back button or a shared link shows the
 * same list. Setting a filter goes back to page 1; empty values leave the URL.
 */
export function useListParams<F extends string>(filterNames: readonly F[], defaultPageSize = 20) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(params.get('pageSize')) || defaultPageSize));
  // filterNames: a module-level constant of the screen, so the filters change only when the URL does.
  const filters = useMemo(() => {
    const out = {} as Partial<Record<F, string>>;
    for (const name of filterNames) {
      const value = params.get(name);
      if (value) out[name] = value;
    }
    return out;
  }, [params, filterNames]);

  const setFilters = useCallback(
    (next: Partial<Record<F, string | undefined>>) =>
      setParams((current) => {
        const out = new URLSearchParams(current);
        for (const [name, value] of Object.entries(next) as [string, string | undefined][]) {
          if (value) out.set(name, value);
          else out.delete(name);
        }
        out.delete('page');
        return out;
      }),
    [setParams],
  );

  const setPage = useCallback(
    (nextPage: number, nextSize: number) =>
      setParams((current) => {
        const out = new URLSearchParams(current);
        out.set('page', String(nextPage));
        out.set('pageSize', String(nextSize));
        return out;
      }),
    [setParams],
  );

  return { page, pageSize, filters, setFilters, setPage };
}
