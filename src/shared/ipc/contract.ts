// One typed IPC contract: channel `domain:action` -> request schema (validated in main) and
// response type. Main registers one handler per channel, the preload exposes one method per
// channel, and the renderer's `window.api` type is derived from here.
import { z } from 'zod';
import type { Channel } from './channels.ts';

export interface ProjectInfo {
  path: string;
  name: string;
  hasCollege: boolean;
  timetables: number;
}

/** A phantom value carrying the response type (only its type is used). */
function reply<T>(): T {
  return undefined as T;
}

const path = z.string().min(1).max(4096);

export const contract = {
  'app:info': { request: z.void(), response: reply<{ version: string; platform: string }>() },
  'project:current': { request: z.void(), response: reply<ProjectInfo | null>() },
  'project:open': { request: z.object({ path }), response: reply<ProjectInfo>() },
  'project:create': { request: z.object({ path }), response: reply<ProjectInfo>() },
} satisfies Record<Channel, { request: z.ZodType; response: unknown }>;

export type Contract = typeof contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = Contract[C]['response'];

type MethodName<C extends string> = C extends `${infer A}:${infer B}` ? `${A}${Capitalize<B>}` : C;

/** The renderer's view of the bridge: one async method per channel. */
export type Api = {
  [C in Channel as MethodName<C>]: RequestOf<C> extends void
    ? () => Promise<ResponseOf<C>>
    : (request: RequestOf<C>) => Promise<ResponseOf<C>>;
};
