import { DOMAIN_ERROR_CODES, DomainError, isDomainError } from '../errors';
import { actors, createProgram, sampleCommands } from '../testing/fixtures';
import { PROGRAM_COMMAND_TYPES, ProgramCommandSchema, commandSchemas, payloadSchemas } from './program.commands';
import { PROGRAM_EVENT_TYPES, eventSchemas } from './program.events';

describe('command schemas', () => {
  it('there is a command schema and a payload schema for every command type', () => {
    expect(Object.keys(commandSchemas).sort()).toEqual([...PROGRAM_COMMAND_TYPES].sort());
    expect(Object.keys(sampleCommands()).sort()).toEqual([...PROGRAM_COMMAND_TYPES].sort());
    expect(Object.keys(eventSchemas).sort()).toEqual([...PROGRAM_EVENT_TYPES].sort());
  });

  it('parses a whole command and rejects a bad envelope', () => {
    const cmd = createProgram();
    expect(ProgramCommandSchema.parse(cmd)).toEqual(cmd);
    expect(ProgramCommandSchema.safeParse({ ...cmd, now: '2025-01-06 08:00' }).success).toBe(false);
    expect(ProgramCommandSchema.safeParse({ ...cmd, commandId: '' }).success).toBe(false);
    expect(ProgramCommandSchema.safeParse({ ...cmd, type: 'Nope' }).success).toBe(false);
    expect(ProgramCommandSchema.safeParse({ ...cmd, now: '2025-01-06T08:00:00+07:00' }).success).toBe(true);
  });

  it('validates a payload alone, with field paths', () => {
    const res = payloadSchemas.AttachEvidence.safeParse({ activityId: 'a', sha256: 'xyz', kind: 'photo', filename: 'f', size: 1, mimeType: 'image/png' });
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]?.path).toEqual(['sha256']);
    expect(payloadSchemas.CreateProgram.safeParse({ ...createProgram().payload, plan: { objectives: [], standard: 'unknown', indicators: [], activities: [] } }).success).toBe(false);
    expect(payloadSchemas.CompleteActivity.safeParse({ activityId: 'a', actualStart: '2025-02-30', actualEnd: '2025-03-01', realisedCost: 1, outcome: 'x' }).success).toBe(false);
    expect(payloadSchemas.CompleteActivity.safeParse({ activityId: 'a', actualStart: '2025-02-03', actualEnd: '2025-03-01', realisedCost: 1.5, outcome: 'x' }).success).toBe(false);
  });

  it('an actor needs at least one known role', () => {
    expect(ProgramCommandSchema.safeParse({ ...createProgram(), actor: { ...actors.principal, roles: [] } }).success).toBe(false);
    expect(ProgramCommandSchema.safeParse({ ...createProgram(), actor: { ...actors.principal, roles: ['janitor'] } }).success).toBe(false);
  });
});

describe('DomainError', () => {
  it('carries a stable code, a status and details', () => {
    const e = new DomainError('MISSING_EVIDENCE', 'Some activities lack required evidence.', { missing: [] });
    expect(e).toBeInstanceOf(Error);
    expect(isDomainError(e)).toBe(true);
    expect(e.status).toBe(422);
    expect(e.toJSON()).toEqual({ code: 'MISSING_EVIDENCE', status: 422, message: e.message, details: { missing: [] } });
  });

  it('is recognised across realms by shape', () => {
    expect(isDomainError({ name: 'DomainError', code: 'WRONG_STAGE', message: 'x' })).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(isDomainError({ name: 'DomainError', code: 'MADE_UP' })).toBe(false);
  });

  it('every code is UPPER_SNAKE with a 403/404/409/422 status', () => {
    for (const code of DOMAIN_ERROR_CODES) {
      expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
      expect([403, 404, 409, 422]).toContain(new DomainError(code, 'x').status);
    }
  });
});
