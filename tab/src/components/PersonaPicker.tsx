import {
  Button,
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Persona,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { type Persona as DemoPersona } from '../api/types';
import { usePersonaPickerStyles } from './PersonaPicker.styles';
import { ProblemMessage } from './ProblemMessage';

type Props = {
  personas: DemoPersona[];
  /** Email of the persona being signed in, if any. */
  pending: string | null;
  error: string | null;
  onChoose: (email: string) => void;
};

export function PersonaPicker({ personas, pending, error, onChoose }: Props) {
  const styles = usePersonaPickerStyles();
  return (
    <Card>
      <CardHeader
        header={
          <Text weight="semibold" size={500}>
            Sign in as a demo person
          </Text>
        }
      />
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Development mode</MessageBarTitle>
          This page is open outside Microsoft Teams, so the server offers its demo people instead of Teams
          sign-in. A production server never does.
        </MessageBarBody>
      </MessageBar>
      {error !== null && <ProblemMessage title="Sign-in failed" message={error} />}
      <ul className={styles.list} aria-label="Demo people">
        {personas.map((persona) => (
          <li key={persona.email}>
            <Button
              className={styles.person}
              appearance="outline"
              disabled={pending !== null}
              onClick={() => onChoose(persona.email)}
              icon={pending === persona.email ? <Spinner size="tiny" /> : undefined}
            >
              <Persona
                name={persona.displayName}
                secondaryText={[persona.jobTitle, persona.department]
                  .filter((part) => part !== null)
                  .join(', ')}
                tertiaryText={[persona.email, ...persona.roles.filter((role) => role !== 'employee')].join(
                  ' · ',
                )}
                avatar={{ color: 'colorful' }}
              />
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
