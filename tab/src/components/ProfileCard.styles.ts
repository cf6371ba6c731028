import { makeStyles, tokens } from '@fluentui/react-components';

export const useProfileCardStyles = makeStyles({
  roles: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  switchPerson: {
    whiteSpace: 'nowrap',
  },
  placeholder: {
    color: tokens.colorNeutralForeground2,
  },
});
