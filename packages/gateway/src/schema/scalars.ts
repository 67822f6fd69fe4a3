import { Decimal } from '@portal/tryton-client';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

export const DecimalScalar = new GraphQLScalarType<Decimal, string>({
  name: 'Decimal',
  description:
    'An exact decimal number as a string, e.g. "1384.56". Never a float: money stays exact.',
  serialize(value) {
    if (value instanceof Decimal) return value.toString();
    if (typeof value === 'string') return Decimal.from(value).toString();
    throw new GraphQLError('Decimal: not a decimal value');
  },
  parseValue(value) {
    if (typeof value !== 'string')
      throw new GraphQLError('Decimal: expected a string like "12.50"');
    try {
      return Decimal.from(value);
    } catch {
      throw new GraphQLError('Decimal: expected a string like "12.50"');
    }
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Decimal: expected a string like "12.50"');
    return Decimal.from(ast.value);
  },
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError('Date: expected an ISO 8601 date, e.g. "2026-11-24"');
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date in ISO 8601, e.g. "2026-11-24".',
  serialize: (value) => parseDate(value),
  parseValue: (value) => parseDate(value),
  parseLiteral(ast) {
    return parseDate(ast.kind === Kind.STRING ? ast.value : null);
  },
});

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'A UTC date and time in ISO 8601, e.g. "2026-11-24T09:30:00.000Z".',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    throw new GraphQLError('DateTime: not a date');
  },
  parseValue(value) {
    const date = typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime()))
      throw new GraphQLError('DateTime: expected ISO 8601');
    return date;
  },
  parseLiteral(ast) {
    const date = ast.kind === Kind.STRING ? new Date(ast.value) : null;
    if (!date || Number.isNaN(date.getTime()))
      throw new GraphQLError('DateTime: expected ISO 8601');
    return date;
  },
});
