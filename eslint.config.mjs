import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'
import { defineConfig, globalIgnores } from 'eslint/config'
import tseslint from 'typescript-eslint'

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    'src/generated/**',
    'data/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // One translator per namespace and request, one formatter per locale, not one per component
    // (decisions 053 and 054); links prefetch on intent, not on sight (decision 055).
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['src/i18n/use-translations.ts', 'src/i18n/use-formatter.ts', 'src/components/ui/link.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'next-intl',
              importNames: ['useTranslations'],
              message: "Import useTranslations from '@/i18n/use-translations'.",
            },
            {
              name: 'next-intl',
              importNames: ['useFormatter'],
              message: "Import useFormatter from '@/i18n/use-formatter'.",
            },
            {
              name: 'next/link',
              message: "Import Link from '@/components/ui/link': it prefetches on intent, not on sight.",
            },
          ],
        },
      ],
    },
  },
  {
    // The domain never imports from the app or React (docs/decisions/002-actions-and-api.md).
    files: ['src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/components/*', '@/app/*', '../../app/*', 'react-dom'],
              message: 'The domain does not import UI code.',
            },
          ],
        },
      ],
    },
  },
])
