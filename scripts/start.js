// `npm start`: build, then provision and run the whole stack in one supervised process group.
require('./ensure-dependencies').ensureDependencies();
require('./build').build();
require('./register-dist');
const path = require('path');
require(path.join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js'));
