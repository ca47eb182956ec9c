import { FieldError, Input, Label, TextField } from "react-aria-components";

type Props = { name: string; label: string; type?: string; autoComplete?: string; isRequired?: boolean };

/** A labelled input whose error (from the browser's own checks or from the API's problem) shows beneath it. */
export function Field({ name, label, type = "text", autoComplete, isRequired = true }: Props) {
  return (
    <TextField name={name} type={type} autoComplete={autoComplete} isRequired={isRequired} className="field">
      <Label>{label}</Label>
      <Input />
      <FieldError className="field-error" />
    </TextField>
  );
}
