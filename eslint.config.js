// Lint: type-aware, zero warnings, and import zones that keep each folder in its process
// (see DESIGN.md "Processes and folders"): only src/main/shell and src/preload import electron,
// src/shared imports no Node, DOM or Electron, src/renderer never imports main or solver.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import slotwise from './tools/eslint/processZones.js';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'url',
  'util',
];
const electron = {
  group: ['electron', 'electron/*'],
  message: 'Only src/main/shell and src/preload may import electron.',
};
const zone = (groups, message) => ({ group: groups, message });

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'coverage/', 'resources/', 'docs/', '**/*.d.ts.map'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    plugins: { slotwise },
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'bin/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [electron] }],
      // Folders by process (DESIGN.md): resolved paths, so src/shared/solver is not src/solver.
      'slotwise/process-zones': [
        'error',
        {
          zones: [
            {
              target: 'src/shared',
              from: ['src/main', 'src/solver', 'src/renderer', 'src/cli', 'src/preload'],
              message: 'src/shared runs anywhere: it imports only src/shared.',
            },
            {
              target: 'src/renderer',
              from: ['src/main', 'src/solver', 'src/cli'],
              message: 'The renderer talks to main only through window.api.',
            },
            {
              target: 'src/solver',
              from: ['src/main', 'src/renderer', 'src/cli'],
              message: 'The solver depends only on src/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/shell/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [electron, zone(nodeBuiltins, 'src/shared runs anywhere: no Node built-ins.')],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electron,
            zone(nodeBuiltins, 'The renderer runs in a sandboxed page: no Node built-ins.'),
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
