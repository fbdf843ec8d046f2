import { useOrganization } from '../../../shared/organizations/use-organization';
import { Link } from 'react-router';
import { useLanguage } from '../../../i18n/language';
import { nameIn } from '../common';

/**
 * A link to an organization's page under its name, for a view that carries only the id. The name is
 * read by id (one request per organization, shared through the query cache with its page): there
 * are too many organizations to load them all for a lookup table.
 */
export function OrganizationLink({ id }: { id: string }) {
  const { language } = useLanguage();
  const org = useOrganization(id);
  return <Link to={`/organizations/${id}`}>{org.data ? nameIn(language, org.data.nameZh, org.data.nameEn) : id}</Link>;
}
