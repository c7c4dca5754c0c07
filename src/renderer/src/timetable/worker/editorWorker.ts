// The Timetable screen's worker: the editor engine (compile, incremental evaluation, move and swap
// checks, chains) off the page's thread, called through comlink.
import { expose } from 'comlink';
import { EditorEngine } from '../../../../shared/editor/EditorEngine.ts';

expose(new EditorEngine());
