// Transport-agnostic IPC dispatch: validates each payload with the contract's schema, runs the
// handler, and answers with an envelope. The Electron shell wires it to ipcMain; tests and the
// browser harness call it directly — same handlers, only the transport differs.
import type { Channel } from '../../shared/ipc/channels.ts';
import { CHANNELS } from '../../shared/ipc/channels.ts';
import type { Contract, ResponseOf } from '../../shared/ipc/contract.ts';
import { contract } from '../../shared/ipc/contract.ts';
import type { Envelope } from '../../shared/ipc/envelope.ts';
import { AppError, toErrorBody } from '../../shared/ipc/envelope.ts';
import type { z } from 'zod';

export type Handlers = {
  [C in Channel]: (request: z.output<Contract[C]['request']>) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Envelope<unknown>>;

export function createDispatcher(handlers: Handlers): Dispatch {
  return async (channel, payload) => {
    try {
      if (typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel)) {
        throw new AppError('unknown_channel', `Unknown IPC channel: ${String(channel)}`);
      }
      const c = channel as Channel;
      const parsed = contract[c].request.safeParse(payload);
      if (!parsed.success) {
        throw new AppError('invalid_request', `Invalid request for ${c}`, parsed.error.issues);
      }
      const handler = handlers[c] as (r: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      return { ok: false, error: toErrorBody(err) };
    }
  };
}
