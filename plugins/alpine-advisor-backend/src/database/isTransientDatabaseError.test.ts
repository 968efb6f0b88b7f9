import { isTransientDatabaseError } from './isTransientDatabaseError';

const withCode = (code: string, message = 'failed') =>
  Object.assign(new Error(message), { code });

describe('isTransientDatabaseError', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset connection', withCode('ECONNRESET')],
    ['PostgreSQL shutting down (57P01)', withCode('57P01')],
    ['PostgreSQL starting up (57P03)', withCode('57P03')],
    ['a connection exception (08006)', withCode('08006')],
    ['a deadlock (40P01)', withCode('40P01')],
    ['a busy SQLite file', withCode('SQLITE_BUSY')],
    ['a dropped client', new Error('Connection terminated unexpectedly')],
    [
      'an exhausted pool',
      new Error(
        'Knex: Timeout acquiring a connection. The pool is probably full.',
      ),
    ],
  ])('retries %s', (_, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it.each([
    ['a not-null violation (23502)', withCode('23502')],
    ['a unique violation (23505)', withCode('23505')],
    ['a syntax error (42601)', withCode('42601')],
    ['a SQLite constraint', withCode('SQLITE_CONSTRAINT')],
    ['a plain error', new Error('something else')],
    ['a string', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('does not retry %s', (_, error) => {
    expect(isTransientDatabaseError(error)).toBe(false);
  });
});
