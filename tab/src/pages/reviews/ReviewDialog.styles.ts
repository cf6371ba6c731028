import { makeStyles, tokens } from '@fluentui/react-components';

export const useReviewDialogStyles = makeStyles({
  surface: { maxWidth: '860px', width: '100%' },
  deliverable: {
    whiteSpace: 'pre-wrap',
    fontFamily: tokens.fontFamilyBase,
    maxHeight: '40vh',
    overflowY: 'auto',
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  criteria: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});
