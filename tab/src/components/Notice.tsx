import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** What an action did or why the server refused it, each line of the explanation on its own line. */
export function Notice({ intent, text }: { intent: 'success' | 'error' | 'info'; text: string }) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        {text.split('\n').map((line, index) => (
          <div key={index}>{line}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
