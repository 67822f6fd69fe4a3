import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { portalSchema } from '../schema/build.js';
import { GRAPHIQL_EXAMPLE } from './graphiql-example.js';

describe('the GraphiQL example operations', () => {
  it('are valid against the schema', async () => {
    const document = parse(GRAPHIQL_EXAMPLE);
    expect(document.definitions.length).toBeGreaterThanOrEqual(5);
    expect(validate(await portalSchema(), document)).toEqual([]);
  });

  it('hold no real account: no demo e-mail, no password', () => {
    expect(GRAPHIQL_EXAMPLE).not.toMatch(/Portail-Demo|marie\.dupont|example\.fr/);
  });
});
