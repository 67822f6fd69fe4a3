import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors.js';
import { containsDomain, containsPattern, MAX_SEARCH_LENGTH } from './search.js';

describe('containsDomain', () => {
  it('escapes the wildcards and the escape character so the text matches literally', () => {
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('A_1')).toBe('%A\\_1%');
    expect(containsPattern('C:\\x')).toBe('%C:\\\\x%');
    expect(containsDomain(['number', 'reference'], ' 50%_ ')).toEqual([
      'OR',
      ['number', 'ilike', '%50\\%\\_%'],
      ['reference', 'ilike', '%50\\%\\_%'],
    ]);
  });

  it('is no condition for an empty search', () => {
    expect(containsDomain(['number'], null)).toBeNull();
    expect(containsDomain(['number'], '   ')).toBeNull();
  });

  it('refuses a search longer than the cap with BAD_USER_INPUT naming the field', () => {
    expect(containsDomain(['number'], 'x'.repeat(MAX_SEARCH_LENGTH))).not.toBeNull();
    try {
      containsDomain(['number'], 'x'.repeat(MAX_SEARCH_LENGTH + 1));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GatewayError);
      expect((error as GatewayError).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'filter.search',
      });
    }
  });
});
