import { readFileSync } from 'node:fs';
import type { Check } from './load-check';
import { byOperation, figuresOf, saturationOf, type Step } from './load-steps';
import type { LoadTally } from './load-tally';
import { formatMs } from './stats';

export type Memory = { rssMb: number; peakMb: number };

/** Resident memory now and at its peak (VmRSS, VmHWM) of a running process, from /proc/<pid>/status. */
export function memoryOf(pid: number | undefined): Memory | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const mb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
    return { rssMb: mb('VmRSS'), peakMb: mb('VmHWM') };
  } catch {
    return null;
  }
}

export const formatMemory = (memory: Memory | null) =>
  memory ? `RSS ${memory.rssMb.toFixed(0)} MB (peak ${memory.peakMb.toFixed(0)} MB)` : 'RSS unknown';

/** Left-aligned first column, the rest right-aligned, separated by two spaces. */
export function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
}

const perSecond = (value: number) => value.toFixed(0);
const ms = (value: number) => (Number.isNaN(value) ? '-' : formatMs(value));

export type Configuration = { label: string; steps: Step[]; tally: LoadTally };

/** Throughput and p95 per concurrency step, for the echo bot and each Practica configuration side by side. */
export function stepTable(echo: Step[], configurations: Configuration[]): string[] {
  const header = ['employees', 'tab users', 'echo/s', 'echo p95'];
  for (const { label } of configurations) header.push(`${label}: bot/s`, 'p95', 'vs echo', 'tab/s', 'p95');
  const rows = echo.map((echoStep, index) => {
    const echoFigures = figuresOf(echoStep.load);
    const row = [
      String(echoStep.employees),
      String(configurations[0]?.steps[index]?.tabUsers ?? 0),
      perSecond(echoFigures.botPerSecond),
      ms(echoFigures.botP95),
    ];
    for (const { steps } of configurations) {
      const step = steps[index];
      if (!step) continue;
      const figures = figuresOf(step.load);
      row.push(
        perSecond(figures.botPerSecond),
        ms(figures.botP95),
        `${(figures.botPerSecond / echoFigures.botPerSecond).toFixed(2)}x`,
        perSecond(figures.tabPerSecond),
        ms(figures.tabP95),
      );
    }
    return row;
  });
  return table([header, ...rows]);
}

/** Per configuration: the step after which throughput (bot turns and tab reads together) stops growing. */
export function saturationLines(echo: Step[], configurations: Configuration[]): string[] {
  const lines: string[] = [];
  const describe = (label: string, steps: Step[]) => {
    const points = steps.map((step) => {
      const figures = figuresOf(step.load);
      return {
        employees: step.employees,
        perSecond: figures.botPerSecond + figures.tabPerSecond,
        p95: figures.p95,
      };
    });
    const found = saturationOf(points);
    const last = points.at(-1);
    lines.push(
      found
        ? `  ${label} saturates after ${found.at} employees (${found.why})`
        : `  ${label} still grows at ${last?.employees ?? 0} employees (${perSecond(last?.perSecond ?? 0)} requests/s)`,
    );
  };
  describe('echo bot', echo);
  for (const { label, steps } of configurations) describe(`Practica, ${label}`, steps);
  return lines;
}

/** count, throughput and p50/p95/p99 per operation kind, the configurations side by side. */
export function operationTable(configurations: Configuration[]): string[] {
  const header = ['operation'];
  for (const { label } of configurations) header.push(`${label}: n`, '/s', 'p50', 'p95', 'p99', 'failed');
  const tables = configurations.map(({ steps }) => byOperation(steps));
  const kinds = [...new Set(tables.flatMap((figures) => figures.map((figure) => figure.kind)))];
  const rows = kinds.map((kind) => {
    const row = [kind];
    for (const figures of tables) {
      const figure = figures.find((candidate) => candidate.kind === kind);
      if (!figure) row.push('-', '-', '-', '-', '-', '-');
      else
        row.push(
          String(figure.count),
          figure.perSecond.toFixed(1),
          ms(figure.p50),
          ms(figure.p95),
          ms(figure.p99),
          String(figure.failed),
        );
    }
    return row;
  });
  return table([header, ...rows]);
}

export function problemLines(configurations: Configuration[]): string[] {
  return configurations.map(({ label, tally }) => {
    const problems = [...tally.problems].map(([problem, count]) => `${count}x ${problem}`);
    return (
      `  ${label}: ${tally.failed} of ${tally.operations} operations went wrong` +
      (problems.length > 0 ? `: ${problems.slice(0, 8).join('; ')}` : '')
    );
  });
}

export const checkLines = (checks: Check[]) =>
  checks.map((check) => `  ${check.holds ? 'holds ' : 'BROKEN'} ${check.what}: ${check.detail}`);
