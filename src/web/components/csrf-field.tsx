/** The hidden field every state-changing form carries (checked by csrfMiddleware). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}
