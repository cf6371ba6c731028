import {
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { WorkflowDetail } from '../../api/workflows';
import { formatDay } from '../../format/dates';
import { useProfilePageStyles } from '../profile/ProfilePage.styles';

/** How each published version's sessions went: counts only, never who (for the workflow's author and admins). */
export function VersionUsage({ versions }: { versions: NonNullable<WorkflowDetail['versions']> }) {
  const styles = useProfilePageStyles();
  return (
    <section className={styles.section} aria-labelledby="versions-heading">
      <Subtitle1 as="h3" id="versions-heading">
        Usage of each version
      </Subtitle1>
      <Table aria-labelledby="versions-heading" size="small">
        <TableHeader>
          <TableRow>
            {[
              'Version',
              'Published',
              'Started',
              'Completed',
              'Abandoned',
              'Median min saved',
              'Mean rating',
            ].map((column) => (
              <TableHeaderCell key={column}>{column}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {versions.map((version) => (
            <TableRow key={version.id}>
              <TableCell>{version.versionNumber}</TableCell>
              <TableCell>{formatDay(version.publishedAt)}</TableCell>
              <TableCell>{version.usage.started}</TableCell>
              <TableCell>{version.usage.completed}</TableCell>
              <TableCell>{version.usage.abandoned}</TableCell>
              <TableCell>{version.usage.medianMinutesSaved ?? '—'}</TableCell>
              <TableCell>{version.usage.meanRating?.toFixed(1) ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
