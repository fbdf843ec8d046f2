// @ts-check
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ROOT = dirname(fileURLToPath(import.meta.url));

/** Where a file lives: `libs/<lib>`, `apps/<app>`, or a top folder (`scripts`, `test`, `migrations`). */
function areaOf(absolutePath) {
  const [top, name] = relative(ROOT, absolutePath).split(sep);
  return top === 'libs' || top === 'apps' ? { top, name } : { top, name: undefined };
}

/**
 * The layers' contract (docs/architecture.md): libraries never reach into the apps, and a library
 * is used by anyone else only through its alias index `@app/<lib>`, never a deep or relative path.
 */
const boundaries = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      libImportsApp: 'A library never imports from apps/: move what it needs into a library.',
      deepAlias: 'Import "{{lib}}" through its index: "@app/{{lib}}", not a path inside it.',
      selfAlias: 'Inside libs/{{lib}} use a relative path, not its own alias "@app/{{lib}}" (the index imports this file).',
      relativeIntoLib: 'Import libs/{{lib}} through its alias "@app/{{lib}}", not a relative path into it.',
    },
  },
  create(context) {
    const from = areaOf(context.filename);
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      const alias = /^@app\/([^/]+)(\/.*)?$/.exec(specifier);
      if (alias) {
        const [, lib, deep] = alias;
        if (deep) context.report({ node, messageId: 'deepAlias', data: { lib } });
        else if (from.top === 'libs' && from.name === lib) context.report({ node, messageId: 'selfAlias', data: { lib } });
        return;
      }
      if (from.top === 'libs' && /(^|\/)apps\//.test(specifier)) return context.report({ node, messageId: 'libImportsApp' });
      if (!specifier.startsWith('.')) return;
      const to = areaOf(resolve(dirname(context.filename), specifier));
      if (to.top === 'libs' && !(from.top === 'libs' && from.name === to.name)) {
        context.report({ node, messageId: 'relativeIntoLib', data: { lib: to.name } });
      }
    };
    const source = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: source,
      ExportAllDeclaration: source,
      ExportNamedDeclaration: source,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSExternalModuleReference: (node) => node.expression.type === 'Literal' && check(node.expression, node.expression.value),
    };
  },
};

export default defineConfig(
  // Generated files (the OpenAPI types come from openapi.json) and build output are not ours to lint.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/logs/**', 'test/support/api-types.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    plugins: { local: { rules: { boundaries } } },
    rules: {
      'local/boundaries': 'error',
      // Nest resolves constructor parameters from the emitted design:paramtypes metadata: a type-only
      // import of an injected class erases it, so consistent-type-imports must stay off.
      '@typescript-eslint/consistent-type-imports': 'off',
      // Prettier owns line breaks and writes `obj\n  [key](...)` chains; the rule would fight it (eslint-config-prettier turns it off too).
      'no-unexpected-multiline': 'off',
      // `_` marks an argument a signature requires but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The certificate's Chinese typesetting uses the ideographic space (U+3000) in its strings on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
    },
  },
  {
    // A handler's declared return type is what the compiler checks against the service's answer; without it,
    // the page or view its @ApiOkResponse documents and what it returns could drift apart unseen.
    files: ['apps/**/*.controller.ts'],
    rules: { '@typescript-eslint/explicit-function-return-type': ['error', { allowExpressions: true }] },
  },
  {
    // Jest loads its global hooks with Node's own resolver, without moduleNameMapper: no @app/ alias there.
    files: ['test/support/global-setup.ts', 'test/support/global-teardown.ts'],
    rules: { 'local/boundaries': 'off' },
  },
  {
    // The console (React): hooks called in the same order every render, with the dependencies they read.
    files: ['apps/console/**/*.{ts,tsx,mts}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Type-only imports are erased by the bundler; the Nest reason above does not apply to the browser.
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
);
