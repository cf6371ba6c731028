import { DataVizPalette, getColorFromToken, VerticalStackedBarChart } from '@fluentui/react-charts';
import { LEVEL_KEYS, type LevelKey } from '../api/team';
import { ChartWithTable } from './ChartWithTable';

const LEVEL_COLOURS: Record<LevelKey, string> = {
  L0: getColorFromToken(DataVizPalette.disabled),
  L1: getColorFromToken(DataVizPalette.color1),
  L2: getColorFromToken(DataVizPalette.color2),
  L3: getColorFromToken(DataVizPalette.color3),
  L4: getColorFromToken(DataVizPalette.color4),
};

/** One bar: a skill area, or a week. */
export type LevelDistribution = {
  label: string;
  peopleByLevel: Partial<Record<LevelKey, number>>;
};

/** How many people are at each level, per skill area or per week, as stacked bars (and as a table). */
export function LevelDistributionChart(props: {
  title: string;
  barLabel: string;
  bars: readonly LevelDistribution[];
}) {
  const { title, barLabel, bars } = props;
  return (
    <ChartWithTable
      title={title}
      columns={[barLabel, ...LEVEL_KEYS]}
      rows={bars.map((bar) => [bar.label, ...LEVEL_KEYS.map((key) => bar.peopleByLevel[key] ?? 0)])}
      chart={
        <VerticalStackedBarChart
          height={260}
          chartTitle={title}
          data={bars.map((bar) => ({
            xAxisPoint: bar.label,
            chartData: LEVEL_KEYS.map((key) => ({
              legend: key,
              data: bar.peopleByLevel[key] ?? 0,
              color: LEVEL_COLOURS[key],
            })),
          }))}
        />
      }
    />
  );
}
