import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATIONS } from '../../src/server/examples';
import { buildBareSchema } from '../../src/server/schema';

describe('the explorer\'s saved example operations', () => {
  it('are valid against the schema', () => {
    const schema = buildBareSchema();
    expect(EXAMPLE_OPERATIONS.length).toBeGreaterThanOrEqual(5);
    for (const op of EXAMPLE_OPERATIONS) {
      expect(validate(schema, parse(op.query)).map((e) => e.message), op.name).toEqual([]);
    }
  });
});
