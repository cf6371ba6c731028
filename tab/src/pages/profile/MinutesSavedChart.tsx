import { Spinner } from '@fluentui/react-components';
import { DataVizPalette } from '@fluentui/react-charts';
import { parseMetrics } from '../../api/metrics';
import { useApiResource } from '../../api/useApiResource';
import { WeeklyTrendChart } from '../../charts/WeeklyTrendChart';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatMinutes } from '../../format/numbers';

const WEEKS = 13;

function lastWeeks(): string {
  const to = new Date();
  const from = new Date(to.getTime() - (WEEKS * 7 - 1) * 86_400_000);
  return `/metrics/me?from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}`;
}

/** Minutes I saved each week over the last quarter (manual minutes minus the minutes it took). */
export function MinutesSavedChart() {
  const metrics = useApiResource(lastWeeks(), parseMetrics);
  if (metrics.status === 'loading') return <Spinner size="small" label="Adding up the time you saved…" />;
  if (metrics.status === 'error')
    return (
      <ProblemMessage
        title="Time saved could not be loaded"
        message={metrics.message}
        onRetry={metrics.reload}
      />
    );
  const trend = metrics.data.figures?.trend ?? [];
  return (
    <WeeklyTrendChart
      title="Time you saved each week"
      weeks={trend.map((week) => week.weekStart)}
      series={[
        { legend: 'Saved', color: DataVizPalette.color5, values: trend.map((week) => week.minutesSaved) },
      ]}
      format={formatMinutes}
    />
  );
}
