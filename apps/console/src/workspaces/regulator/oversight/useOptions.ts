import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { useLanguage } from '../../../i18n/language';
import { nameIn } from '../common';
import { allPages } from '../../../api/all-pages';

/** Certification bodies as select options (the first hundred; the scheme has a handful). */
export function useBodyOptions() {
  const { language } = useLanguage();
  const query = useQuery({
    queryKey: ['organizations', { kind: 'certification_body' }, 'options'],
    queryFn: () => unwrap(api.GET('/api/v1/organizations', { params: { query: { kind: 'certification_body', page: 1, pageSize: 100 } } })),
  });
  return { loading: query.isPending, options: (query.data?.items ?? []).map((o) => ({ value: o.id, label: nameIn(language, o.nameZh, o.nameEn) })) };
}

/** The product categories as a picker's options (`active` only the active ones), every page of them. */
export function useCategoryOptions(filter: { active?: boolean } = {}) {
  const { language } = useLanguage();
  const query = useQuery({
    queryKey: ['categories', filter, 'all-options'],
    queryFn: () => allPages((page) => unwrap(api.GET('/api/v1/categories', { params: { query: { page, pageSize: 100, ...filter } } }))),
  });
  return {
    loading: query.isPending,
    options: (query.data ?? []).map((c) => ({ value: c.code, label: `${c.code} ${nameIn(language, c.nameZh, c.nameEn)}` })),
  };
}
