// electron-builder.yml, checked without building: valid against electron-builder's own JSON schema
// (the one `electron-builder` validates with), the natives and the solver unpacked from the asar,
// every build entry packaged, the .slotwise file association and the icons present.
import { Ajv, type ValidateFunction } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, matchesGlob } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  extraResources: Array<{ from: string; to: string }>;
  fileAssociations: Array<{ ext: string; name: string; mimeType?: string }>;
  directories: { output: string; buildResources: string };
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
}

const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

let compiled: ValidateFunction | null = null;
const ajv = new Ajv({ allErrors: true, strict: false });
/** The schema validator, compiled once (it takes a few seconds). */
function validator(): ValidateFunction {
  const schema = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
  ) as object;
  compiled ??= ajv.compile(schema);
  return compiled;
}

/** Whether electron-builder's file patterns (with `!` exclusions, last match wins) take `path`. */
function selected(patterns: string[], path: string): boolean {
  let taken = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (matchesGlob(path, p.slice(1))) taken = false;
    } else if (matchesGlob(path, p)) taken = true;
  }
  return taken;
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's JSON schema", () => {
    const validate = validator();
    const valid = validate(config);
    expect(validate.errors ?? [], ajv.errorsText(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check itself rejects a broken config', () => {
    const validate = validator();
    expect(validate({ ...config, asarUnpack: 42 })).toBe(false);
    expect(validate({ ...config, fileAssociations: [{ name: 'no extension' }] })).toBe(false);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
  });

  it('names the app and targets Linux AppImage + deb, Windows NSIS and macOS dmg', () => {
    expect(config.productName).toBe('Slotwise');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('packages every electron-vite entry and the package manifest, and no tests', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    for (const file of [
      pkg.main,
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/solver/process.js',
      'out/solver/mipWorker.js',
      'out/chunks/solve-abc123.js',
      'package.json',
    ]) {
      expect(selected(config.files, file), file).toBe(true);
    }
    expect(selected(config.files, 'out/demo/timetable.csv')).toBe(false);
    expect(selected(config.files, 'out/solver/process.test.js')).toBe(false);
  });

  it('unpacks native SQLite, the HiGHS WebAssembly and the solver process from the asar', () => {
    for (const file of [
      'node_modules/better-sqlite3/prebuilds/linux-x64.node',
      'node_modules/better-sqlite3/prebuilds/win32-x64.node',
      'node_modules/better-sqlite3/lib/index.js',
      'node_modules/highs/build/highs.wasm',
      'node_modules/highs/build/highs.mjs',
      'out/solver/process.js',
      'out/solver/mipWorker.js',
      'out/chunks/solve-abc123.js',
    ]) {
      expect(selected(config.asarUnpack, file), file).toBe(true);
    }
    expect(selected(config.asarUnpack, 'out/renderer/index.html')).toBe(false);
    // the files the unpacked patterns stand for are really where the patterns say
    expect(existsSync(join(ROOT, 'node_modules/highs/build/highs.wasm'))).toBe(true);
    expect(existsSync(join(ROOT, 'node_modules/better-sqlite3/prebuilds'))).toBe(true);
  });

  it('the build config emits the solver entries that asarUnpack names', () => {
    const vite = readFileSync(join(ROOT, 'electron.vite.config.ts'), 'utf8');
    expect(vite).toMatch(/'solver\/process': resolve\('src\/solver\/process\.ts'\)/);
    expect(vite).toMatch(/'solver\/mipWorker': resolve\('src\/solver\/mip\/mipWorker\.ts'\)/);
    expect(vite).toMatch(/chunkFileNames: 'chunks\/\[name\]-\[hash\]\.js'/);
    expect(vite).toMatch(/external: \['better-sqlite3', 'highs'\]/);
    const shell = readFileSync(join(ROOT, 'src/main/shell/index.ts'), 'utf8');
    expect(shell).toMatch(/unpackedPath\(join\(import\.meta\.dirname, '\.\.\/solver\/process\.js'\)\)/);
  });

  it('associates .slotwise project files with the app', () => {
    expect(config.fileAssociations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ext: 'slotwise', mimeType: 'application/x-slotwise' }),
      ]),
    );
  });

  it('has its icons and extra resources in place', () => {
    for (const icon of new Set([config.linux.icon, config.win.icon, config.mac.icon])) {
      const bytes = readFileSync(join(ROOT, icon));
      expect(bytes.subarray(1, 4).toString('latin1'), icon).toBe('PNG');
      // electron-builder needs at least 512x512 for the macOS icon (and 256x256 for Windows)
      expect(bytes.readUInt32BE(16), `${icon} width`).toBeGreaterThanOrEqual(512);
      expect(bytes.readUInt32BE(20), `${icon} height`).toBeGreaterThanOrEqual(512);
    }
    for (const { from } of config.extraResources) expect(existsSync(join(ROOT, from)), from).toBe(true);
    expect(existsSync(join(ROOT, config.directories.buildResources))).toBe(true);
  });
});
