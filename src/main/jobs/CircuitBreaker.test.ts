import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './CircuitBreaker.ts';

describe('CircuitBreaker', () => {
  it('opens a skippable stage after its second failure only', () => {
    const b = new CircuitBreaker();
    b.recordFailure('mip');
    expect(b.openStages()).toEqual([]);
    b.recordFailure('mip');
    expect(b.openStages()).toEqual(['mip']);
  });

  it('never skips a stage the solver cannot do without', () => {
    const b = new CircuitBreaker();
    for (let i = 0; i < 5; i++) b.recordFailure('search');
    b.recordFailure(null);
    expect(b.openStages()).toEqual([]);
  });

  it('counts stages separately and lists open ones in pipeline order', () => {
    const b = new CircuitBreaker();
    b.recordFailure('mip');
    b.recordFailure('decompose');
    b.recordFailure('mip');
    b.recordFailure('decompose');
    expect(b.openStages()).toEqual(['decompose', 'mip']);
  });
});
