/** Technical words (a library's error text) folded away under "Details", for a bug report. */
export function Details({ text }: { text: string }) {
  return (
    <details className="error-details">
      <summary>Details</summary>
      <code>{text}</code>
    </details>
  );
}
