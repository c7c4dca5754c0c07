// The preload exposes one narrow object, window.api: one method per contract channel, each
// returning the handler's value or throwing the typed error it carried. No ipcRenderer leaks.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS, methodName } from '../shared/ipc/channels.ts';
import type { Envelope } from '../shared/ipc/envelope.ts';
import { JOB_EVENT_CHANNEL, jobEventSchema } from '../shared/ipc/jobEvents.ts';
import type { JobEvent } from '../shared/ipc/jobEvents.ts';

class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const api: Record<string, (...args: never[]) => unknown> = {};
for (const channel of CHANNELS) {
  api[methodName(channel)] = async (payload?: unknown) => {
    const envelope = (await ipcRenderer.invoke('slotwise:invoke', channel, payload)) as Envelope<unknown>;
    if (envelope.ok) return envelope.value;
    throw new ApiError(envelope.error.code, envelope.error.message);
  };
}

/** Job events from main, validated before the renderer sees them; returns the unsubscribe function. */
api['onJobEvent'] = (listener: (event: JobEvent) => void) => {
  const relay = (_event: Electron.IpcRendererEvent, payload: unknown): void => {
    const parsed = jobEventSchema.safeParse(payload);
    if (parsed.success) listener(parsed.data);
  };
  ipcRenderer.on(JOB_EVENT_CHANNEL, relay);
  return () => {
    ipcRenderer.removeListener(JOB_EVENT_CHANNEL, relay);
  };
};

/** The path of a dropped file, so the import screen can take a workbook dropped on it. */
api['pathForFile'] = (file: File) => webUtils.getPathForFile(file);

contextBridge.exposeInMainWorld('api', Object.freeze(api));
