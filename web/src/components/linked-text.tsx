// Plain text with its web addresses as links. Only http and https addresses become links; the
// rest stays text (Preact escapes it), so a comment can never carry markup or a javascript: URL.
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence rather than an address. */
const TRAILING = /[.,;:!?)\]}]+$/;

/** The http(s) URL an address in text stands for, or null. */
export function linkTarget(address: string): string | null {
  try {
    const url = new URL(/^www\./i.test(address) ? `https://${address}` : address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function LinkedText({ text }: { text: string }) {
  const parts: (string | { href: string; label: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const label = match[0].replace(TRAILING, '');
    const href = linkTarget(label);
    if (!href) continue;
    parts.push(text.slice(last, match.index), { href, label });
    last = match.index + label.length;
  }
  parts.push(text.slice(last));
  return (
    <>
      {parts.map((part) =>
        typeof part === 'string' ? (
          part
        ) : (
          <a href={part.href} rel="nofollow ugc noopener noreferrer">
            {part.label}
          </a>
        ),
      )}
    </>
  );
}
