// CPU profiles of the running services for the benchmark analysis. `node --cpu-prof` is refused in
// NODE_OPTIONS, so this module is preloaded instead:
//   BENCH_PROFILE_DIR=/tmp/prof NODE_OPTIONS="--import $PWD/bench/tools/profile-hook.mjs" npm start
// Each service then profiles itself; `kill -WINCH <pid>` writes <service>-<pid>-<n>.cpuprofile (the profile
// since the previous signal) and starts a new one. SIGWINCH because Nest's shutdown hooks own SIGUSR2.
// Summarise with: node bench/tools/cpuprofile-summary.mjs /tmp/prof/api-gateway-*-2.cpuprofile
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';

const dir = process.env.BENCH_PROFILE_DIR;
const service = /services\/([a-z-]+)\/dist/.exec(process.argv[1] || '');
if (dir && service) {
  fs.mkdirSync(dir, { recursive: true });
  const session = new inspector.Session();
  session.connect();
  let n = 0;
  const start = () =>
    session.post('Profiler.enable', () =>
      session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')),
    );
  start();
  process.on('SIGWINCH', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) {
        const file = path.join(dir, `${service[1]}-${process.pid}-${++n}.cpuprofile`);
        fs.writeFileSync(file, JSON.stringify(result.profile));
      }
      start();
    });
  });
}
