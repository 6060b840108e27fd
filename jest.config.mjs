/**
 * Jest runs every test from the root. Tests are ESM TypeScript (the engine and Baileys are ESM), transpiled by
 * ts-jest; type checking is `npm run typecheck`'s job, which keeps the test run fast.
 */
export default {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	extensionsToTreatAsEsm: ['.ts'],
	moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
	transform: {
		'^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'test/tsconfig.json' }],
	},
	testTimeout: 60_000,
	reporters: ['default', '<rootDir>/test/summary-reporter.cjs'],
};
