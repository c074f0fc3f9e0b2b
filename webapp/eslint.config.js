import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Imports go one way: shared (components, config, hooks, lib, types) -> features -> app; never across features.
const oneWay = 'Imports go shared -> features -> app, never across features.';
const noImportsFrom = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message: oneWay }] }],
});
// A feature may import only itself among the features. (A group pattern such as '@/features/!(auth)/**' matched
// nothing: gitignore patterns have no !(...), so imports from other features passed.)
const onlyFeature = (feature, ...groups) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: groups, message: oneWay },
        { regex: `^@/features/(?!${feature}/)`, message: oneWay },
      ],
    },
  ],
});

export default defineConfig([
  globalIgnores(['dist', 'coverage', 'test-results']),
  {
    files: ['**/*.{ts,tsx}'],
    ignores: ['e2e/**', 'playwright.config.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended, reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    // The browser journeys run in Node (Playwright) and hand functions to the page: both sets of globals, and no
    // React rules (a Playwright fixture's `use` is not React's).
    files: ['e2e/**/*.ts', 'playwright.config.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Every user-visible string comes from the catalogue (src/config/messages.ts) so that it is translated:
    // letters in JSX text, in a text child {'...'} or in an attribute people see or hear are refused.
    files: ['src/**/*.tsx'],
    ignores: ['src/**/__tests__/**', 'src/testing/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXText[value=/\\p{L}/u]',
          message: 'User-visible text belongs in src/config/messages.ts.',
        },
        {
          selector: 'JSXElement > JSXExpressionContainer > Literal[value=/\\p{L}/u]',
          message: 'User-visible text belongs in src/config/messages.ts.',
        },
        {
          // the attribute's value itself, directly, in braces, or as either branch of a condition
          selector:
            'JSXAttribute[name.name=/^(aria-label|aria-description|aria-placeholder|aria-roledescription|aria-valuetext|title|placeholder|alt|label)$/] :matches(JSXAttribute > Literal, JSXExpressionContainer > Literal, ConditionalExpression > Literal.consequent, ConditionalExpression > Literal.alternate)[value=/\\p{L}/u]',
          message: 'User-visible text belongs in src/config/messages.ts.',
        },
      ],
    },
  },
  {
    files: ['src/components/**', 'src/config/**', 'src/hooks/**', 'src/lib/**', 'src/types/**'],
    rules: noImportsFrom('@/features/*', '@/app/*', '**/features/**', '**/app/**'),
  },
  {
    files: ['src/features/auth/**'],
    rules: onlyFeature('auth', '@/app/*', '**/app/**', '**/shell/**'),
  },
  {
    files: ['src/features/shell/**'],
    rules: onlyFeature('shell', '@/app/*', '**/app/**', '**/auth/**'),
  },
  ...['channels', 'messages', 'search', 'switcher', 'settings', 'admin', 'people'].map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: onlyFeature(feature, '@/app/*', '**/app/**'),
  })),
]);
