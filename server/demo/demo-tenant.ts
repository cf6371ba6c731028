import type { PersonProfile, Role } from '../../core';

/** The demo company: the one fixture that seeds, tests, the tab's persona picker and the Agents Playground read. */
export const DEMO_TENANT = {
  id: '2fc37645-8cc2-45c3-8286-3566fd16f7dc',
  displayName: 'Northwind Traders (demo)',
} as const;

export const DEMO_EMAIL_DOMAIN = 'northwind.example';

/** A Financial Analyst: the Agents Playground's current user and the tab's default persona. */
export const DEMO_DEFAULT_USER_EMAIL = 'jordan.ellis@northwind.example';

type Row = {
  aadObjectId: string;
  displayName: string;
  email: string;
  department: string;
  jobTitle: string;
  managerEmail: string | null;
  employeeId: string;
  roles?: Role[];
};

const CEO = 'helena.marsh@northwind.example';
const PEOPLE_HEAD = 'daniel.okafor@northwind.example';
const FINANCE_HEAD = 'margaret.chen@northwind.example';
const FPA_LEAD = 'rahul.mehta@northwind.example';
const CONTROLLER = 'claire.dubois@northwind.example';
const MARKETING_HEAD = 'olivia.bennett@northwind.example';
const PMM_LEAD = 'ravi.shankar@northwind.example';
const DEMAND_LEAD = 'hannah.fischer@northwind.example';
const PRODUCT_HEAD = 'samuel.greene@northwind.example';
const GPM = 'anika.patel@northwind.example';
const DESIGN_LEAD = 'leo.martin@northwind.example';
const SALES_HEAD = 'victor.alvarez@northwind.example';
const ENTERPRISE_LEAD = 'grace.oneill@northwind.example';
const SDR_LEAD = 'ben.carter@northwind.example';
const SUPPORT_HEAD = 'rachel.kim@northwind.example';
const SUPPORT_LEAD = 'diego.ramirez@northwind.example';
const TECH_SUPPORT_LEAD = 'chloe.dupont@northwind.example';

