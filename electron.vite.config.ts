import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The MIP runner starts its worker from `./mipWorker.ts` next to its source. Bundled, the runner sits
 * in out/solver/process.js or a shared chunk in out/chunks/ (both one folder below out/), and the
 * worker is the entry out/solver/mipWorker.js.
 */
function bundledMipWorkerPath(): Plugin {
  return {
    name: 'slotwise-bundled-mip-worker-path',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/src/solver/mip/MipRunner.ts')) return null;
      const from = /new URL\((['"])\.\/mipWorker\.ts\1,\s*import\.meta\.url\)/;
      if (!from.test(code))
        this.error('MipRunner no longer starts its worker from ./mipWorker.ts; update this plugin.');
      return { code: code.replace(from, "new URL('../solver/mipWorker.js', import.meta.url)"), map: null };
    },
  };
}

/**
 * The import runs in a worker started from `./importWorker.ts` next to src/main/import/index.ts.
 * Bundled, that code sits in out/main/index.js or a chunk in out/chunks/ (both one folder below
 * out/), and the worker is the entry out/main/importWorker.js.
 */
function bundledImportWorkerPath(): Plugin {
  return {
    name: 'slotwise-bundled-import-worker-path',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/src/main/import/index.ts')) return null;
      const from = /function workerUrl\(\): URL \{[\s\S]*?\n\}/;
      if (!from.test(code))
        this.error('src/main/import/index.ts no longer has workerUrl(); update this plugin.');
      const to =
        "function workerUrl(): URL {\n  return new URL('../main/importWorker.js', import.meta.url);\n}";
      return { code: code.replace(from, to), map: null };
    },
  };
}

/** The main build writes into out/ beside preload/ and renderer/: clear only its own folders. */
function cleanMainOutput(): Plugin {
  return {
    name: 'slotwise-clean-main-output',
    apply: 'build',
    buildStart() {
      for (const dir of ['out/main', 'out/solver', 'out/chunks'])
        rmSync(resolve(dir), { recursive: true, force: true });
    },
  };
}

// main: three entries into out/ — the Electron shell (out/main/index.js, package.json "main"), the
// solver process it forks with utilityProcess (out/solver/process.js) and the HiGHS worker thread
// (out/solver/mipWorker.js). better-sqlite3 and highs stay external: a native module and a WASM file
// loaded at run time from node_modules, unpacked from the asar (electron-builder.yml asarUnpack).
// The solver's pure-JS dependencies are bundled, so out/solver/** and out/chunks/** run unpacked
// from real files (worker threads and WASM need no asar support) with highs as their one import.
export default defineConfig({
  main: {
    build: {
      outDir: 'out',
      externalizeDeps: {
        exclude: ['zod', 'graphology', 'graphology-communities-louvain', 'graphology-types'],
      },
      emptyOutDir: false,
      rollupOptions: {
        input: {
          'main/index': resolve('src/main/shell/index.ts'),
          'solver/process': resolve('src/solver/process.ts'),
          'solver/mipWorker': resolve('src/solver/mip/mipWorker.ts'),
          'main/importWorker': resolve('src/main/import/importWorker.ts'),
        },
        external: ['better-sqlite3', 'highs'],
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
    plugins: [cleanMainOutput(), bundledMipWorkerPath(), bundledImportWorkerPath()],
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  // renderer: the page, and the Timetable screen's editor worker (src/renderer/src/timetable/worker),
  // which Vite bundles from its `new Worker(new URL(...), { type: 'module' })` into its own ES module
  // chunk (out/renderer/assets/editorWorker-*.js), loaded like the page's own bundle: from file:// in
  // the packaged app, from the dev server under `npm run dev`, over http in the browser tests.
  renderer: {
    root: resolve('src/renderer'),
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    worker: { format: 'es' },
    plugins: [react()],
  },
});
