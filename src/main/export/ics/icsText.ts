/* eslint-disable no-control-regex -- control characters are what this file is about */
// Text from the college (names, ids, the institution) as it may go into a calendar property.
// iCalendar ends a property at a line break, so a name holding one could start properties or whole
// events of its own in calendars people subscribe to. Line breaks (CR, LF, U+2028/9, NEL) become a
// space and other control characters are dropped; ical-generator then escapes `\`, `;` and `,`
// and folds long lines.

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\u000b\u000c]/g;
// C0 controls but tab, DEL, C1 controls.
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

/** `text` with line breaks as spaces, control characters removed and tabs as spaces. */
export function icsText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '').replace(/\t/g, ' ');
}
