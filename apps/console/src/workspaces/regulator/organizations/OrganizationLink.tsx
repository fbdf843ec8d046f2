import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { useLanguage } from '../../../i18n/language';
import { nameIn } from '../common';

/**
 * A link to an organization's page under its name, for a view that carries only the id. The name is
 * read by id (one request per organization, shared through the query cache with its page): there
 * are too many organizations to load them all for a lookup table.
 */
export function OrganizationLink({ id }: { id: string }) {
  const { language } = useLanguage();
  const org = useQuery({ queryKey: ['organizations', id], queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id } } })) });
  return <Link to={`/organizations/${id}`}>{org.data ? nameIn(language, org.data.nameZh, org.data.nameEn) : id}</Link>;
}
