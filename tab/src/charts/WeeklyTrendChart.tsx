import { LineChart } from '@fluentui/react-charts';
import { formatDay } from '../format/dates';
import { ChartWithTable } from './ChartWithTable';

type Series = { legend: string; color: string; values: readonly (number | null)[] };

/** Weekly lines (one per series) with the same figures as a table. */
export function WeeklyTrendChart(props: {
  title: string;
  weeks: readonly string[];
  series: readonly Series[];
  format: (value: number) => string;
}) {
  const { title, weeks, series, format } = props;
  return (
    <ChartWithTable
      title={title}
      columns={['Week', ...series.map((line) => line.legend)]}
      rows={weeks.map((week, index) => [
        formatDay(week),
        ...series.map((line) => {
          const value = line.values[index];
          return value === null || value === undefined ? '—' : format(value);
        }),
      ])}
      chart={
        <LineChart
          height={240}
          data={{
            chartTitle: title,
            lineChartData: series.map((line) => ({
              legend: line.legend,
              color: line.color,
              data: weeks.flatMap((week, index) => {
                const value = line.values[index];
                return value === null || value === undefined ? [] : [{ x: new Date(week), y: value }];
              }),
            })),
          }}
        />
      }
    />
  );
}
