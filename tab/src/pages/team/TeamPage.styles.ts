import { makeStyles, tokens } from '@fluentui/react-components';

export const useTeamPageStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  levels: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});
