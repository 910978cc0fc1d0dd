import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import i18next from 'eslint-plugin-i18next'

// Layer boundaries (docs/architecture.md): an import that points the wrong way
// fails the lint, so a leak is caught in review, not years later.
const testCode = [
  { group: ['#tests/*', '**/tests/*', '**/tests/**'], message: 'Production code never imports test code: move what it needs into app/.' },
]
const appCode = { group: ['~/*', '**/app/*', '**/app/**'], message: 'db/ and machines/ sit below app/ and import nothing from it.' }
const dbCode = { group: ['#db/*', '**/db/*', '**/db/**'], message: 'machines/ is pure: it imports nothing from db/.' }
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })

export default tseslint.config(
  { ignores: ['build/**', 'data/**', 'node_modules/**', 'db/migrations/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['warn', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  { files: ['**/*.{ts,tsx,js,mjs}'], ignores: ['tests/**', 'bench/**'], rules: restrict(testCode) },
  // Every user-visible text comes from the catalogues (docs/decisions/030-internationalisation.md):
  // text written inline in JSX fails the lint, and so does a literal in an attribute people see or hear
  // (a label, hint, legend, accessible name, tooltip, placeholder, alternative text or table caption).
  {
    files: ['app/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: ['label', 'hint', 'description', 'legend', 'aria-label', 'title', 'placeholder', 'alt', 'caption', 'none'] },
          callees: { exclude: ['.*'] },
        },
      ],
    },
  },
  { files: ['db/**'], rules: restrict([...testCode, appCode]) },
  { files: ['machines/**'], rules: restrict([...testCode, appCode, dbCode]) },
)
