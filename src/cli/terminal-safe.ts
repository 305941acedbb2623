/* eslint-disable no-control-regex -- matching control characters is the point */
// Text from pages and feeds is shown on a terminal: escape sequences in it could retitle the
// window, clear the screen or write the clipboard (OSC 52). Human-readable output drops them.

// CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), and other two-byte ESC sequences.
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]?|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?/g;
// C0 controls except tab and newline, DEL, C1 controls (U+009B is a one-character CSI), and the
// bidirectional overrides that make text display in another order than it is stored.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text without escape sequences and control characters (newlines and tabs stay). */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}
