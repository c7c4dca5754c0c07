export * from './schema.ts';
export type * from './types.ts';
export type * from './issues.ts';
export * from './periods.ts';
export * from './ruleMembers.ts';
