import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT, type Translate } from '../../../i18n/language';
import { statusLabel } from '../../../i18n/labels';
import { EmptyState, QueryState } from '../../../shared/states';
import { nameIn } from '../common';
import { EChart, type ChartOption } from './EChart';

const messages = defineMessages({
  zh: {
    title: '统计看板',
    asOf: '截至 {today}（北京时间）',
    byCategory: '各类别证书数',
    byMonth: '近 12 个月发证数',
    byStatus: '证书状态分布',
    verifications: '近 30 天查验次数',
    signalsPerDay: '近 30 天疑似假冒信号',
    signalsByStatus: '疑似假冒信号处理状态',
    all: '全部证书',
    valid: '有效证书',
    issued: '发证',
    certificate: '证书查验',
    label: '标签查验',
    signals: '信号',
    summaryCategory: '各类别证书数：{list}',
    summaryMonth: '近 12 个月每月发证数：{list}',
    summaryStatus: '证书状态：{list}',
    summaryVerifications: '近 30 天查验共 {total} 次（证书 {certificate} 次，标签 {label} 次），最多一天 {max} 次',
    summarySignals: '近 30 天疑似假冒信号共 {total} 条，最多一天 {max} 条',
    summarySignalStatus: '疑似假冒信号：{list}',
    none: '暂无',
  },
  en: {
    title: 'Dashboard',
    asOf: 'As of {today} (Beijing time)',
    byCategory: 'Certificates by category',
    byMonth: 'Certificates issued, last 12 months',
    byStatus: 'Certificates by status',
    verifications: 'Verifications per day, last 30 days',
    signalsPerDay: 'Counterfeit signals per day, last 30 days',
    signalsByStatus: 'Counterfeit signals by status',
    all: 'All certificates',
    valid: 'Valid',
    issued: 'Issued',
    certificate: 'Certificate checks',
    label: 'Label checks',
    signals: 'Signals',
    summaryCategory: 'Certificates by category: {list}',
    summaryMonth: 'Certificates issued per month, last 12 months: {list}',
    summaryStatus: 'Certificates by status: {list}',
    summaryVerifications: '{total} verifications in the last 30 days ({certificate} certificate, {label} label checks); at most {max} in a day',
    summarySignals: '{total} counterfeit signals in the last 30 days; at most {max} in a day',
    summarySignalStatus: 'Counterfeit signals: {list}',
    none: 'none',
  },
});

type Dashboard = Schemas['DashboardView'];

const STATUS_COLORS: Record<string, string> = {
  valid: '#52c41a',
  suspended: '#faad14',
  withdrawn: '#c8102e',
  cancelled: '#8c8c8c',
  expired: '#bfbfbf',
  open: '#faad14',
  dismissed: '#8c8c8c',
  confirmed: '#c8102e',
};

const listOf = (pairs: [string, number][], t: Translate<typeof messages.zh>, sep: string): string =>
  pairs.length ? pairs.map(([k, v]) => `${k} ${v}`).join(sep) : t('none');

const shortDay = (day: string): string => day.slice(5);

