import {
  Avatar,
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useMe } from '../api/useMe';
import { ProblemMessage } from './ProblemMessage';
import { useProfileCardStyles } from './ProfileCard.styles';

type Props = {
  getToken: () => Promise<string>;
  /** Set in development mode only. */
  onSwitchPersona?: (() => void) | undefined;
};

export function ProfileCard({ getToken, onSwitchPersona }: Props) {
  const styles = useProfileCardStyles();
  const state = useMe(getToken);
  if (state.status === 'loading') return <Spinner label="Loading your profile…" />;
  if (state.status === 'error') {
    return <ProblemMessage title="Your profile could not be loaded" message={state.message} />;
  }

  const { displayName, email, department, jobTitle, roles } = state.me;
  const details = [department, jobTitle].filter((part) => part !== null && part !== '').join(', ');
  return (
    <Card>
      <CardHeader
        image={<Avatar name={displayName} color="colorful" size={48} />}
        header={
          <Text weight="semibold" size={400}>
            Signed in as {displayName}
            {details !== '' && ` (${details})`}
          </Text>
        }
        description={<Caption1>{email}</Caption1>}
        action={
          onSwitchPersona && (
            <Button appearance="subtle" className={styles.switchPerson} onClick={onSwitchPersona}>
              Switch person
            </Button>
          )
        }
      />
      {roles.length > 0 && (
        <div className={styles.roles}>
          {roles.map((role) => (
            <Badge key={role} appearance="tint" color="brand">
              {role}
            </Badge>
          ))}
        </div>
      )}
      <Body1 className={styles.placeholder}>
        Your profile arrives soon: your level in each skill area, the evidence behind it, and what is missing
        for the next one.
      </Body1>
    </Card>
  );
}
