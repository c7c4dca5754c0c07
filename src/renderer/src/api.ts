// The renderer's single door to main: window.api (built by the preload from the IPC contract).
import type { Bridge } from '../../shared/ipc/contract.ts';

export function api(): Bridge {
  return window.api;
}

/** A readable message for anything a call threw. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