function useCharts(data: Dashboard | undefined) {
  const t = useT(messages);
  const { language } = useLanguage();
  return useMemo(() => {
    if (!data) return null;
    const sep = language === 'zh' ? '；' : '; ';
    const categories = data.certificatesByCategory.map((c) => nameIn(language, c.nameZh, c.nameEn));
    const byCategory: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: categories, axisLabel: { width: 140, overflow: 'truncate' } },
      series: [
        { name: t('all'), type: 'bar', barMaxWidth: 24, data: data.certificatesByCategory.map((c) => c.count), itemStyle: { color: '#c8102e' } },
        { name: t('valid'), type: 'bar', barMaxWidth: 24, data: data.certificatesByCategory.map((c) => c.valid), itemStyle: { color: '#52c41a' } },
      ],
    };
    const byMonth: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, bottom: 8, top: 24, containLabel: true },
      xAxis: { type: 'category', data: data.issuedPerMonth.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('issued'), type: 'bar', barMaxWidth: 32, data: data.issuedPerMonth.map((m) => m.count), itemStyle: { color: '#c8102e' } }],
    };
    const pie = (rows: { status: string; count: number }[], family: 'certificate' | 'signal'): ChartOption => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          center: ['50%', '45%'],
          // Zero slices would only crowd the labels; a chart of nothing is not drawn at all (see ChartCard).
          data: rows
            .filter((r) => r.count > 0)
            .map((r) => ({ name: statusLabel(family, r.status, language), value: r.count, itemStyle: { color: STATUS_COLORS[r.status] } })),
        },
      ],
    });
    const verifications: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: data.verificationsPerDay.map((d) => shortDay(d.day)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('certificate'),
          type: 'line',
          stack: 'all',
          areaStyle: {},
          data: data.verificationsPerDay.map((d) => d.certificate),
          itemStyle: { color: '#1677ff' },
        },
        { name: t('label'), type: 'line', stack: 'all', areaStyle: {}, data: data.verificationsPerDay.map((d) => d.label), itemStyle: { color: '#13c2c2' } },
      ],
    };
    const signals: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, bottom: 8, top: 24, containLabel: true },
      xAxis: { type: 'category', data: data.counterfeitSignalsPerDay.map((d) => shortDay(d.day)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('signals'), type: 'bar', barMaxWidth: 16, data: data.counterfeitSignalsPerDay.map((d) => d.count), itemStyle: { color: '#fa541c' } }],
    };
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
    return {
      byCategory: {
        empty: data.certificatesByCategory.length === 0,
        option: byCategory,
        summary: t('summaryCategory', {
          list: listOf(
            data.certificatesByCategory.map((c, i) => [categories[i], c.count]),
            t,
            sep,
          ),
        }),
      },
      byMonth: {
        option: byMonth,
        summary: t('summaryMonth', {
          list: listOf(
            data.issuedPerMonth.map((m) => [m.month, m.count]),
            t,
            sep,
          ),
        }),
      },
      byStatus: {
        empty: sum(data.certificatesByStatus.map((r) => r.count)) === 0,
        option: pie(data.certificatesByStatus, 'certificate'),
        summary: t('summaryStatus', {
          list: listOf(
            data.certificatesByStatus.map((s) => [statusLabel('certificate', s.status, language), s.count]),
            t,
            sep,
          ),
        }),
      },
      verifications: {
        option: verifications,
        summary: t('summaryVerifications', {
          total: sum(data.verificationsPerDay.map((d) => d.total)),
          certificate: sum(data.verificationsPerDay.map((d) => d.certificate)),
          label: sum(data.verificationsPerDay.map((d) => d.label)),
          max: max(data.verificationsPerDay.map((d) => d.total)),
        }),
      },
      signals: {
        option: signals,
        summary: t('summarySignals', {
          total: sum(data.counterfeitSignalsPerDay.map((d) => d.count)),
          max: max(data.counterfeitSignalsPerDay.map((d) => d.count)),
        }),
      },
      signalsByStatus: {
        empty: sum(data.counterfeitSignalsByStatus.map((r) => r.count)) === 0,
        option: pie(data.counterfeitSignalsByStatus, 'signal'),
        summary: t('summarySignalStatus', {
          list: listOf(
            data.counterfeitSignalsByStatus.map((s) => [statusLabel('signal', s.status, language), s.count]),
            t,
            sep,
          ),
        }),
      },
    };
  }, [data, language, t]);
}

function ChartCard({ title, chart }: { title: string; chart: { option: ChartOption; summary: string; empty?: boolean } }) {
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {title}
        </Typography.Title>
      }
      size="small"
    >
      {chart.empty ? (
        <div style={{ height: 280, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <EmptyState description={chart.summary} />
        </div>
      ) : (
        <EChart option={chart.option} summary={chart.summary} />
      )}
    </Card>
  );
}

/** The regulator's picture of the scheme; loaded as its own chunk so ECharts stays out of the first screen. */
export default function DashboardPage() {
  const t = useT(messages);
  const query = useQuery({ queryKey: ['statistics', 'dashboard'], queryFn: () => unwrap(api.GET('/api/v1/statistics/dashboard')) });
  const charts = useCharts(query.data);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <QueryState query={query}>
        {(data) =>
          charts && (
            <>
              <Typography.Paragraph type="secondary">{t('asOf', { today: data.today })}</Typography.Paragraph>
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  <ChartCard title={t('byCategory')} chart={charts.byCategory} />
                </Col>
                <Col xs={24} xl={12}>
                  <ChartCard title={t('byMonth')} chart={charts.byMonth} />
                </Col>
                <Col xs={24} xl={12}>
                  <ChartCard title={t('byStatus')} chart={charts.byStatus} />
                </Col>
                <Col xs={24} xl={12}>
                  <ChartCard title={t('verifications')} chart={charts.verifications} />
                </Col>
                <Col xs={24} xl={12}>
                  <ChartCard title={t('signalsPerDay')} chart={charts.signals} />
                </Col>
                <Col xs={24} xl={12}>
                  <ChartCard title={t('signalsByStatus')} chart={charts.signalsByStatus} />
                </Col>
              </Row>
            </>
          )
        }
      </QueryState>
    </>
  );
}
