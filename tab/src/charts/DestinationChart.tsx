import { DataVizPalette, getColorFromToken, DonutChart } from '@fluentui/react-charts';
import { formatMinutes } from '../format/numbers';
import { ChartWithTable } from './ChartWithTable';

const DESTINATIONS: Record<string, string> = {
  'deeper-analysis': 'Deeper analysis',
  customers: 'Customers',
  colleagues: 'Colleagues',
  learning: 'Learning',
  other: 'Other',
  unstated: 'Not said',
};
const COLOURS = [
  getColorFromToken(DataVizPalette.color1),
  getColorFromToken(DataVizPalette.color2),
  getColorFromToken(DataVizPalette.color3),
  getColorFromToken(DataVizPalette.color4),
  getColorFromToken(DataVizPalette.color5),
  getColorFromToken(DataVizPalette.disabled),
];

/** Where the saved time goes, as people said in their feedback. */
export function DestinationChart({ minutesByDestination }: { minutesByDestination: Record<string, number> }) {
  const entries = Object.keys(DESTINATIONS).map((key) => [key, minutesByDestination[key] ?? 0] as const);
  return (
    <ChartWithTable
      title="Where the saved time goes"
      columns={['Destination', 'Time']}
      rows={entries.map(([key, minutes]) => [DESTINATIONS[key] ?? key, formatMinutes(minutes)])}
      chart={
        <DonutChart
          height={240}
          innerRadius={55}
          data={{
            chartTitle: 'Where the saved time goes',
            chartData: entries.map(([key, minutes], index) => ({
              legend: DESTINATIONS[key] ?? key,
              data: Math.round(minutes),
              color: COLOURS[index],
            })),
          }}
        />
      }
    />
  );
}
