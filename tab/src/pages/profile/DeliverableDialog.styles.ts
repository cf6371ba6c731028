import { makeStyles, tokens } from '@fluentui/react-components';

export const useDeliverableDialogStyles = makeStyles({
  text: {
    whiteSpace: 'pre-wrap',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    maxHeight: '60vh',
    overflowY: 'auto',
  },
});
