// Hands out the template workbook: a copy written next to the target and renamed into place, so a
// failed copy never leaves half a file where the user asked for one.
import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/ipc/envelope.ts';

export const TEMPLATE_FILE = fileURLToPath(
  new URL('../../../resources/templates/college-template.xlsx', import.meta.url),
);

export function saveTemplate(template: string, out: string): { file: string } {
  const target = /\.xlsx$/i.test(out) ? out : `${out}.xlsx`;
  const temp = `${target}.${process.pid}.tmp`;
  try {
    copyFileSync(template, temp);
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    const why = err instanceof Error ? err.message : String(err);
    throw new AppError('template_failed', `Could not save the template to ${target}: ${why}`);
  }
  return { file: target };
}
