import { Body1, Dropdown, Field, Input, Option, Spinner, Subtitle1 } from '@fluentui/react-components';
import { DataVizPalette } from '@fluentui/react-charts';
import { useEffect, useState } from 'react';
import { type MetricFigures, type Metrics, parseMetrics } from '../../api/metrics';
import { useApiResource } from '../../api/useApiResource';
import { DestinationChart } from '../../charts/DestinationChart';
import { LevelDistributionChart } from '../../charts/LevelDistributionChart';
import { WeeklyTrendChart } from '../../charts/WeeklyTrendChart';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDay } from '../../format/dates';
import { formatMinutes, formatShare } from '../../format/numbers';
import { ConnectorHealth } from './ConnectorHealth';
import { MetricCard } from './MetricCard';
import { metricCards } from './metricCards';
import { useOrganisationPageStyles } from './OrganisationPage.styles';

const PERIODS = [
  { weeks: 4, label: 'Last 4 weeks' },
  { weeks: 13, label: 'Last quarter' },
  { weeks: 26, label: 'Last 6 months' },
] as const;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function metricsPath(weeks: number, department: string): string {
  const to = new Date();
  const from = new Date(to.getTime() - (weeks * 7 - 1) * 86_400_000);
  const query = new URLSearchParams({ from: isoDay(from), to: isoDay(to) });
  if (department.trim() !== '') query.set('department', department.trim());
  return `/metrics/organisation?${query.toString()}`;
}

/** Organisation (L&D admins): the five metrics with their weekly trends, by department, and the connector. */
export function OrganisationPage() {
  const styles = useOrganisationPageStyles();
  const [weeks, setWeeks] = useState<number>(13);
  const [department, setDepartment] = useState('');
  const [appliedDepartment, setAppliedDepartment] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setAppliedDepartment(department), 400);
    return () => clearTimeout(timer);
  }, [department]);
  const metrics = useApiResource(metricsPath(weeks, appliedDepartment), parseMetrics);

  return (
    <div className={styles.page}>
      <div className={styles.filters}>
        <Field label="Period">
          <Dropdown
            value={PERIODS.find((period) => period.weeks === weeks)?.label ?? ''}
            selectedOptions={[String(weeks)]}
            onOptionSelect={(_event, data) => setWeeks(Number(data.optionValue))}
          >
            {PERIODS.map((period) => (
              <Option key={period.weeks} value={String(period.weeks)}>
                {period.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Department (all when empty)">
          <Input value={department} onChange={(_event, data) => setDepartment(data.value)} />
        </Field>
      </div>
      {metrics.status === 'loading' && <Spinner label="Computing the metrics…" />}
      {metrics.status === 'error' && (
        <ProblemMessage
          title="The metrics could not be loaded"
          message={metrics.message}
          onRetry={metrics.reload}
        />
      )}
      {metrics.status === 'loaded' && metrics.data.figures === null && <Body1>{metrics.data.withheld}</Body1>}
      {metrics.status === 'loaded' && metrics.data.figures !== null && (
        <Figures metrics={{ ...metrics.data, figures: metrics.data.figures }} />
      )}
      <ConnectorHealth />
    </div>
  );
}

function Figures({ metrics }: { metrics: { period: Metrics['period']; figures: MetricFigures } }) {
  const styles = useOrganisationPageStyles();
  const { figures, period } = metrics;
  const weeks = figures.trend.map((week) => week.weekStart);
  return (
    <>
      <section className={styles.section} aria-labelledby="metrics-heading">
        <Subtitle1 as="h2" id="metrics-heading">
          {formatDay(period.from)} – {formatDay(period.to)} · {figures.activePeople} active people
        </Subtitle1>
        <div className={styles.cards}>
          {metricCards(figures).map((card) => (
            <MetricCard key={card.title} {...card} />
          ))}
        </div>
      </section>
      <section className={styles.charts} aria-label="Weekly trends">
        <WeeklyTrendChart
          title="Adoption by week (share at L2 or above)"
          weeks={weeks}
          series={[
            {
              legend: 'Adoption',
              color: DataVizPalette.color1,
              values: figures.trend.map((week) => week.adoptionShare),
            },
          ]}
          format={formatShare}
        />
        <WeeklyTrendChart
          title="Sessions by week"
          weeks={weeks}
          series={[
            {
              legend: 'Completed',
              color: DataVizPalette.color2,
              values: figures.trend.map((week) => week.sessionsCompleted),
            },
            {
              legend: 'Met the bar',
              color: DataVizPalette.color3,
              values: figures.trend.map((week) => week.sessionsMeetingBar),
            },
            {
              legend: 'On a colleague’s workflow',
              color: DataVizPalette.color4,
              values: figures.trend.map((week) => week.reuseSessions),
            },
          ]}
          format={String}
        />
        <WeeklyTrendChart
          title="Time saved by week"
          weeks={weeks}
          series={[
            {
              legend: 'Saved',
              color: DataVizPalette.color5,
              values: figures.trend.map((week) => week.minutesSaved),
            },
          ]}
          format={formatMinutes}
        />
        <DestinationChart minutesByDestination={figures.timeReallocation.byDestination} />
        <LevelDistributionChart
          title="Levels over time (people by highest level)"
          barLabel="Week"
          bars={figures.trend.map((week) => ({
            label: formatDay(week.weekStart),
            peopleByLevel: week.levels,
          }))}
        />
      </section>
    </>
  );
}
