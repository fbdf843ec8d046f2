import { Breadcrumb, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { defineMessages, useT } from '../../i18n/language';
import { StatusTag } from '../StatusTag';
import { CaseLog } from './CaseLog';

const messages = defineMessages({
  zh: { timeline: '处理进程' },
  en: { timeline: 'Timeline' },
});

/**
 * A complaint's or an appeal's page: the way back to its list, its title with its state, what the
 * page says of it (`children`) and, beside it, its timeline.
 */
export function CaseLayout({
  list,
  of,
  title,
  family,
  children,
}: {
  /** The list the case belongs to: its path and its name in the breadcrumb. */
  list: { path: string; label: string };
  /** The complaint or the appeal. */
  of: { reference: string; status: string; timeline: Schemas['CaseTimelineEntry'][] };
  /** The heading: the kind of case and its reference. */
  title: string;
  family: 'complaint' | 'appeal';
  children: ReactNode;
}) {
  const t = useT(messages);
  return (
    <>
      <Breadcrumb items={[{ title: <Link to={list.path}>{list.label}</Link> }, { title: of.reference }]} />
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 12 }}>
        {title} <StatusTag family={family} status={of.status} />
      </Typography.Title>
      <Row gutter={24}>
        <Col xs={24} lg={14}>
          {children}
        </Col>
        <Col xs={24} lg={10}>
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            {t('timeline')}
          </Typography.Title>
          <CaseLog timeline={of.timeline} family={family} />
        </Col>
      </Row>
    </>
  );
}
