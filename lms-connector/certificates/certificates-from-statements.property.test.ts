import fc from 'fast-check';
import { PROFILE_VERSION_IRI } from '../statements';
import { certificatesFromStatements, type LrsStatement } from './certificates-from-statements';
import { PeopleByActor } from './people-by-actor';

const homePage = 'https://lms.contoso.com';
const people = new PeopleByActor(
  [{ id: 'ana', email: 'ana@contoso.com', lmsIdentifier: 'E-100', active: true }],
  { kind: 'account', homePage },
);

/** A field that is usually well formed, sometimes missing, sometimes anything at all (an LRS we do not control). */
const sometimes = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 3, arbitrary: good },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.anything() },
  );

const statementArbitrary = fc.record({
  id: sometimes(fc.uuid()),
  actor: sometimes(
    fc.record({
      objectType: fc.constant('Agent'),
      account: sometimes(
        fc.record({
          homePage: sometimes(fc.constant(homePage)),
          name: sometimes(fc.constantFrom('E-100', 'X-1')),
        }),
      ),
    }),
  ),
  verb: sometimes(
    fc.record({
      id: sometimes(
        fc.constantFrom(
          'http://adlnet.gov/expapi/verbs/completed',
          'http://adlnet.gov/expapi/verbs/voided',
          'http://adlnet.gov/expapi/verbs/passed',
        ),
      ),
    }),
  ),
  object: sometimes(
    fc.record({
      objectType: sometimes(fc.constantFrom('Activity', 'StatementRef', 'Agent')),
      id: sometimes(fc.oneof(fc.webUrl(), fc.uuid())),
      definition: sometimes(
        fc.record({
          name: sometimes(fc.dictionary(fc.constantFrom('en', 'en-US', 'de-DE'), sometimes(fc.string()))),
        }),
      ),
    }),
  ),
  result: sometimes(fc.record({ success: sometimes(fc.boolean()), completion: sometimes(fc.boolean()) })),
  context: sometimes(
    fc.record({
      platform: sometimes(fc.string()),
      contextActivities: sometimes(
        fc.record({
          category: sometimes(
            fc.array(sometimes(fc.record({ id: sometimes(fc.constant(PROFILE_VERSION_IRI)) }))),
          ),
        }),
      ),
    }),
  ),
  timestamp: sometimes(fc.date({ noInvalidDate: true }).map((date) => date.toISOString())),
  stored: sometimes(fc.date({ noInvalidDate: true }).map((date) => date.toISOString())),
});

describe('certificates from whatever an LRS returns', () => {
  it('never throws on malformed statements, and every certificate it keeps is complete and ours', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(statementArbitrary, fc.anything()), { maxLength: 20 }), (statements) => {
        const { records, voidedStatementIds } = certificatesFromStatements(statements as LrsStatement[], {
          people,
          patterns: [{ pattern: 'https://lms.contoso.com/*', skillArea: 'analysis' }],
          ownActivityPrefix: 'https://practica.contoso.com/xapi/activities/',
          target: 'lms',
        });
        for (const record of records) {
          expect(record.personId).toBe('ana');
          expect(typeof record.statementId).toBe('string');
          expect(typeof record.activityId).toBe('string');
          expect(typeof record.name).toBe('string');
          expect(record.name.length).toBeGreaterThan(0);
          expect(Number.isNaN(record.issuedAt.getTime())).toBe(false);
          expect(record.issuer === null || typeof record.issuer === 'string').toBe(true);
        }
        for (const id of voidedStatementIds) expect(typeof id).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});
