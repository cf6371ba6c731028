import { Badge, Body1, Button, Caption1, Link, Spinner, Subtitle1 } from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { downloadCredential, parseCredentials, type Credential } from '../../api/credentials';
import { describeError } from '../../api/http';
import { useApiResource } from '../../api/useApiResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDay } from '../../format/dates';
import { useCredentialListStyles } from './CredentialList.styles';

const STATUS: Record<Credential['status'], { label: string; color: 'success' | 'danger' | 'informative' }> = {
  valid: { label: 'Valid', color: 'success' },
  expired: { label: 'Expired', color: 'informative' },
  revoked: { label: 'Revoked', color: 'danger' },
  'not-yet-valid': { label: 'Not valid yet', color: 'informative' },
};

/** My Open Badges credentials of practice (one per L2 reached), each with a download and its verification page. */
export function CredentialList() {
  const styles = useCredentialListStyles();
  const api = useApi();
  const credentials = useApiResource('/me/credentials', parseCredentials);
  const [problem, setProblem] = useState<string | null>(null);

  const download = (credential: Credential) => {
    setProblem(null);
    downloadCredential(api, credential).catch((error: unknown) => setProblem(describeError(error)));
  };

  return (
    <section className={styles.section} aria-labelledby="credentials-heading">
      <Subtitle1 as="h2" id="credentials-heading">
        Credentials
      </Subtitle1>
      {credentials.status === 'loading' && <Spinner size="tiny" label="Loading your credentials…" />}
      {credentials.status === 'error' && (
        <ProblemMessage
          title="Your credentials could not be loaded"
          message={credentials.message}
          onRetry={credentials.reload}
        />
      )}
      {credentials.status === 'loaded' && credentials.data.length === 0 && (
        <Body1>
          When you reach L2 Practises in a skill area, Practica issues you a signed Open Badges credential you
          can download and share.
        </Body1>
      )}
      {credentials.status === 'loaded' && credentials.data.length > 0 && (
        <ul className={styles.list}>
          {credentials.data.map((credential) => (
            <li key={credential.id} className={styles.item}>
              <div className={styles.text}>
                <Body1>Practises AI: {credential.skillAreaName}</Body1>
                <Caption1>
                  {formatDay(credential.validFrom)} to {formatDay(credential.validUntil)} ·{' '}
                  <Link href={credential.verificationUrl} target="_blank" rel="noreferrer">
                    Verification page
                  </Link>
                </Caption1>
              </div>
              <Badge appearance="tint" color={STATUS[credential.status].color}>
                {STATUS[credential.status].label}
              </Badge>
              <Button onClick={() => download(credential)}>Download</Button>
            </li>
          ))}
        </ul>
      )}
      {problem !== null && (
        <ProblemMessage title="The credential could not be downloaded" message={problem} />
      )}
    </section>
  );
}
