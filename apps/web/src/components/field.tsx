// A labelled input with its API issue underneath, linked through aria-describedby.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { issueText } from '../i18n/errors';
import { useI18n } from '../i18n/i18n';

interface Common {
  label: string;
  issue?: string;
  hint?: ReactNode;
}

function useFieldIds(issue?: string) {
  const id = useId();
  const issueId = `${id}-issue`;
  return { id, issueId, describedBy: issue ? issueId : undefined };
}

function Issue({ id, issue }: { id: string; issue?: string }) {
  const { lang } = useI18n();
  if (!issue) return null;
  return (
    <span className="field-issue" id={id} role="alert">
      {issueText(issue, lang)}
    </span>
  );
}

export function TextField({ label, issue, hint, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const { id, issueId, describedBy } = useFieldIds(issue);
  return (
    <div className={`field${issue ? ' has-issue' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && <span className="hint">{hint}</span>}
      <input id={id} aria-invalid={issue ? true : undefined} aria-describedby={describedBy} {...input} />
      <Issue id={issueId} issue={issue} />
    </div>
  );
}

export function TextArea({ label, issue, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { id, issueId, describedBy } = useFieldIds(issue);
  return (
    <div className={`field${issue ? ' has-issue' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-invalid={issue ? true : undefined} aria-describedby={describedBy} {...input} />
      <Issue id={issueId} issue={issue} />
    </div>
  );
}

export function SelectField({
  label,
  issue,
  options,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; text: string }[] }) {
  const { id, issueId, describedBy } = useFieldIds(issue);
  return (
    <div className={`field${issue ? ' has-issue' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={issue ? true : undefined} aria-describedby={describedBy} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.text}</option>
        ))}
      </select>
      <Issue id={issueId} issue={issue} />
    </div>
  );
}

/** A group of checkboxes in a fieldset (e.g. required evidence kinds). */
export function CheckboxGroup({
  legend,
  issue,
  options,
  value,
  onChange,
  disabled,
}: {
  legend: string;
  issue?: string;
  options: { value: string; text: string }[];
  value: string[];
  onChange(next: string[]): void;
  disabled?: boolean;
}) {
  const { issueId, describedBy } = useFieldIds(issue);
  return (
    <fieldset className={`checkboxes${issue ? ' has-issue' : ''}`} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input
            type="checkbox"
            checked={value.includes(o.value)}
            disabled={disabled}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
          />
          {o.text}
        </label>
      ))}
      <Issue id={issueId} issue={issue} />
    </fieldset>
  );
}
