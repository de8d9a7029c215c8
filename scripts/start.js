// `npm start`: build, then provision and run the whole stack in one supervised process group.
// A failure before the stack runs (install, build) ends with one line and exit code 1.
try {
  require('./ensure-dependencies').ensureDependencies();
  require('./build').build();
} catch (e) {
  process.stderr.write(`[mutu] start failed: ${e && e.message ? e.message : String(e)}\n`);
  process.exit(1);
}
require('./register-dist');
const path = require('path');
require(path.join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js'));
