import { Badge, Body1, Caption1, Card, CardHeader, Text } from '@fluentui/react-components';
import type { ProfileCertificate, ProfileLevel } from '../../api/profile';
import { formatDay } from '../../format/dates';
import { describeEvidence } from '../../format/evidence';
import { useLevelCardStyles } from './LevelCard.styles';

type Props = { level: ProfileLevel; certificates: readonly ProfileCertificate[] | undefined };

/** One skill area: the level reached (doing), the certificates held (knowing), the evidence, and what is next. */
export function LevelCard({ level, certificates }: Props) {
  const styles = useLevelCardStyles();
  const evidence = describeEvidence(level.evidenceCounts);
  const held = certificates?.filter((certificate) => certificate.skillArea === level.skillArea) ?? [];
  return (
    <Card className={styles.card} aria-label={`${level.skillAreaName}: L${level.level} ${level.levelName}`}>
      <CardHeader
        header={
          <div className={styles.heading}>
            <Text weight="semibold">{level.skillAreaName}</Text>
            <Badge appearance={level.level >= 2 ? 'filled' : 'tint'} color="brand">
              L{level.level} · {level.levelName}
            </Badge>
          </div>
        }
        description={
          level.reachedAt !== null ? <Caption1>since {formatDay(level.reachedAt)}</Caption1> : undefined
        }
      />
      <div className={styles.facts}>
        <Body1>{evidence === '' ? 'No evidence yet.' : `Evidence: ${evidence}.`}</Body1>
        {certificates !== undefined && (
          <Caption1>
            {held.length === 0
              ? 'No certificate from your LMS in this area.'
              : `Certificates: ${held.map((certificate) => certificate.name).join(', ')}.`}
          </Caption1>
        )}
        {level.next && <Body1 className={styles.next}>Next: {level.next}</Body1>}
      </div>
    </Card>
  );
}
