// Paths of files that electron-builder unpacks from the app's asar archive (electron-builder.yml
// asarUnpack). The solver process and its worker thread run from the unpacked copies, so they load
// from real files: no asar support is needed in utility processes, worker threads or WASM loading.
import { sep } from 'node:path';

/** `.../resources/app.asar/out/solver/process.js` -> `.../resources/app.asar.unpacked/out/solver/process.js`. */
export function unpackedPath(path: string, separator: string = sep): string {
  const marker = `${separator}app.asar${separator}`;
  const at = path.lastIndexOf(marker);
  if (at < 0) return path;
  return `${path.slice(0, at)}${separator}app.asar.unpacked${separator}${path.slice(at + marker.length)}`;
}
