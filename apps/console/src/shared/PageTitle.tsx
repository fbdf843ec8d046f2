import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A screen's heading (its one h1) with the screen's main actions at the other end of the line. */
export function PageTitle({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {title}
      </Typography.Title>
      {children}
    </Space>
  );
}
