import { Dropdown, Field, Input, Option } from '@fluentui/react-components';
import { useWorkflowsPageStyles } from './WorkflowsPage.styles';

export type LibraryFilter = { text: string; skillArea: string; department: string; role: string };

type Props = {
  filter: LibraryFilter;
  areaNames: Map<string, string>;
  onChange: (filter: LibraryFilter) => void;
};

/** Search words, skill area, department and role: what narrows the library. */
export function LibraryFilters({ filter, areaNames, onChange }: Props) {
  const styles = useWorkflowsPageStyles();
  const areaLabel =
    filter.skillArea === '' ? 'All skill areas' : (areaNames.get(filter.skillArea) ?? filter.skillArea);
  return (
    <div className={styles.filters} role="search">
      <Field label="Search workflows" className={styles.search}>
        <Input
          type="search"
          value={filter.text}
          placeholder="variance, competitor, board pack…"
          onChange={(_event, data) => onChange({ ...filter, text: data.value })}
        />
      </Field>
      <Field label="Skill area">
        <Dropdown
          value={areaLabel}
          selectedOptions={[filter.skillArea]}
          onOptionSelect={(_event, data) => onChange({ ...filter, skillArea: data.optionValue ?? '' })}
        >
          <Option value="">All skill areas</Option>
          {[...areaNames].map(([id, name]) => (
            <Option key={id} value={id}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Department">
        <Input
          value={filter.department}
          onChange={(_event, data) => onChange({ ...filter, department: data.value })}
        />
      </Field>
      <Field label="Role">
        <Input value={filter.role} onChange={(_event, data) => onChange({ ...filter, role: data.value })} />
      </Field>
    </div>
  );
}
