import { DataVizPalette, VerticalStackedBarChart } from '@fluentui/react-charts';
import { LEVEL_KEYS, type LevelKey } from '../api/team';
import { ChartWithTable } from './ChartWithTable';

const LEVEL_COLOURS: Record<LevelKey, string> = {
  L0: DataVizPalette.disabled,
  L1: DataVizPalette.color1,
  L2: DataVizPalette.color2,
  L3: DataVizPalette.color3,
  L4: DataVizPalette.color4,
};

export type LevelDistribution = {
  skillAreaName: string;
  peopleByLevel: Partial<Record<LevelKey, number>>;
};

/** How many people are at each level, per skill area, as stacked bars (and as a table). */
export function LevelDistributionChart({
  title,
  areas,
}: {
  title: string;
  areas: readonly LevelDistribution[];
}) {
  return (
    <ChartWithTable
      title={title}
      columns={['Skill area', ...LEVEL_KEYS]}
      rows={areas.map((area) => [
        area.skillAreaName,
        ...LEVEL_KEYS.map((key) => area.peopleByLevel[key] ?? 0),
      ])}
      chart={
        <VerticalStackedBarChart
          height={260}
          chartTitle={title}
          data={areas.map((area) => ({
            xAxisPoint: area.skillAreaName,
            chartData: LEVEL_KEYS.map((key) => ({
              legend: key,
              data: area.peopleByLevel[key] ?? 0,
              color: LEVEL_COLOURS[key],
            })),
          }))}
        />
      }
    />
  );
}
