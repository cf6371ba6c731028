import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useDeliverableDialogStyles } from './DeliverableDialog.styles';

type Props = { title: string; markdown: string };

/** The deliverable's text, ready to copy. */
export function DeliverableDialog({ title, markdown }: Props) {
  const styles = useDeliverableDialogStyles();
  const [copied, setCopied] = useState(false);
  return (
    <Dialog onOpenChange={() => setCopied(false)}>
      <DialogTrigger disableButtonEnhancement>
        <Button size="small">Open</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <pre className={styles.text}>{markdown}</pre>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={() => void navigator.clipboard.writeText(markdown).then(() => setCopied(true))}
            >
              {copied ? 'Copied' : 'Copy'}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>Close</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
