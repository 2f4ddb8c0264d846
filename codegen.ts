import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The typed client: schema/schema.graphql + the operation documents in schema/operations →
 * schema/client (TypeScript types and typed document strings). `npm run codegen`.
 *
 * Each document also carries its hash (`__meta__.hash`, "sha256:<hex>"), and
 * schema/client/persisted-documents.json maps every hash to its normalised text: the hub's
 * trusted documents, which a partner may run by hash alone.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['schema/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'schema/client/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
      },
    },
  },
};

export default config;
