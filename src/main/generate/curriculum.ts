// Course offerings of every section (theory, laboratories per batch, tutorials), the units the
// planting step places together, and the rules those units make true.
import type { Draft, Offering, OfferingKind, Unit } from './draft.ts';
import type { Section } from './people.ts';
import type { Subject, YearPlan } from './yearPlan.ts';

interface OfferingSpec {
  id: string;
  name: string;
  subject: string;
  dept: string;
  kind: OfferingKind;
  year: number;
  groups: string[];
  leaves: number[];
  sessions: number;
  length: number;
  roomType: string;
  size: number;
}

export function addOffering(d: Draft, spec: OfferingSpec): Offering {
  const off: Offering = {
    ...spec,
    index: d.offerings.length,
    faculty: [],
    rooms: [],
    homeRoom: -1,
    slot: new Array<number>(spec.sessions).fill(-1),
    room: new Array<number>(spec.sessions).fill(-1),
    daysUsed: 0,
  };
  d.offerings.push(off);
  return off;
}

/** Adds every offering of a section; returns offerings that need default one-session units. */
export function addSectionCourses(d: Draft, s: Section, firstYearCycle: number, plan: YearPlan): Offering[] {
  const { rng } = d;
  const out: Offering[] = [];
  const sec = s.group;
  const theory = (sub: Subject, kind: OfferingKind = 'theory'): Offering => {
    const off = addOffering(d, {
      id: `${sub.code}-${sec.id}`,
      name: sub.name,
      subject: sub.code,
      dept: sub.dept,
      kind,
      year: s.year,
      groups: [sec.id],
      leaves: sec.leaves,
      sessions: sub.sessions,
      length: sub.length,
      roomType: sub.roomType,
      size: sec.size,
    });
    return off;
  };
  const perBatch = (sub: Subject, kind: OfferingKind): Offering[] => {
    const targets = s.batches.length > 0 ? s.batches : [sec];
    return targets.map((b) =>
      addOffering(d, {
        id: `${sub.code}-${b.id}`,
        name: sub.name,
        subject: sub.code,
        dept: sub.dept,
        kind,
        year: s.year,
        groups: [b.id],
        leaves: b.leaves,
        sessions: sub.sessions,
        length: sub.length,
        roomType: sub.roomType,
        size: b.size,
      }),
    );
  };
  for (const sub of plan.theory) out.push(theory(sub));
  if (plan.tutorial && rng.chance(d.preset.tutorialChance) && s.batches.length > 0)
    out.push(...perBatch(plan.tutorial, 'tutorial'));
  if (s.year === 1 && !s.postgraduate) {
    const cycle = plan.cycles[firstYearCycle % 2];
    for (const sub of cycle.theory) out.push(theory(sub));
    out.push(...perBatch(cycle.lab, 'lab'));
    if (cycle.prelab && cycle.prelabLab) {
      const lecture = theory(cycle.prelab, 'prelab');
      const labs = perBatch(cycle.prelabLab, 'lab');
      d.units.push({
        members: [
          { off: lecture, session: 0, offset: 0, extraLeaves: [] },
          { off: labs[0], session: 0, offset: lecture.length, extraLeaves: [] },
        ],
        stage: 2,
        attractLeaves: [],
      });
      d.rules.push({ kind: 'consecutive', offerings: [lecture, labs[0]], hard: true, weight: 1 });
      out.push(...labs.slice(1));
    }
  }
  const labs = plan.labs.map((sub) => perBatch(sub, 'lab'));
  const swap =
    labs.length === 2 &&
    s.batches.length === 2 &&
    plan.labs[0].length === plan.labs[1].length &&
    plan.labs[0].sessions === 1 &&
    plan.labs[1].sessions === 1;
  if (swap) {
    // Batch 1 does lab X while batch 2 does lab Y, and the other way round later in the week.
    for (const [a, b] of [
      [labs[0][0], labs[1][1]],
      [labs[1][0], labs[0][1]],
    ]) {
      d.units.push({
        members: [
          { off: a, session: 0, offset: 0, extraLeaves: [] },
          { off: b, session: 0, offset: 0, extraLeaves: [] },
        ],
        stage: 2,
        attractLeaves: [],
      });
      d.rules.push({ kind: 'same_time', offerings: [a, b], hard: true, weight: 1 });
    }
  } else for (const l of labs) out.push(...l);
  return out;
}

/** One unit per session for offerings that are not part of a joint unit. */
export function addSingleUnits(d: Draft, offerings: Offering[]): void {
  const stageOf: Record<OfferingKind, number> = {
    open: 0,
    elective: 1,
    prelab: 2,
    lab: 3,
    tutorial: 5,
    theory: 6,
    minor: 7,
  };
  for (const off of offerings) {
    const stage = off.kind === 'lab' && off.length >= 3 ? 3 : off.kind === 'lab' ? 4 : stageOf[off.kind];
    for (let k = 0; k < off.sessions; k++) {
      const unit: Unit = {
        members: [{ off, session: k, offset: 0, extraLeaves: [] }],
        stage,
        attractLeaves: [],
      };
      d.units.push(unit);
    }
  }
}
