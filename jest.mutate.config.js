/**
 * The tests that hold the engine to its behaviour, for mutation testing (`npm run mutate`): the
 * core's own unit and fixture tests, run on the mutated core. Left out: tests that measure time
 * or memory (instrumented code is slower, so they would fail for the wrong reason), the
 * property-based suites (thousands of cases per mutant), the command line's tests (each runs the
 * whole engine and writes a workbook, so every mutant would run all of them: hours more) and the
 * add-on's tests, which load the built bundle, not the mutated sources. `npm test` runs them all.
 */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/core'],
  setupFiles: ['<rootDir>/test/mutation-setup.js'],
  testPathIgnorePatterns: [
    '/node_modules/',
    'bounded\\.test',
    'bounds\\.test',
    'zip-xml\\.test',
    'xlsx\\.test',
    'csv\\.test',
    'docx\\.test',
    'properties\\.test',
    'insertions\\.test',
  ],
};
