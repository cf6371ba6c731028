import { DEFAULT_SKILL_AREAS, validateWorkflowDefinition, type PersonProfile } from '../../core';
import {
  DEMO_DEFAULT_USER_EMAIL,
  DEMO_PEOPLE,
  DEMO_TENANT,
  DEMO_WORKFLOWS,
  demoPersonByAadObjectId,
  demoPersonByEmail,
  requireDemoPerson,
} from '.';
import { dedent } from './workflows/demo-workflow';

const skillAreaIds = DEFAULT_SKILL_AREAS.map((area) => area.id);
const DEPARTMENTS = ['Finance', 'Marketing', 'Product', 'Sales', 'Support'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function unique(values: unknown[]): boolean {
  return new Set(values).size === values.length;
}

function byAadObjectId(): Map<string, PersonProfile> {
  return new Map(DEMO_PEOPLE.map((person) => [person.aadObjectId, person]));
}

describe('demo tenant people', () => {
  it('has a realistic head count with unique identities', () => {
    expect(DEMO_PEOPLE.length).toBeGreaterThanOrEqual(35);
    expect(DEMO_PEOPLE.length).toBeLessThanOrEqual(45);
    expect(unique(DEMO_PEOPLE.map((person) => person.aadObjectId))).toBe(true);
    expect(unique(DEMO_PEOPLE.map((person) => person.email))).toBe(true);
    expect(unique(DEMO_PEOPLE.map((person) => person.employeeId))).toBe(true);
    expect(DEMO_TENANT.id).toMatch(UUID);
    for (const person of DEMO_PEOPLE) {
      expect(person.aadObjectId).toMatch(UUID);
      expect(person.email).toMatch(/^[a-z]+(\.[a-z]+)*@northwind\.example$/);
      expect(person.employeeId).toMatch(/^NW-\d{5}$/);
      expect(person.lmsIdentifier).toBe(person.employeeId);
      expect(person.tenantId).toBe(DEMO_TENANT.id);
      expect(person.roles).toContain('employee');
      expect(unique(person.roles)).toBe(true);
      expect(person.jobTitle).toBeTruthy();
    }
  });

  it('covers the five departments, each with a head reporting to the CEO', () => {
    const people = byAadObjectId();
    const departments = new Set(DEMO_PEOPLE.map((person) => person.department));
    for (const department of DEPARTMENTS) expect(departments).toContain(department);
    expect(departments).toContain('People & Learning');

    const tops = DEMO_PEOPLE.filter((person) => person.managerAadObjectId === null);
    expect(tops.map((person) => person.jobTitle)).toEqual(['Chief Executive Officer']);
    for (const department of [...DEPARTMENTS, 'People & Learning']) {
      const heads = DEMO_PEOPLE.filter(
        (person) => person.department === department && person.managerAadObjectId === tops[0]?.aadObjectId,
      );
      expect(heads).toHaveLength(1);
      const members = DEMO_PEOPLE.filter((person) => person.department === department);
      for (const member of members.filter((person) => !heads.includes(person))) {
        expect(people.get(member.managerAadObjectId ?? '')?.department).toBe(department);
      }
    }
  });

  it('has managers who are demo people, with no management cycles', () => {
    const people = byAadObjectId();
    for (const person of DEMO_PEOPLE) {
      if (person.managerAadObjectId !== null) expect(people.has(person.managerAadObjectId)).toBe(true);
      const seen = new Set<string>([person.aadObjectId]);
      let manager = person.managerAadObjectId;
      while (manager !== null) {
        expect(seen.has(manager)).toBe(false);
        seen.add(manager);
        manager = people.get(manager)?.managerAadObjectId ?? null;
      }
    }
  });

  it('has exactly three authors (Finance, Marketing, Product) and an L&D admin', () => {
    const authors = DEMO_PEOPLE.filter((person) => person.roles.includes('author'));
    expect(authors.map((person) => [person.department, person.jobTitle])).toEqual([
      ['Finance', 'Senior Financial Analyst'],
      ['Marketing', 'Senior Product Marketing Manager'],
      ['Product', 'Senior Product Manager'],
    ]);
    const admins = DEMO_PEOPLE.filter((person) => person.roles.includes('admin'));
    expect(admins.length).toBeGreaterThanOrEqual(1);
    expect(admins.map((person) => person.department)).toContain('People & Learning');
  });

  it('makes a Finance analyst the default user and finds people by email or object id', () => {
    const analyst = requireDemoPerson(DEMO_DEFAULT_USER_EMAIL);
    expect(analyst).toMatchObject({
      department: 'Finance',
      jobTitle: 'Financial Analyst',
      roles: ['employee'],
    });
    expect(demoPersonByEmail(' Jordan.Ellis@Northwind.Example ')).toBe(analyst);
    expect(demoPersonByAadObjectId(analyst.aadObjectId.toUpperCase())).toBe(analyst);
    expect(demoPersonByEmail('nobody@northwind.example')).toBeUndefined();
    expect(() => requireDemoPerson('nobody@northwind.example')).toThrow(/nobody@northwind\.example/);
  });
});

describe('demo workflows', () => {
  it('has at least eight, with unique titles, by all three authors', () => {
    expect(DEMO_WORKFLOWS.length).toBeGreaterThanOrEqual(8);
    expect(unique(DEMO_WORKFLOWS.map((workflow) => workflow.definition.title))).toBe(true);
    const authors = DEMO_PEOPLE.filter((person) => person.roles.includes('author')).map(
      (person) => person.email,
    );
    expect(new Set(DEMO_WORKFLOWS.map((workflow) => workflow.authorEmail))).toEqual(new Set(authors));
  });

  it.each(DEMO_WORKFLOWS.map((workflow) => [workflow.definition.title, workflow] as const))(
    '%s is valid and well formed',
    (_title, workflow) => {
      const author = demoPersonByEmail(workflow.authorEmail);
      expect(author?.roles).toContain('author');

      const definition = validateWorkflowDefinition(workflow.definition, { skillAreaIds });
      expect(definition.steps.length).toBeGreaterThanOrEqual(3);
      expect(definition.steps.length).toBeLessThanOrEqual(6);
      expect(definition.rubric.length).toBeGreaterThanOrEqual(3);
      expect(definition.rubric.length).toBeLessThanOrEqual(5);
      expect(definition.manualMinutes).toBeGreaterThanOrEqual(30);
      expect(definition.manualMinutes).toBeLessThanOrEqual(480);
      expect(definition.steps.some((step) => step.kind === 'verify')).toBe(true);
      for (const step of definition.steps) {
        if (step.kind === 'generate') expect(step.tips).toBeTruthy();
        if (step.kind === 'verify') expect(step.checklist.length).toBeGreaterThanOrEqual(3);
      }

      const departments = new Set(DEMO_PEOPLE.map((person) => person.department));
      const jobTitles = new Set(DEMO_PEOPLE.map((person) => person.jobTitle));
      expect(definition.suitedFor.departments.length).toBeGreaterThan(0);
      for (const department of definition.suitedFor.departments) expect(departments).toContain(department);
      for (const jobTitle of definition.suitedFor.jobTitles) expect(jobTitles).toContain(jobTitle);
    },
  );

  it('keeps templates free of the indentation of the source file', () => {
    for (const { definition } of DEMO_WORKFLOWS) {
      for (const step of definition.steps) {
        const text =
          step.kind === 'generate' ? step.prompt : step.kind === 'deliverable' ? step.template : '';
        expect(text).not.toMatch(/^ {4}/m);
        expect(text).toBe(text.trim());
      }
    }
  });
});

describe('dedent', () => {
  it('strips the common indentation and the surrounding blank lines', () => {
    const text = dedent`
      # Title

        indented
      {{input.x}}
    `;
    expect(text).toBe('# Title\n\n  indented\n{{input.x}}');
  });
});
