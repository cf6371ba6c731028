import { makeStyles, tokens } from '@fluentui/react-components';

export const usePersonaPickerStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  person: {
    width: '100%',
    justifyContent: 'flex-start',
    padding: tokens.spacingVerticalM,
    textAlign: 'start',
  },
});
