// Worker thread running HiGHS (WASM, blocking): one solve at a time, incumbents streamed to the
// parent as they improve, HiGHS time_limit set below the soft limit. The parent enforces the
// hard deadline by terminating this thread.
import { parentPort, workerData } from 'node:worker_threads';
import loadHighs from 'highs';
import type { MipSolveRequest, MipRunStatus, MipWorkerData, MipWorkerMessage } from './mipWorkerProtocol.ts';

const data = workerData as MipWorkerData | undefined;
const highs = await loadHighs(data?.wasmModule ? { wasmModule: data.wasmModule } : {});
const port = parentPort;
if (!port) throw new Error('mipWorker must run in a worker thread');

function post(msg: MipWorkerMessage): void {
  port?.postMessage(msg);
}

function statusName(code: number): MipRunStatus {
  const s = highs.constants.modelStatus;
  if (code === s.optimal) return 'optimal';
  if (code === s.interrupted) return 'interrupted';
  if (code === s.timeLimit) return 'time_limit';
  if (code === s.infeasible) return 'infeasible';
  return 'other';
}

function solve(req: MipSolveRequest): void {
  const t0 = Date.now();
  const m = req.model;
  const model = highs.createModel({
    numCols: m.numCols,
    numRows: m.numRows,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: m.rowLower,
    rowUpper: m.rowUpper,
    integrality: m.integrality,
    matrix: {
      format: 'csr',
      numRows: m.numRows,
      numCols: m.numCols,
      starts: m.starts,
      indices: m.indices,
      values: m.values,
    },
  });
  try {
    model.options.set({
      output_flag: false,
      // HiGHS's clock overshoots (up to ~2x): aim below the soft limit. An interrupt callback would
      // be exact but costs ~50% of the solve time, as it fires very often.
      time_limit: Math.max(0.05, (0.6 * req.timeLimitMs) / 1000),
      mip_rel_gap: req.relGap,
      random_seed: req.seed % 2147483647,
    });
    if (req.start && req.start.indices.length > 0) model.setSolution(req.start);
    let best: Float64Array | null = null;
    let bestObjective = Infinity;
    const cb = highs.constants.callbackType;
    const result = model.run({
      [cb.mipImprovingSolution](event) {
        const x = event.data.mip_solution;
        if (!x) return;
        best = Float64Array.from(x);
        bestObjective = event.data.objective_function_value ?? bestObjective;
        post({ kind: 'incumbent', id: req.id, objective: bestObjective, x: Float64Array.from(x) });
      },
    });
    const status = statusName(result.modelStatus);
    let x: Float64Array | null = best;
    // The start (or an incumbent found without a callback) is in the model's solution when feasible.
    const feasible = status === 'optimal' || Number(model.info.get('primal_solution_status')) === 2;
    if (feasible && (status === 'optimal' || x === null)) {
      const sol = model.getSolution().colValue;
      if (sol.length === m.numCols) x = Float64Array.from(sol);
    }
    const objective = feasible ? model.getObjectiveValue() : bestObjective;
    post({ kind: 'done', id: req.id, status, objective, x, ms: Date.now() - t0 });
  } finally {
    model.dispose();
  }
}

post({ kind: 'ready', id: 0 });

port.on('message', (req: MipSolveRequest) => {
  try {
    solve(req);
  } catch (err) {
    post({ kind: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
  }
});
