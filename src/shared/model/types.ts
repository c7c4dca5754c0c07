import type { z } from 'zod';
import type {
  assignmentSchema,
  calendarSchema,
  collegeSchema,
  courseSchema,
  enrollmentSchema,
  facultySchema,
  fixedSchema,
  groupSchema,
  periodSchema,
  roomSchema,
  ruleKindSchema,
  ruleSchema,
  settingsSchema,
  slotRefSchema,
  studentSchema,
  timetableSchema,
} from './schema.ts';

export type SlotRef = z.infer<typeof slotRefSchema>;
export type Calendar = z.infer<typeof calendarSchema>;
export type Period = z.infer<typeof periodSchema>;
export type Room = z.infer<typeof roomSchema>;
export type Faculty = z.infer<typeof facultySchema>;
export type Group = z.infer<typeof groupSchema>;
export type Course = z.infer<typeof courseSchema>;
export type Student = z.infer<typeof studentSchema>;
export type Enrollment = z.infer<typeof enrollmentSchema>;
export type Fixed = z.infer<typeof fixedSchema>;
export type RuleKind = z.infer<typeof ruleKindSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type College = z.infer<typeof collegeSchema>;
export type Assignment = z.infer<typeof assignmentSchema>;
export type Timetable = z.infer<typeof timetableSchema>;
