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

// Pages not yet moved to the catalogues. This list only shrinks: whoever
// converts a file deletes it here in the same commit, until the list is empty
// and the rule covers every page. Never add to it.
const NOT_YET_TRANSLATED = [
  // ADR 031's pages: their words are kept together in a TEXT object at the top of each file, for the move into the 'public' and 'admin' catalogues.
  'app/routes/admin.users.$userId_.data.tsx',
  'app/routes/admin.users.$userId_.erase.tsx',
  'app/routes/admin.indicators.$indicatorId.tsx',
  'app/routes/admin.indicators._index.tsx',
  'app/routes/admin.indicators.new.tsx',
  'app/routes/admin.mail.tsx',
  'app/routes/admin.rubric._index.tsx',
  'app/routes/admin.rubric.edit.tsx',
  'app/routes/admin.settings.tsx',
  'app/routes/admin.sso.tsx',
  'app/routes/admin.users.$userId.tsx',
  'app/routes/admin.users.import.tsx',
  'app/routes/operator._index.tsx',
  'app/signing/certificate-warning.tsx',
]

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
    ignores: NOT_YET_TRANSLATED,
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
