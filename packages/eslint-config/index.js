// The one ESLint configuration for every workspace (flat config). Each workspace's
// `eslint.config.mjs` calls `leaderscope({ dir: import.meta.dirname })`; `npm run lint` (turbo) runs them.
//
// TypeScript files are linted with type information (typescript-eslint's project service reads the
// workspace's tsconfig.json, which includes the tests), so the rules that need types apply:
// floating and misused promises, and the whole no-unsafe-* family (a value typed `any` may not be
// called, read, assigned, passed or returned without being given a type first).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * @param {object} options
 * @param {string} options.dir the workspace folder (`import.meta.dirname`), where its tsconfig.json is
 * @param {boolean} [options.react] React rules (hooks) and browser globals
 * @param {boolean} [options.esm] plain `.js` files are ES modules (package.json `"type": "module"`)
 * @param {string[]} [options.ignores] more paths to leave out, relative to `dir`
 */
export function leaderscope({ dir, react = false, esm = false, ignores = [] }) {
  return defineConfig(
    globalIgnores(['dist/', 'coverage/', 'test-artifacts/', ...ignores]),
    js.configs.recommended,
    tseslint.configs.recommendedTypeChecked,
    {
      linterOptions: { reportUnusedDisableDirectives: 'error' },
      languageOptions: {
        ecmaVersion: 2023,
        globals: { ...globals.node, ...(react ? globals.browser : {}) },
        parserOptions: { projectService: true, tsconfigRootDir: dir },
      },
      rules: {
        // An `async` function that does not await still turns a throw into a rejection, which is what
        // callers of a Promise-returning interface expect; dropping `async` would change that.
        '@typescript-eslint/require-await': 'off',
        // `_`-prefixed names are deliberately unused (an argument a signature needs, a skipped element).
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
        ],
      },
    },
    // Tests: promises are still checked (an un-awaited assertion passes silently), but the unsafe-any
    // rules are off. Tests read GraphQL and HTTP answers as untyped JSON and check them with
    // `expect`; a wrong property there fails the test, it cannot reach a person. Sources keep them all.
    {
      files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.test.{ts,tsx}', 'test/**', 'src/test/**'],
      rules: {
        '@typescript-eslint/no-unsafe-argument': 'off',
        '@typescript-eslint/no-unsafe-assignment': 'off',
        '@typescript-eslint/no-unsafe-call': 'off',
        '@typescript-eslint/no-unsafe-member-access': 'off',
        '@typescript-eslint/no-unsafe-return': 'off',
        '@typescript-eslint/no-explicit-any': 'off',
        // `expect(mock.method)` is not a call.
        '@typescript-eslint/unbound-method': 'off',
      },
    },
    // Plain JavaScript (configs, scripts, benchmarks) has no types to check.
    {
      files: ['**/*.{js,cjs,mjs}'],
      extends: [tseslint.configs.disableTypeChecked],
      rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
    {
      files: esm ? ['**/*.cjs'] : ['**/*.js', '**/*.cjs'],
      languageOptions: { sourceType: 'commonjs' },
    },
    react
      ? {
          files: ['**/*.{ts,tsx}'],
          extends: [reactHooks.configs.flat.recommended],
        }
      : {},
  );
}

export default leaderscope;
