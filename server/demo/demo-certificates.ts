import type { CertificateSkillAreaPattern } from '../../core';

/** The demo LMS's course catalogue: its activity ids say which skill area a course counts in. */
export const DEMO_LMS_HOME_PAGE = 'https://lms.northwind.example';

export const DEMO_CERTIFICATE_PATTERNS: CertificateSkillAreaPattern[] = [
  { pattern: `${DEMO_LMS_HOME_PAGE}/courses/ai-analysis-*`, skillArea: 'analysis' },
  { pattern: `${DEMO_LMS_HOME_PAGE}/courses/ai-writing-*`, skillArea: 'writing' },
  { pattern: `${DEMO_LMS_HOME_PAGE}/courses/ai-research-*`, skillArea: 'research' },
];

export type DemoCertificate = {
  email: string;
  name: string;
  course: string;
  /** Days before the seed runs. */
  daysAgo: number;
};

/** A few people finished an AI course in the LMS before they practised (or instead of practising). */
export const DEMO_CERTIFICATES: DemoCertificate[] = [
  {
    email: 'jordan.ellis@northwind.example',
    name: 'AI for analysts: essentials',
    course: 'ai-analysis-essentials',
    daysAgo: 120,
  },
  {
    email: 'margaret.chen@northwind.example',
    name: 'AI for analysts: essentials',
    course: 'ai-analysis-essentials',
    daysAgo: 150,
  },
  {
    email: 'claire.dubois@northwind.example',
    name: 'Writing with generative AI',
    course: 'ai-writing-foundations',
    daysAgo: 75,
  },
  {
    email: 'ravi.shankar@northwind.example',
    name: 'Research synthesis with AI',
    course: 'ai-research-synthesis',
    daysAgo: 40,
  },
  {
    email: 'priya.raman@northwind.example',
    name: 'Prompting fundamentals',
    course: 'ai-writing-prompting',
    daysAgo: 200,
  },
  {
    email: 'rachel.kim@northwind.example',
    name: 'Data privacy for everyone',
    course: 'privacy-basics',
    daysAgo: 30,
  },
];
