// The preload exposes one narrow object, window.api: one method per contract channel, each
// returning the handler's value or throwing the typed error it carried. No ipcRenderer leaks.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, methodName } from '../shared/ipc/channels.ts';
import type { Envelope } from '../shared/ipc/envelope.ts';

class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const api: Record<string, (payload?: unknown) => Promise<unknown>> = {};
for (const channel of CHANNELS) {
  api[methodName(channel)] = async (payload?: unknown) => {
    const envelope = (await ipcRenderer.invoke('slotwise:invoke', channel, payload)) as Envelope<unknown>;
    if (envelope.ok) return envelope.value;
    throw new ApiError(envelope.error.code, envelope.error.message);
  };
}

contextBridge.exposeInMainWorld('api', Object.freeze(api));
