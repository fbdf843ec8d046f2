import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { AppealCase } from '../../../shared/appeals/AppealCase';
import { QueryState } from '../../../shared/states';
import { OrganizationLink } from '../organizations/OrganizationLink';

/** An appeal as the regulator reads it: facts and timeline, no step (the body it is against handles it). */
export default function AppealDetailPage() {
  const { id = '' } = useParams();
  const appeal = useQuery({ queryKey: ['appeal', id], queryFn: () => unwrap(api.GET('/api/v1/appeals/{id}', { params: { path: { id } } })) });
  return <QueryState query={appeal}>{(a) => <AppealCase appeal={a} body={<OrganizationLink id={a.certificationBodyId} />} />}</QueryState>;
}
