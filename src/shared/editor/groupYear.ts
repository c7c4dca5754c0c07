// The year of study of a student group, for the "all groups of a year" view. The workbook has no
// year column, so it is read from the group's name ("year 2", "2nd year", "Year II") or, failing
// that, from the first digit after the letters its id starts with (CSE2A -> 2, ME-3B -> 3).
// 0 = unknown.
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6 };

export function groupYear(id: string, name: string): number {
  const word = /\byear\s*[-:]?\s*(\d{1,2}|i{1,3}|iv|v|vi)\b/i.exec(name);
  if (word) return /\d/.test(word[1]) ? Number(word[1]) : ROMAN[word[1].toLowerCase()];
  const ordinal = /\b(\d)(?:st|nd|rd|th)\s+year\b/i.exec(name);
  if (ordinal) return Number(ordinal[1]);
  const fromId = /^[A-Za-z]+[-_ ]?(\d)/.exec(id);
  return fromId ? Number(fromId[1]) : 0;
}
