/** The message under a field the server (or the form) refused; linked with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <div id={id} className="field-error">
      {message}
    </div>
  );
}

export const fieldErrorId = (fieldId: string) => `${fieldId}-error`;
