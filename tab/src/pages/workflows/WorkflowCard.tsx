import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardFooter,
  CardHeader,
  Text,
} from '@fluentui/react-components';
import type { LibraryWorkflow } from '../../api/workflows';
import { describeUsage } from '../../format/socialProof';
import { useWorkflowsPageStyles } from './WorkflowsPage.styles';

type Props = { workflow: LibraryWorkflow; areaName: string; onOpen: () => void };

/** One workflow in the library: what it does, who wrote it, and what colleagues got from it. */
export function WorkflowCard({ workflow, areaName, onOpen }: Props) {
  const styles = useWorkflowsPageStyles();
  return (
    <li>
      <Card className={styles.card} aria-label={workflow.title}>
        <CardHeader
          header={<Text weight="semibold">{workflow.title}</Text>}
          description={
            <Caption1>
              by {workflow.mine ? 'you' : workflow.author.name} · {areaName} · about {workflow.manualMinutes}{' '}
              min by hand
            </Caption1>
          }
        />
        <Body1>{workflow.summary}</Body1>
        <Caption1 className={styles.proof}>{describeUsage(workflow.usage)}</Caption1>
        <CardFooter
          action={
            <Button appearance="primary" onClick={onOpen}>
              Open
            </Button>
          }
        >
          {workflow.reason !== '' && <Badge appearance="tint">{workflow.reason}</Badge>}
        </CardFooter>
      </Card>
    </li>
  );
}
