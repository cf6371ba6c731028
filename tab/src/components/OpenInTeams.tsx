import { Body1, Caption1, Card, CardHeader, Text } from '@fluentui/react-components';

export function OpenInTeams({ reason }: { reason: string }) {
  return (
    <Card>
      <CardHeader
        header={
          <Text weight="semibold" size={500}>
            Open Practica from Microsoft Teams
          </Text>
        }
      />
      <Body1>
        Practica signs you in with your work account through Teams. Find Practica in the Apps section of
        Microsoft Teams and open its Profile tab.
      </Body1>
      <Caption1>Not inside Teams ({reason.replace(/\.+$/, '')}).</Caption1>
    </Card>
  );
}
