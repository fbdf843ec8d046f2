import { Skeleton } from 'antd';

export function PageSkeleton() {
  return <Skeleton active paragraph={{ rows: 6 }} aria-busy="true" />;
}
