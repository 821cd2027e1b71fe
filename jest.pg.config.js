// PostgreSQL suites: run against DATABASE_URL (default: the local server, database "test").
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['**/*.pg.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/bench/'],
};
