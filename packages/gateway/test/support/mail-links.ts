/**
 * The parameters of the link to `path` in one of Tryton's e-mails (reset, validation). The
 * portal module writes them in the URL fragment, out of access logs (docs/security.md): a
 * link with its token in the query string is refused here.
 */
export function mailLinkParams(
  mail: { text: string; html: string },
  path: string,
): URLSearchParams {
  // Tryton 7.x writes the plain-text link in brackets: `[https://…]`.
  const pattern = new RegExp(`https?://[^\\s\\]"<>]+/${path}[?#][^\\s\\]"<>]+`);
  const link = pattern.exec(`${mail.text} ${mail.html.replace(/&amp;/g, '&')}`)?.[0];
  if (!link) throw new Error(`no ${path} link in the e-mail:\n${mail.text}`);
  const url = new URL(link);
  if (url.searchParams.has('token')) throw new Error(`token in the query string: ${link}`);
  return new URLSearchParams(url.hash.replace(/^#/, ''));
}
