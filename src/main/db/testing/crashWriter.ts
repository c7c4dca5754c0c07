// Child process for the crash test: saves a college (committed), then dies by SIGKILL in the
// middle of a second write, leaving a hot WAL behind.
//   node crashWriter.ts <project file>
import { openProject, saveCollege } from '../index.ts';
import { richCollege } from './richCollege.ts';

const db = openProject(process.argv[2]);
saveCollege(db, richCollege());
db.transaction(() => {
  db.prepare('DELETE FROM courses').run();
  db.prepare('DELETE FROM rooms').run();
  process.kill(process.pid, 'SIGKILL');
})();
