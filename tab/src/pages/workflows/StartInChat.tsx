import { Button, Spinner } from '@fluentui/react-components';
import { Notice } from '../../components/Notice';
import { useStartInChat } from './useStartInChat';

/** The button that starts a workflow in my chat with the bot, and what happened. */
export function StartInChat({ workflowId }: { workflowId: string }) {
  const { state, start } = useStartInChat(workflowId);
  return (
    <div>
      <Button appearance="primary" disabled={state.status === 'starting'} onClick={() => void start()}>
        Start in chat
      </Button>
      {state.status === 'starting' && <Spinner size="tiny" label="Starting…" />}
      {state.status === 'started' && (
        <Notice
          intent="success"
          text={
            state.openedChat
              ? 'Started. Your first step is in your chat with Practica.'
              : 'Started. Your first step is waiting in your chat with Practica in Teams.'
          }
        />
      )}
      {state.status === 'failed' && <Notice intent="error" text={state.message} />}
    </div>
  );
}
