import Ajv from 'ajv';
import type { DomainEvent } from '../../core';
import { productEvents, WORKFLOW_ID } from '../../tests/lms-connector/product-events';
import { PRACTICA_NAMESPACE, statementsForEvent, type StatementDraft } from '../statements';
import { practicaProfile } from './practica-profile';

const profile = practicaProfile();
const conceptById = new Map(profile.concepts.map((concept) => [concept.id, concept]));

function everyStatement(): StatementDraft[] {
  return productEvents().flatMap((event: DomainEvent) =>
    statementsForEvent(event, {
      baseUrl: 'https://practica.contoso.com',
      language: 'en',
      workflow: event.workflowId
        ? { id: WORKFLOW_ID, title: 'Monthly variance memo', skillArea: 'analysis', versionNumber: 2 }
        : null,
      skillAreas: [{ id: 'analysis', name: 'Analysis & reporting' }],
      sendFailed: true,
    }),
  );
}

describe("Practica's xAPI Profile", () => {
  it('is an xAPI Profiles 1.0 document with one version, whose IRI statements name as their category', () => {
    expect(profile).toMatchObject({
      '@context': 'https://w3id.org/xapi/profiles/context',
      id: 'https://practica.app/xapi/profile',
      type: 'Profile',
      conformsTo: 'https://w3id.org/xapi/profiles#1.0',
      versions: [{ id: 'https://practica.app/xapi/profile/v1.0' }],
    });
    const categories = new Set(
      everyStatement().flatMap(
        (statement) => statement.context?.contextActivities?.category?.map((activity) => activity.id) ?? [],
      ),
    );
    expect([...categories]).toEqual([profile.versions[0]?.id]);
  });

  it('defines every verb, activity type and extension the mapping uses, each as the right kind of concept', () => {
    const used: { id: string; type: string }[] = [];
    for (const statement of everyStatement()) {
      used.push({ id: statement.verb.id, type: 'Verb' });
      const activities = [
        statement.object,
        ...Object.values(statement.context?.contextActivities ?? {}).flat(),
      ];
      for (const activity of activities)
        if (activity.definition?.type) used.push({ id: activity.definition.type, type: 'ActivityType' });
      for (const key of Object.keys(statement.result?.extensions ?? {}))
        used.push({ id: key, type: 'ResultExtension' });
      for (const key of Object.keys(statement.context?.extensions ?? {}))
        used.push({ id: key, type: 'ContextExtension' });
    }
    const missing = used
      .filter((iri) => conceptById.get(iri.id)?.type !== iri.type)
      .map((iri) => `${iri.type} ${iri.id}`);
    expect([...new Set(missing)]).toEqual([]);
    expect(new Set(used.map((iri) => iri.id)).size).toBeGreaterThan(20);
  });

  it('gives every concept a label and a definition in its version, once; Practica’s own IRIs are all in its namespace', () => {
    expect(conceptById.size).toBe(profile.concepts.length);
    for (const concept of profile.concepts) {
      expect(concept.inScheme).toBe('https://practica.app/xapi/profile/v1.0');
      expect(concept.prefLabel.en?.length).toBeGreaterThan(2);
      expect(concept.definition.en?.length).toBeGreaterThan(20);
      expect(concept.id).toMatch(
        /^(https:\/\/practica\.app\/xapi\/|http:\/\/adlnet\.gov\/expapi\/|http:\/\/id\.tincanapi\.com\/|http:\/\/activitystrea\.ms\/|https:\/\/w3id\.org\/xapi\/cmi5\/)/,
      );
    }
    const own = profile.concepts.filter((concept) => concept.id.startsWith(`${PRACTICA_NAMESPACE}/`));
    expect(own.length).toBeGreaterThan(10);
  });

  it('publishes a JSON Schema for every extension that the values Practica sends satisfy', () => {
    const ajv = new Ajv({ strict: false });
    const validators = new Map(
      profile.concepts
        .filter((concept) => concept.inlineSchema !== undefined)
        .map((concept) => [concept.id, ajv.compile(JSON.parse(concept.inlineSchema ?? '{}'))]),
    );
    let checked = 0;
    for (const statement of everyStatement()) {
      const extensions = { ...statement.result?.extensions, ...statement.context?.extensions };
      for (const [key, value] of Object.entries(extensions)) {
        const validate = validators.get(key);
        expect(validate).toBeDefined();
        expect({ key, valid: validate?.(value), errors: validate?.errors ?? null }).toEqual({
          key,
          valid: true,
          errors: null,
        });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(validators.get(`${PRACTICA_NAMESPACE}/extensions/minutes-saved`)?.('twelve')).toBe(false);
  });
});
