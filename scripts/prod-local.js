// `npm run prod:local`: build, then run the production topology as processes (see README, "Production").
require('./ensure-dependencies').ensureDependencies();
require('./build').build();
require('./register-dist');
const path = require('path');
require(path.join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'prod-local', 'main.js'));
