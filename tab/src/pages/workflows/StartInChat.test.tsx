/** @jest-environment jest-fixed-jsdom */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ApiProvider } from '../../api/ApiProvider';
import { StartInChat } from './StartInChat';

const WORKFLOW_ID = '5d0c7c52-4a3e-4d57-9d43-3a5b4c7a1f10';
const ROUTE = `${location.origin}/api/v1/workflows/${WORKFLOW_ID}/start-in-chat`;
const requests: { authorization: string | null; body: unknown }[] = [];
const api = setupServer();

beforeAll(() => api.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  api.resetHandlers();
  requests.length = 0;
});
afterAll(() => api.close());

const getToken = () => Promise.resolve('token-of-jordan');

function renderButton() {
  render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider getToken={getToken}>
        <StartInChat workflowId={WORKFLOW_ID} />
      </ApiProvider>
    </FluentProvider>,
  );
  return screen.getByRole('button', { name: 'Start in chat' });
}

describe('Start in chat', () => {
  it('asks the API to start the workflow, signed in, with a fresh request id per click, and says where the first step is', async () => {
    api.use(
      http.post(ROUTE, async ({ request }) => {
        requests.push({ authorization: request.headers.get('authorization'), body: await request.json() });
        return HttpResponse.json(
          { sessionId: 'b0f3d7c4-1d1e-4c55-8d7a-2b9e4a6f5c21', alreadyStarted: false, chatUrl: null },
          { status: 202 },
        );
      }),
    );
    const button = renderButton();
    fireEvent.click(button);
    expect(await screen.findByText(/Your first step is waiting in your chat with Practica/)).toBeTruthy();
    fireEvent.click(button);
    await screen.findByText(/Your first step is waiting/);
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(requests).toHaveLength(2);
    expect(requests[0]!.authorization).toBe('Bearer token-of-jordan');
    const [first, second] = requests.map((request) => (request.body as { requestId: string }).requestId);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
  });

  it('shows the service’s reason when the bot cannot write to me yet', async () => {
    api.use(
      http.post(ROUTE, () =>
        HttpResponse.json(
          {
            code: 'conflict',
            message:
              'Practica cannot write to you in Teams yet. Open your chat with Practica once (say hello), then try again.',
          },
          { status: 409 },
        ),
      ),
    );
    fireEvent.click(renderButton());
    expect(await screen.findByText(/Open your chat with Practica once/)).toBeTruthy();
    expect(screen.queryByText(/Your first step/)).toBeNull();
  });
});
