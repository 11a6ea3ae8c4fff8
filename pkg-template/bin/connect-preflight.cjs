#!/usr/bin/env node
'use strict';
// connect-preflight's command line: see cli/main.cjs (`connect-preflight --help`).
process.exitCode = require('../cli/main.cjs').main();