// prettier-ignore
const ROWS: Row[] = [
  { aadObjectId: '97a3158d-837d-4bdc-80a7-6cd07a4cec76', displayName: 'Helena Marsh', email: CEO, department: 'Executive', jobTitle: 'Chief Executive Officer', managerEmail: null, employeeId: 'NW-10001' },

  { aadObjectId: 'acee5d8e-5411-4608-a29c-2d6c66b89be1', displayName: 'Daniel Okafor', email: PEOPLE_HEAD, department: 'People & Learning', jobTitle: 'Head of People & Learning', managerEmail: CEO, employeeId: 'NW-10007' },
  { aadObjectId: 'a4689bac-4809-4102-a350-df28691136ff', displayName: 'Priya Raman', email: 'priya.raman@northwind.example', department: 'People & Learning', jobTitle: 'Learning & Development Manager', managerEmail: PEOPLE_HEAD, employeeId: 'NW-10342', roles: ['employee', 'admin'] },
  { aadObjectId: '71e4656f-8f02-4af8-b4d0-ee3eacb2a51b', displayName: 'Tomás Herrera', email: 'tomas.herrera@northwind.example', department: 'People & Learning', jobTitle: 'People Partner', managerEmail: PEOPLE_HEAD, employeeId: 'NW-10518' },

  { aadObjectId: '817a6218-3e7c-41bf-befd-818347f7a6fb', displayName: 'Margaret Chen', email: FINANCE_HEAD, department: 'Finance', jobTitle: 'Finance Director', managerEmail: CEO, employeeId: 'NW-10012' },
  { aadObjectId: '696d288a-1f2b-4121-bc0c-a39ea518fcd1', displayName: 'Rahul Mehta', email: FPA_LEAD, department: 'Finance', jobTitle: 'Financial Planning & Analysis Lead', managerEmail: FINANCE_HEAD, employeeId: 'NW-10088' },
  { aadObjectId: 'e1f8b034-9dfe-4b43-9559-2c1e69284d23', displayName: 'Claire Dubois', email: CONTROLLER, department: 'Finance', jobTitle: 'Financial Controller', managerEmail: FINANCE_HEAD, employeeId: 'NW-10095' },
  { aadObjectId: '9a5f9916-5d63-4fe5-8e79-12447702e6af', displayName: 'Sofia Lindqvist', email: 'sofia.lindqvist@northwind.example', department: 'Finance', jobTitle: 'Senior Financial Analyst', managerEmail: FPA_LEAD, employeeId: 'NW-10163', roles: ['employee', 'author'] },
  { aadObjectId: '8dfc562e-10dd-4f30-a2a0-8467e4dcfddd', displayName: 'Jordan Ellis', email: DEMO_DEFAULT_USER_EMAIL, department: 'Finance', jobTitle: 'Financial Analyst', managerEmail: FPA_LEAD, employeeId: 'NW-10234' },
  { aadObjectId: 'fdef693d-905c-43f9-9af4-3229ec0491b3', displayName: 'Aisha Khan', email: 'aisha.khan@northwind.example', department: 'Finance', jobTitle: 'Financial Analyst', managerEmail: FPA_LEAD, employeeId: 'NW-10457' },
  { aadObjectId: 'd18ae92f-ccdb-4a3a-a0c4-96abc01f1830', displayName: 'Marcus Webb', email: 'marcus.webb@northwind.example', department: 'Finance', jobTitle: 'Senior Accountant', managerEmail: CONTROLLER, employeeId: 'NW-10129' },
  { aadObjectId: '9b5f5a57-7588-4772-91b2-f032d66953fd', displayName: 'Elena Petrova', email: 'elena.petrova@northwind.example', department: 'Finance', jobTitle: 'Accounts Payable Specialist', managerEmail: CONTROLLER, employeeId: 'NW-10386' },
  { aadObjectId: '92f83697-6aef-4994-88a5-793ae75f9069', displayName: 'Kwame Asante', email: 'kwame.asante@northwind.example', department: 'Finance', jobTitle: 'Accounts Receivable Specialist', managerEmail: CONTROLLER, employeeId: 'NW-10541' },

  { aadObjectId: 'e5bfc304-3492-4fd3-aab1-501bd1728546', displayName: 'Olivia Bennett', email: MARKETING_HEAD, department: 'Marketing', jobTitle: 'Head of Marketing', managerEmail: CEO, employeeId: 'NW-10021' },
  { aadObjectId: '9e9559ff-96be-4cb3-8728-fbeff8d74241', displayName: 'Ravi Shankar', email: PMM_LEAD, department: 'Marketing', jobTitle: 'Product Marketing Lead', managerEmail: MARKETING_HEAD, employeeId: 'NW-10110' },
  { aadObjectId: 'b5b30794-eb6f-464f-b25a-2db4e000952b', displayName: 'Hannah Fischer', email: DEMAND_LEAD, department: 'Marketing', jobTitle: 'Demand Generation Lead', managerEmail: MARKETING_HEAD, employeeId: 'NW-10137' },
  { aadObjectId: '2f0b0f9d-489a-4e74-820b-e76d6cc3f99c', displayName: 'Gabriel Santos', email: 'gabriel.santos@northwind.example', department: 'Marketing', jobTitle: 'Senior Product Marketing Manager', managerEmail: PMM_LEAD, employeeId: 'NW-10178', roles: ['employee', 'author'] },
  { aadObjectId: '10f9389b-6578-4a67-b739-bde9a4c50aa2', displayName: 'Mei Tanaka', email: 'mei.tanaka@northwind.example', department: 'Marketing', jobTitle: 'Product Marketing Manager', managerEmail: PMM_LEAD, employeeId: 'NW-10402' },
  { aadObjectId: 'a8e853f4-c84d-4039-8be2-07d7e1195814', displayName: 'Lucy Adeyemi', email: 'lucy.adeyemi@northwind.example', department: 'Marketing', jobTitle: 'Content Marketing Manager', managerEmail: PMM_LEAD, employeeId: 'NW-10466' },
  { aadObjectId: '2b2f6b69-9606-4319-ba8e-e4678d019924', displayName: 'Noah Kowalski', email: 'noah.kowalski@northwind.example', department: 'Marketing', jobTitle: 'Campaign Manager', managerEmail: DEMAND_LEAD, employeeId: 'NW-10295' },
  { aadObjectId: '311f26a7-6227-4b39-8a80-b89efc2e0f57', displayName: 'Isabel Moreno', email: 'isabel.moreno@northwind.example', department: 'Marketing', jobTitle: 'Marketing Operations Specialist', managerEmail: DEMAND_LEAD, employeeId: 'NW-10533' },

  { aadObjectId: '5dd57216-e9ec-4437-b299-edea3cf2a4f3', displayName: 'Samuel Greene', email: PRODUCT_HEAD, department: 'Product', jobTitle: 'Head of Product', managerEmail: CEO, employeeId: 'NW-10015' },
  { aadObjectId: '39a3c78d-5ae3-48e2-9c3a-e6023a30f8f8', displayName: 'Anika Patel', email: GPM, department: 'Product', jobTitle: 'Group Product Manager', managerEmail: PRODUCT_HEAD, employeeId: 'NW-10064' },
  { aadObjectId: '7b380c0a-4953-4a86-b612-97c8fbe75aef', displayName: 'Leo Martin', email: DESIGN_LEAD, department: 'Product', jobTitle: 'Product Design Lead', managerEmail: PRODUCT_HEAD, employeeId: 'NW-10142' },
  { aadObjectId: '717eae6c-1ec6-4611-a5c9-af7e23e17057', displayName: 'Nadia Haddad', email: 'nadia.haddad@northwind.example', department: 'Product', jobTitle: 'Senior Product Manager', managerEmail: GPM, employeeId: 'NW-10156', roles: ['employee', 'author'] },
  { aadObjectId: 'd2db9c6a-77f8-4198-aa89-51397566ea9c', displayName: 'Ethan Brooks', email: 'ethan.brooks@northwind.example', department: 'Product', jobTitle: 'Product Manager', managerEmail: GPM, employeeId: 'NW-10371' },
  { aadObjectId: '995e052e-a616-4099-83c5-807350fa2bf4', displayName: 'Yuki Sato', email: 'yuki.sato@northwind.example', department: 'Product', jobTitle: 'Senior Product Designer', managerEmail: DESIGN_LEAD, employeeId: 'NW-10249' },
  { aadObjectId: '8751aedc-3449-4ead-ba9d-994c3f80db9c', displayName: 'Fatima El Amrani', email: 'fatima.elamrani@northwind.example', department: 'Product', jobTitle: 'UX Researcher', managerEmail: DESIGN_LEAD, employeeId: 'NW-10489' },

  { aadObjectId: '7d9a3a6f-e4bf-4436-a10e-95688ee2f021', displayName: 'Victor Alvarez', email: SALES_HEAD, department: 'Sales', jobTitle: 'Head of Sales', managerEmail: CEO, employeeId: 'NW-10018' },
  { aadObjectId: '821d101a-b04d-4240-bd4c-70dff4740833', displayName: "Grace O'Neill", email: ENTERPRISE_LEAD, department: 'Sales', jobTitle: 'Enterprise Sales Team Lead', managerEmail: SALES_HEAD, employeeId: 'NW-10073' },
  { aadObjectId: '124b5932-2d5f-4fb2-be3b-4452729409bc', displayName: 'Ben Carter', email: SDR_LEAD, department: 'Sales', jobTitle: 'Sales Development Team Lead', managerEmail: SALES_HEAD, employeeId: 'NW-10121' },
  { aadObjectId: '54b9da5e-c7f9-47a5-8e0f-e9b574042a49', displayName: 'Zoe Nakamura', email: 'zoe.nakamura@northwind.example', department: 'Sales', jobTitle: 'Senior Account Executive', managerEmail: ENTERPRISE_LEAD, employeeId: 'NW-10197' },
  { aadObjectId: 'd28029ee-7921-43f4-9ac5-275506a1fafd', displayName: 'Oliver Grant', email: 'oliver.grant@northwind.example', department: 'Sales', jobTitle: 'Account Executive', managerEmail: ENTERPRISE_LEAD, employeeId: 'NW-10318' },
  { aadObjectId: '309f073c-b4ea-420d-841f-903fa32c54cb', displayName: 'Amara Diallo', email: 'amara.diallo@northwind.example', department: 'Sales', jobTitle: 'Sales Development Representative', managerEmail: SDR_LEAD, employeeId: 'NW-10512' },
  { aadObjectId: '4ae8ffd4-037f-4779-a520-989d76ee7347', displayName: 'Lukas Becker', email: 'lukas.becker@northwind.example', department: 'Sales', jobTitle: 'Sales Development Representative', managerEmail: SDR_LEAD, employeeId: 'NW-10527' },

  { aadObjectId: '592784d6-bfab-4045-93f5-aea357c73e27', displayName: 'Rachel Kim', email: SUPPORT_HEAD, department: 'Support', jobTitle: 'Head of Customer Support', managerEmail: CEO, employeeId: 'NW-10026' },
  { aadObjectId: '0e471138-31ee-4b29-8557-5c8de1b05e41', displayName: 'Diego Ramirez', email: SUPPORT_LEAD, department: 'Support', jobTitle: 'Customer Support Team Lead', managerEmail: SUPPORT_HEAD, employeeId: 'NW-10104' },
  { aadObjectId: '5782e395-5835-45f5-be0d-c40587c064df', displayName: 'Chloe Dupont', email: TECH_SUPPORT_LEAD, department: 'Support', jobTitle: 'Technical Support Team Lead', managerEmail: SUPPORT_HEAD, employeeId: 'NW-10133' },
  { aadObjectId: 'c6ae7cb4-41e5-4b60-b18b-f82507d14231', displayName: 'Sam Whitfield', email: 'sam.whitfield@northwind.example', department: 'Support', jobTitle: 'Senior Customer Support Specialist', managerEmail: SUPPORT_LEAD, employeeId: 'NW-10262' },
  { aadObjectId: '29a52faf-3987-47ee-9b17-35a477708bf6', displayName: 'Jasmine Ortiz', email: 'jasmine.ortiz@northwind.example', department: 'Support', jobTitle: 'Customer Support Specialist', managerEmail: SUPPORT_LEAD, employeeId: 'NW-10495' },
  { aadObjectId: '5decfd78-b83b-4800-9d81-c94d87ec524f', displayName: 'Ahmed Farouk', email: 'ahmed.farouk@northwind.example', department: 'Support', jobTitle: 'Technical Support Engineer', managerEmail: TECH_SUPPORT_LEAD, employeeId: 'NW-10308' },
  { aadObjectId: '8c80d906-420c-4e22-bd71-d585d62fe3b5', displayName: 'Ingrid Johansson', email: 'ingrid.johansson@northwind.example', department: 'Support', jobTitle: 'Technical Support Engineer', managerEmail: TECH_SUPPORT_LEAD, employeeId: 'NW-10551' },
];

