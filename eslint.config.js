import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

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
  { files: ['db/**'], rules: restrict([...testCode, appCode]) },
  { files: ['machines/**'], rules: restrict([...testCode, appCode, dbCode]) },
)
