// The `mutu` command from compiled sources (builds first when needed).
require('./build').build({ log: () => undefined });
require('./register-dist');
require(require('path').join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js'));
