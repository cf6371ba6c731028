import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useChartWithTableStyles = makeStyles({
  figure: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  caption: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap' },
  title: { ...typographyStyles.subtitle2 },
});
