import { Body1, Caption1, Field, Subtitle1 } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { type CsvImportOutcome, parseCertificateImport, parseIdentifierImport } from '../../api/settings';
import { explainError } from './explainError';
import { Notice } from '../../components/Notice';
import { useSettingsStyles } from './SettingsPage.styles';

/** CSV imports for an LMS that cannot be queried: certificates, and people's LMS identifiers. */
export function CsvImports() {
  const styles = useSettingsStyles();
  return (
    <section className={styles.section} aria-labelledby="imports-heading">
      <Subtitle1 as="h2" id="imports-heading">
        CSV imports
      </Subtitle1>
      <CsvImport
        label="Certificates CSV"
        hint="Columns: email or lms_identifier, name, issued_at (YYYY-MM-DD); optional issuer, activity_id, skill_area. Good rows are stored; bad rows are listed below."
        path="/admin/certificates/import"
        parse={parseCertificateImport}
      />
      <CsvImport
        label="LMS identifiers CSV"
        hint="Columns: upn or email, lms_identifier. Each person's identifier in the LMS, for statements and certificates."
        path="/admin/people/lms-identifiers"
        parse={parseIdentifierImport}
      />
    </section>
  );
}

type ImportProps = {
  label: string;
  hint: string;
  path: string;
  parse: (body: unknown) => CsvImportOutcome;
};

function CsvImport({ label, hint, path, parse }: ImportProps) {
  const styles = useSettingsStyles();
  const api = useApi();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<CsvImportOutcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    setProblem(null);
    try {
      setOutcome(parse(await api.sendText(path, 'text/csv', await file.text())));
    } catch (error) {
      setProblem(explainError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.section} role="group" aria-label={`${label} import`}>
      <Field label={{ children: label, htmlFor: inputId }} hint={hint}>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void upload(file);
            event.target.value = '';
          }}
        />
      </Field>
      {busy && <Caption1>Importing…</Caption1>}
      {problem && <Notice intent="error" text={problem} />}
      {outcome && (
        <>
          <Body1>{outcome.summary}</Body1>
          {outcome.errors.length > 0 && (
            <ul aria-label={`Rows not imported from the ${label}`}>
              {outcome.errors.map((error) => (
                <li key={`${error.line}-${error.message}`}>
                  Line {error.line}: {error.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
