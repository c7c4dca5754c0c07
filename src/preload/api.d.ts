import type { Api } from '../shared/ipc/contract.ts';

declare global {
  interface Window {
    api: Api;
  }
}
