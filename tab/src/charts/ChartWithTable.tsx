import {
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { type ReactNode, useId, useState } from 'react';
import { useChartWithTableStyles } from './ChartWithTable.styles';

type Props = {
  title: string;
  /** The same figures as the chart, for screen readers and for anyone who prefers numbers. */
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  chart: ReactNode;
};

/** A chart with a switch to its figures as a table (the accessible alternative every chart here offers). */
export function ChartWithTable({ title, columns, rows, chart }: Props) {
  const styles = useChartWithTableStyles();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  return (
    <figure className={styles.figure} aria-labelledby={headingId}>
      <div className={styles.caption}>
        <figcaption id={headingId} className={styles.title}>
          {title}
        </figcaption>
        <Switch
          label="Show as table"
          checked={asTable}
          onChange={(_event, data) => setAsTable(data.checked)}
        />
      </div>
      {asTable ? (
        <Table aria-labelledby={headingId} size="small">
          <TableHeader>
            <TableRow>
              {columns.map((column) => (
                <TableHeaderCell key={column}>{column}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={String(row[0])}>
                {row.map((cell, index) => (
                  <TableCell key={columns[index]}>{cell}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        chart
      )}
    </figure>
  );
}
