// Lint: promises must be awaited or handled (a forgotten one is a silent failure in a bot), and never
// passed where a void callback is expected. Type-aware, through typescript-eslint.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['tmp/**', 'dist/', 'node_modules/', 'coverage/', 'data/'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
);
