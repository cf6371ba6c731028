import { DEMO_WORKFLOWS, requireDemoPerson } from '../../server/demo';
import { searchWorkflows, validateWorkflowDefinition, type SearchCandidate } from '../../core';

const candidates: SearchCandidate[] = DEMO_WORKFLOWS.map(({ definition }, index) => {
  const parsed = validateWorkflowDefinition(definition);
  const now = new Date('2026-11-01T00:00:00Z');
  return {
    workflow: {
      id: `workflow-${index}`,
      tenantId: 'tenant',
      authorId: 'author',
      title: parsed.title,
      summary: parsed.summary,
      skillArea: parsed.skillArea,
      status: 'published',
      latestVersionNumber: 1,
      createdAt: now,
      updatedAt: now,
    },
    definition: parsed,
    authorName: 'An author',
  };
});

const analyst = requireDemoPerson('jordan.ellis@northwind.example');
const titles = (results: ReturnType<typeof searchWorkflows>) =>
  results.map((result) => result.workflow.title);

describe('finding a workflow on the demo tenant', () => {
  it('puts the workflow named by the words first', () => {
    expect(
      titles(searchWorkflows({ person: analyst, candidates, usage: [], query: 'variance', limit: 5 }))[0],
    ).toBe('Monthly reconciliation variance memo');
    expect(
      titles(searchWorkflows({ person: analyst, candidates, usage: [], query: 'competitor', limit: 5 }))[0],
    ).toBe('Competitive analysis brief');
    expect(
      titles(
        searchWorkflows({
          person: analyst,
          candidates,
          usage: [],
          query: 'release notes for customers',
          limit: 5,
        }),
      )[0],
    ).toBe('Release notes for customers');
  });

  it('finds nothing for words no workflow uses', () => {
    expect(searchWorkflows({ person: analyst, candidates, usage: [], query: 'zebra', limit: 5 })).toEqual([]);
  });

  it('browses one skill area, ranking what suits the person and what colleagues adopted first', () => {
    const analysis = searchWorkflows({
      person: analyst,
      candidates,
      usage: [],
      skillArea: 'analysis',
      limit: 10,
    });
    expect(analysis.length).toBeGreaterThan(0);
    expect(analysis.every((result) => result.workflow.skillArea === 'analysis')).toBe(true);
    expect(analysis[0]?.reason).toBe('Suits Financial Analysts');

    const popular = candidates.find(
      (candidate) => candidate.workflow.title === 'Campaign performance readout',
    )!;
    const ranked = searchWorkflows({
      person: { department: 'Support', jobTitle: 'Nobody in particular' },
      candidates,
      usage: [
        {
          workflowId: popular.workflow.id,
          completions: 30,
          colleagues: 20,
          medianMinutesSaved: 60,
          meanRating: 4.2,
        },
      ],
      limit: 3,
    });
    expect(titles(ranked)[0]).toBe('Campaign performance readout');
    expect(ranked.find((result) => result.workflow.id === popular.workflow.id)?.usage.colleagues).toBe(20);
  });
});
