import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The page's types come from the schema the service serves (schema.gql, kept equal to it by a
 * test), so a contract change that breaks an operation of the page breaks `npm run build` and
 * `npm test` (`--check`), not the page. Run from the project root: `npm run codegen`.
 */
const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: ['apps/web/src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'apps/web/src/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        // A TypedDocumentString is the operation's text with its types: no GraphQL parser in the page.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        skipTypename: true,
        // Exact strings, as the API sends them: money is never a float (PRODUCT §1).
        scalars: { Date: 'string', DateTime: 'string', Decimal: 'string' },
      },
    },
  },
};

export default config;
