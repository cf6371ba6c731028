import { cpuMsOf } from './process-cpu';

const usedMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

describe('a process’s CPU time from /proc', () => {
  const onLinux = process.platform === 'linux' ? it : it.skip;

  onLinux('agrees with what the process itself counts, as it works', () => {
    const before = { proc: cpuMsOf(process.pid), own: usedMs() };
    // Work until the process has used 300 ms of CPU, however busy the machine is.
    let spin = 0;
    while (usedMs() - before.own < 300) spin += Math.sqrt(spin + 1);
    const after = { proc: cpuMsOf(process.pid), own: usedMs() };
    expect(spin).toBeGreaterThan(0);
    expect(before.proc).not.toBeNull();
    const procDelta = after.proc! - before.proc!;
    // /proc counts in 10 ms ticks.
    expect(Math.abs(procDelta - (after.own - before.own))).toBeLessThanOrEqual(50);
  });

  it('is unknown for a process that is not there', () => {
    expect(cpuMsOf(undefined)).toBeNull();
    expect(cpuMsOf(2 ** 22 + 12_345)).toBeNull();
  });
});
