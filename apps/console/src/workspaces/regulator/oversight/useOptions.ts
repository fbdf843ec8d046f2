import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { useLanguage } from '../../../i18n/language';
import { nameIn } from '../common';
import { allPages } from '../../../api/all-pages';

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
