// ITC-2007 curriculum-based .ctt/.ectt files, parsed by the shared ITC reader.
import { basename } from 'node:path';
import type { ImportResult } from '../../shared/model/index.ts';

export function importCtt(path: string): Promise<ImportResult> {
  const file = basename(path);
  return Promise.resolve({
    ok: false,
    errors: [{ severity: 'error', file, sheet: '', message: 'ITC-2007 import is not available yet' }],
    warnings: [],
  });
}
