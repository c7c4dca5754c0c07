// The renderer's single door to main: window.api (built by the preload from the IPC contract).
import type { Api } from '../../shared/ipc/contract.ts';

export function api(): Api {
  return window.api;
}

/** A readable message for anything a call threw. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
