import { randomUUID } from 'node:crypto';
import validateStatement from '@learninglocker/xapi-validation';
import { voidingStatement, VOIDED_VERB_ID } from './voiding-statement';

describe('voidingStatement', () => {
  const original = randomUUID();
  const statement = voidingStatement({
    id: randomUUID(),
    voidedStatementId: original,
    baseUrl: 'https://practica.example.com/',
    at: new Date('2026-11-30T10:00:00Z'),
  });

  it('voids the statement by reference, as Practica rather than as the erased person', () => {
    expect(statement).toMatchObject({
      verb: { id: VOIDED_VERB_ID },
      object: { objectType: 'StatementRef', id: original },
      actor: { objectType: 'Agent', account: { homePage: 'https://practica.example.com', name: 'practica' } },
    });
  });

  it('is a valid xAPI 1.0.3 statement by a third-party validator', () => {
    expect(validateStatement(JSON.parse(JSON.stringify(statement)))).toEqual([]);
  });
});
