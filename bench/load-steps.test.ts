import { saturationOf } from './load-steps';

const point = (employees: number, perSecond: number, p95 = 100) => ({ employees, perSecond, p95 });

describe('where the load bench says throughput stops growing', () => {
  it('names no step while each one gains at least 10%', () => {
    expect(saturationOf([point(10, 100), point(25, 120), point(50, 200)])).toBeNull();
  });

  it('names the step after which the next gains under 10%', () => {
    expect(saturationOf([point(10, 100), point(25, 180), point(50, 190), point(100, 300)])).toEqual({
      at: 25,
      why: '+6% at 50',
    });
  });

  it('names the step before the first whose p95 passes 1 s, even if throughput still grew', () => {
    expect(saturationOf([point(10, 100), point(25, 200, 1_200)])).toEqual({
      at: 10,
      why: 'p95 1200 ms at 25',
    });
  });

  it('names the first step when it is already past 1 s', () => {
    expect(saturationOf([point(10, 100, 1_500), point(25, 200)])).toEqual({
      at: 10,
      why: 'p95 already 1500 ms',
    });
  });
});
