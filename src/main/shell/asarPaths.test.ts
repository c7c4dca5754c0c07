import { describe, expect, it } from 'vitest';
import { unpackedPath } from './asarPaths.ts';

describe('unpackedPath', () => {
  it('points a file inside the asar archive at its unpacked copy', () => {
    expect(unpackedPath('/opt/Slotwise/resources/app.asar/out/solver/process.js', '/')).toBe(
      '/opt/Slotwise/resources/app.asar.unpacked/out/solver/process.js',
    );
    expect(unpackedPath('C:\\Slotwise\\resources\\app.asar\\out\\solver\\process.js', '\\')).toBe(
      'C:\\Slotwise\\resources\\app.asar.unpacked\\out\\solver\\process.js',
    );
  });

  it('leaves development paths and look-alike folder names alone', () => {
    expect(unpackedPath('/work/slotwise/out/solver/process.js', '/')).toBe(
      '/work/slotwise/out/solver/process.js',
    );
    expect(unpackedPath('/x/my-app.asar.d/out/solver/process.js', '/')).toBe(
      '/x/my-app.asar.d/out/solver/process.js',
    );
  });
});
