import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, getVariableValues, GraphQLError, printSchema, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * graphql-jit's errors are GraphQLError look-alikes with read-only properties and no `extensions`
 * where the thrown error had none (a database error, a bug); Apollo and the hub's plugins expect
 * graphql 16's (Apollo reads error.extensions.code; the production plugin edits messages).
 * Rebuilt as real GraphQLErrors with the same message, locations, path, extensions and original
 * error, so formatError sees what it would see.
 */
function asGraphQLError(e: GraphQLError): GraphQLError {
  const real = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions });
  if (e.locations) Object.defineProperty(real, 'locations', { value: e.locations, enumerable: true });
  return real;
}

/** Most compiled operations kept at once (least recently used dropped first). */
const MAX_COMPILED = 1000;

/**
 * Executes operations with graphql-jit instead of graphql-js's interpreter: each operation is
 * compiled once into a function specialised for its selection set, which makes big answers
 * (a thousand series points, a region tree) several times cheaper to build. Apollo still parses,
 * validates, runs every plugin (limits, trusted documents, logs, metrics, access log) and formats
 * errors; only execution is replaced, through Apollo's documented executor interface. Resolvers,
 * graphql-shield's field rules and the schema are the same objects graphql-js would use.
 */
export function jitExecution(schema: GraphQLSchema): GatewayInterface {
  const compiled = new Map<string, CompiledQuery>();
  const executor: GatewayExecutor = async (rc) => {
    // No single operation to run (several without a name, or an unknown name): graphql-js gives the error.
    if (!rc.operation) return execute({ schema, document: rc.document, operationName: rc.operationName, variableValues: rc.request.variables });
    // Variables are coerced by graphql-js itself: the same defaults (graphql-jit leaves out input
    // fields' defaults) and the same errors, which Apollo reports as BAD_USER_INPUT.
    const coerced = getVariableValues(schema, rc.operation.variableDefinitions ?? [], rc.request.variables ?? {}, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    const key = `${rc.queryHash}:${rc.operationName ?? ''}`;
    let query = compiled.get(key);
    if (query) {
      compiled.delete(key);
    } else {
      const result = compileQuery(schema, rc.document, rc.operationName ?? undefined);
      if (!isCompiledQuery(result)) return result;
      query = result;
      if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    }
    compiled.set(key, query);
    const result = await query.query(undefined, rc.context, coerced.coerced);
    if (result.errors) return { ...result, errors: result.errors.map(asGraphQLError) };
    return result;
  };
  return {
    async load() {
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async stop() {},
  };
}
