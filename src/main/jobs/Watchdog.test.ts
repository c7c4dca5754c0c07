import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.ts';
import { Watchdog } from './Watchdog.ts';

function setup(stallTimeoutMs: number) {
  const clock = new ManualClock();
  const stalls: Array<{ at: number; silent: number }> = [];
  const dog = new Watchdog({
    stallTimeoutMs,
    clock,
    onStall: (silent) => stalls.push({ at: clock.now(), silent }),
  });
  return { clock, stalls, dog };
}

describe('Watchdog', () => {
  it('stays quiet while progress arrives more often than the threshold', () => {
    const { clock, stalls, dog } = setup(1000);
    for (let i = 0; i < 50; i++) {
      clock.advance(900);
      dog.touch();
    }
    expect(stalls).toEqual([]);
    dog.stop();
  });

  it('fires exactly at the threshold after the last sign of life, once', () => {
    const { clock, stalls, dog } = setup(2000);
    clock.advance(700);
    dog.touch();
    clock.advance(1999);
    expect(stalls).toEqual([]);
    clock.advance(1);
    expect(stalls).toEqual([{ at: 2700, silent: 2000 }]);
    clock.advance(10_000);
    expect(stalls).toHaveLength(1);
  });

  it('keeps a single pending timer however often it is touched', () => {
    const { clock, dog } = setup(1000);
    for (let i = 0; i < 100; i++) {
      clock.advance(5);
      dog.touch();
    }
    expect(clock.pending()).toBe(1);
    dog.stop();
    expect(clock.pending()).toBe(0);
  });

  it('never fires after stop', () => {
    const { clock, stalls, dog } = setup(500);
    dog.stop();
    clock.advance(5000);
    expect(stalls).toEqual([]);
  });

  it('refuses a threshold that is not positive', () => {
    const clock = new ManualClock();
    expect(() => new Watchdog({ stallTimeoutMs: 0, clock, onStall: () => {} })).toThrow(/positive/);
  });
});
