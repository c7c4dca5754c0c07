// How the editor's explanations name faculty, groups and rooms: by id by default, or as
// "Name (id)" when the college's names are at hand (the Timetable screen), so a scheduler reads
// "Dr. Aditi Chatterjee (FCSE001)" where the evaluator would say "FCSE001".
import type { CompiledProblem } from '../compiled/types.ts';
import type { College } from '../model/types.ts';

export interface Naming {
  faculty(f: number): string;
  group(g: number): string;
  room(r: number): string;
}

export function idNaming(p: CompiledProblem): Naming {
  return {
    faculty: (f) => p.facultyIds[f],
    group: (g) => p.groupIds[g],
    room: (r) => p.roomIds[r],
  };
}

/** "Name (id)", or the id alone when the name is empty or the same as the id. */
export function named(id: string, name: string | undefined): string {
  return name && name !== id ? `${name} (${id})` : id;
}

/** Faculty as "Name (id)"; groups and rooms by id (their ids are what timetables print). */
export function collegeNaming(p: CompiledProblem, college: College): Naming {
  const facultyName = new Map(college.faculty.map((f) => [f.id, f.name]));
  return {
    faculty: (f) => named(p.facultyIds[f], facultyName.get(p.facultyIds[f])),
    group: (g) => p.groupIds[g],
    room: (r) => p.roomIds[r],
  };
}