function toProfile(row: Row): PersonProfile {
  const manager =
    row.managerEmail === null ? null : ROWS.find((candidate) => candidate.email === row.managerEmail);
  if (manager === undefined)
    throw new Error(`Demo person ${row.email} names an unknown manager ${row.managerEmail}`);
  return {
    tenantId: DEMO_TENANT.id,
    aadObjectId: row.aadObjectId,
    displayName: row.displayName,
    email: row.email,
    department: row.department,
    jobTitle: row.jobTitle,
    managerAadObjectId: manager?.aadObjectId ?? null,
    employeeId: row.employeeId,
    // The LMS keys learners by employee id, so the xAPI actor mapping uses it as is.
    lmsIdentifier: row.employeeId,
    roles: row.roles ?? ['employee'],
  };
}

/** About forty people in Finance, Marketing, Product, Sales and Support, plus People & Learning and the CEO. */
export const DEMO_PEOPLE: PersonProfile[] = ROWS.map(toProfile);

export function demoPersonByEmail(email: string): PersonProfile | undefined {
  const wanted = email.trim().toLowerCase();
  return DEMO_PEOPLE.find((person) => person.email === wanted);
}

export function demoPersonByAadObjectId(aadObjectId: string): PersonProfile | undefined {
  const wanted = aadObjectId.trim().toLowerCase();
  return DEMO_PEOPLE.find((person) => person.aadObjectId === wanted);
}

/** The demo person an email names; throws for an unknown email, so a typo in a fixture fails loudly. */
export function requireDemoPerson(email: string): PersonProfile {
  const person = demoPersonByEmail(email);
  if (!person) throw new Error(`No demo person has the email ${email}`);
  return person;
}
