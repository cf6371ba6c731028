import { makeStyles, tokens } from '@fluentui/react-components';

export const useLevelCardStyles = makeStyles({
  card: { height: '100%' },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  facts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  next: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
});
