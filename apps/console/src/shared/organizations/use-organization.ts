import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/**
 * One organization read by its id, cached under ['organizations', id] (its page, a name in a list,
 * a picker's starting value share the one read; creating an organization invalidates the prefix).
 * Names rarely change, so a read stays fresh for ten minutes.
 */
export function useOrganization(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['organizations', id],
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: enabled && !!id,
    staleTime: 10 * 60_000,
  });
}
