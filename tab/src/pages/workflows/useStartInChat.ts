import { app } from '@microsoft/teams-js';
import { useCallback, useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { describeError } from '../../api/http';
import { parseStartedInChat } from '../../api/startInChat';

export type StartInChatState =
  | { status: 'idle' }
  | { status: 'starting' }
  | { status: 'started'; openedChat: boolean }
  | { status: 'failed'; message: string };

async function openChat(chatUrl: string | null): Promise<boolean> {
  if (!chatUrl || !app.isInitialized()) return false;
  try {
    await app.openLink(chatUrl);
    return true;
  } catch {
    return false;
  }
}

/**
 * "Start in chat": asks the API to open the session (the bot then posts its first card to my chat) and, inside
 * Teams, opens that chat. One request id per click, so a retried request never starts the workflow twice.
 */
export function useStartInChat(workflowId: string) {
  const api = useApi();
  const [state, setState] = useState<StartInChatState>({ status: 'idle' });
  const start = useCallback(async () => {
    setState({ status: 'starting' });
    try {
      const started = parseStartedInChat(
        await api.sendJson('POST', `/workflows/${workflowId}/start-in-chat`, {
          requestId: crypto.randomUUID(),
        }),
      );
      setState({ status: 'started', openedChat: await openChat(started.chatUrl) });
    } catch (error) {
      setState({ status: 'failed', message: describeError(error) });
    }
  }, [api, workflowId]);
  return { state, start };
}
