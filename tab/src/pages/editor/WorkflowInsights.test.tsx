/** @jest-environment jest-fixed-jsdom */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ApiProvider } from '../../api/ApiProvider';
import { WorkflowInsights } from './WorkflowInsights';

const WORKFLOW_ID = '0b6f3c1e-5a2d-4f7e-9c11-7d2e8f4a6b30';
const api = setupServer();
beforeAll(() => api.listen({ onUnhandledRequest: 'error' }));
afterEach(() => api.resetHandlers());
afterAll(() => api.close());

const usage = { started: 14, completed: 11, abandoned: 2, medianMinutesSaved: 95, meanRating: 4.2 };
const workflow = {
  id: WORKFLOW_ID,
  title: 'Board update draft',
  summary: 'A board update from the month’s figures.',
  skillArea: 'writing',
  status: 'published',
  author: { id: 'a', name: 'Sofia Lindqvist' },
  mine: true,
  canManage: true,
  usage: { completed: 11, adopters: 9, medianMinutesSaved: 95, meanRating: 4.2 },
  version: null,
  versions: [{ id: 'v1', versionNumber: 1, publishedAt: '2026-09-01T08:00:00.000Z', usage }],
  hasDraft: false,
};
const step = (stepId: string, title: string, kind: string, extra: Record<string, unknown> = {}) => ({
  stepId,
  title,
  kind,
  completions: 11,
  regenerations: 0,
  regeneratedShare: null,
  heavilyEdited: 0,
  heavilyEditedShare: null,
  whatBrokeCount: 0,
  whatBroke: null,
  ...extra,
});
const insights = (overrides: Record<string, unknown>) => ({
  period: { from: '2026-09-01', to: '2026-11-30', weeks: 13 },
  adoption: { sessionsStarted: 14, sessionsCompleted: 11, people: 9, colleaguesCompleted: 8 },
  quality: { meanScore: 4.2, shareMeetingBar: 0.82 },
  minutesSaved: { total: 1045, medianPerSession: 95 },
  steps: [
    step('figures', 'Your figures', 'input'),
    step('draft', 'Draft the update', 'generate', {
      regenerations: 6,
      regeneratedShare: 0.45,
      heavilyEdited: 3,
      heavilyEditedShare: 0.27,
      whatBrokeCount: 2,
      whatBroke: ['It ignored the Q3 forecast.', 'Too long for the board pack.'],
    }),
  ],
  whatBrokeGeneral: null,
  withheld: null,
  ...overrides,
});

function renderInsights(answer: Record<string, unknown>) {
  api.use(
    http.get(`${location.origin}/api/v1/workflows/${WORKFLOW_ID}`, () => HttpResponse.json(workflow)),
    http.get(`${location.origin}/api/v1/workflows/${WORKFLOW_ID}/insights`, () => HttpResponse.json(answer)),
  );
  render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider getToken={() => Promise.resolve('token')}>
        <WorkflowInsights workflowId={WORKFLOW_ID} />
      </ApiProvider>
    </FluentProvider>,
  );
}

describe('how colleagues use a workflow, in the editor', () => {
  it('shows per step how often the draft was regenerated, heavily edited or said to break, with the notes', async () => {
    renderInsights(insights({}));
    const table = await screen.findByRole('table', { name: 'How each step goes' });
    const [, input, generate] = within(table).getAllByRole('row');
    expect(
      within(input!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Your figures', '11', '—', '—', '0']);
    expect(
      within(generate!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Draft the update', '11', '6 (45%)', '3 (27%)', '2']);
    const notes = screen.getByRole('list', { name: 'What broke at Draft the update' });
    expect(
      within(notes)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['It ignored the Q3 forecast.', 'Too long for the board pack.']);
    expect(screen.getByText(/14 sessions started, 11 completed by 9 people, rated 4\.2 of 5/)).toBeTruthy();
    expect(await screen.findByRole('table', { name: 'Usage of each version' })).toBeTruthy();
  });

  it('says why the notes are withheld for a small group, and shows none', async () => {
    const withheld = 'Notes are shown once 5 people have run it (3 so far), so nobody can be recognised.';
    renderInsights(
      insights({
        adoption: { sessionsStarted: 3, sessionsCompleted: 3, people: 3, colleaguesCompleted: 3 },
        steps: [step('draft', 'Draft the update', 'generate', { whatBrokeCount: 1, whatBroke: null })],
        withheld,
      }),
    );
    expect(await screen.findByText(withheld)).toBeTruthy();
    expect(screen.queryByRole('list', { name: /^What broke at/ })).toBeNull();
  });
});
