import { ServiceError } from '@temporalio/client';
import { QueryFailedError } from 'typeorm';
import { toUnavailable } from './unavailable-errors';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('toUnavailable', () => {
  it('answers 503 DATABASE_UNAVAILABLE while PostgreSQL restarts, raw or wrapped by TypeORM', () => {
    expect(toUnavailable(pgError('57P01', 'terminating connection due to administrator command'))).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(toUnavailable(pgError('57P03', 'the database system is shutting down'))).toMatchObject({ statusCode: 503 });
    expect(toUnavailable(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toMatchObject({ statusCode: 503 });
    expect(toUnavailable(new Error('Connection terminated unexpectedly'))).toMatchObject({ statusCode: 503 });
    expect(toUnavailable(new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating connection')))).toMatchObject({ statusCode: 503 });
  });

  it('answers 503 TEMPORAL_UNAVAILABLE when the Temporal frontend does not answer', () => {
    const grpc = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
    expect(toUnavailable(new ServiceError('Failed to start update', { cause: grpc }))).toMatchObject({ statusCode: 503, code: 'TEMPORAL_UNAVAILABLE' });
  });

  it('leaves every other failure alone: a constraint violation or a bug stays a 500', () => {
    expect(toUnavailable(pgError('23505', 'duplicate key value violates unique constraint'))).toBeUndefined();
    expect(toUnavailable(new QueryFailedError('SELECT', [], pgError('42P01', 'relation does not exist')))).toBeUndefined();
    expect(toUnavailable(new TypeError('x is undefined'))).toBeUndefined();
  });
});
