/**
 * Copies text. The async Clipboard API needs a secure context (HTTPS or localhost); a server
 * reached over plain HTTP on a LAN falls back to selecting a field and the legacy command.
 */
export async function copyText(
  text: string,
  fallbackField?: HTMLInputElement | null,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallbackField) return false;
    fallbackField.select();
    return document.execCommand('copy');
  }
}
