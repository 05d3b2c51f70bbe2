/**
 * The tests that hold the core to its behaviour, for mutation testing (`npm run mutate`): the
 * core's own tests, run on the mutated core; the add-on and command-line suites, which build and
 * spawn, are left to `npm test`.
 */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/core'],
};
