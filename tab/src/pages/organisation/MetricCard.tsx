import { Caption1, Card, CardHeader, LargeTitle, Text } from '@fluentui/react-components';
import { useOrganisationPageStyles } from './OrganisationPage.styles';

type Props = { title: string; figure: string; lines: readonly string[] };

/** One of the five metrics: its headline figure and the few numbers behind it. */
export function MetricCard({ title, figure, lines }: Props) {
  const styles = useOrganisationPageStyles();
  return (
    <Card className={styles.card} aria-label={title}>
      <CardHeader header={<Text weight="semibold">{title}</Text>} />
      <LargeTitle as="p" className={styles.figure}>
        {figure}
      </LargeTitle>
      {lines.map((line) => (
        <Caption1 key={line}>{line}</Caption1>
      ))}
    </Card>
  );
}
