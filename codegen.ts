import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The typed client: schema/schema.graphql + the operation documents in schema/operations →
 * schema/client (TypeScript types and typed document strings). `npm run codegen`.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['schema/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'schema/client/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
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
