// The sessions that may be in the way of a session s at a start t, for the blocker search
// (blockerEjection.ts): those sharing a room with s over its periods, those of s's course at that
// start (a duplicate start), those sharing its teacher or students on that day or the days next to
// it (min_rest, daily limits, gaps), and the sessions of the courses in s's hard rules. Placed
// sessions only, each once.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { CompiledRule } from '../../../shared/compiled/types.ts';
import { everyRule, memberCount, memberFirst } from '../../../shared/compiled/ruleMembers.ts';
import { hardRulesByCourse } from './ruleCheck.ts';

export class InTheWay {
  /** The sessions of the last collect(): list[0 .. n). */
  readonly list: Int32Array;
  n = 0;
  private readonly st: IncrementalState;
  private readonly rules: CompiledRule[];
  private readonly courseRules: { offsets: Int32Array; items: Int32Array };
  private readonly mark: Uint8Array;

  constructor(st: IncrementalState) {
    this.st = st;
    this.rules = everyRule(st.problem);
    this.courseRules = hardRulesByCourse(st.problem);
    this.mark = new Uint8Array(st.problem.nSessions);
    this.list = new Int32Array(st.problem.nSessions);
  }

  /** The sessions that may be in the way of s (placed) at start t, into `list`. */
  collect(s: number, t: number): void {
    const st = this.st;
    const p = st.problem;
    const nP = p.nPeriods;
    const c = p.sessionCourse[s];
    const day = (t / nP) | 0;
    this.n = 0;
    const add = (x: number): void => {
      if (x === s || this.mark[x] === 1 || st.slot[x] < 0 || st.room[x] < 0) return;
      this.mark[x] = 1;
      this.list[this.n++] = x;
    };
    /** The placed sessions of course cx on the days around `day`. */
    const near = (cx: number): void => {
      for (let x = p.courseFirstSession[cx]; x < p.courseFirstSession[cx] + p.courseSessionCount[cx]; x++)
        if (st.slot[x] >= 0 && Math.abs(((st.slot[x] / nP) | 0) - day) <= 1) add(x);
    };
    // Room clashes (and every session at those periods), and s's own course at this start.
    for (let q = t; q < t + p.courseLength[c] && q < p.nSlots; q++)
      for (let i = 0; i < st.slotCount[q]; i++) {
        const x = st.slotList[q * st.slotCap + i];
        if (st.room[x] === st.room[s]) add(x);
      }
    for (let x = p.courseFirstSession[c]; x < p.courseFirstSession[c] + p.courseSessionCount[c]; x++)
      if (st.slot[x] === t) add(x);
    for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++) {
      const f = p.courseFaculty.items[i];
      for (let j = p.facultyCourses.offsets[f]; j < p.facultyCourses.offsets[f + 1]; j++)
        near(p.facultyCourses.items[j]);
    }
    for (let i = p.courseStudentSets.offsets[c]; i < p.courseStudentSets.offsets[c + 1]; i++) {
      const k = p.courseStudentSets.items[i];
      for (let j = p.setCourses.offsets[k]; j < p.setCourses.offsets[k + 1]; j++) near(p.setCourses.items[j]);
    }
    const cr = this.courseRules;
    for (let i = cr.offsets[c]; i < cr.offsets[c + 1]; i++) {
      const rule = this.rules[cr.items[i]];
      for (let a = 0; a < rule.courses.length; a++) {
        const first = memberFirst(p, rule, a);
        for (let x = first; x < first + memberCount(p, rule, a); x++) add(x);
      }
    }
    for (let i = 0; i < this.n; i++) this.mark[this.list[i]] = 0;
  }
}
