// Shapes shared by the exporters: formats, views and the options/result of `exportTimetable`.

export const EXPORT_FORMATS = ['csv', 'itc', 'pdf', 'ics', 'xlsx', 'fet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_VIEWS = ['group', 'faculty', 'room'] as const;
/** Whose timetable a page, calendar or sheet shows: a student group, a faculty member or a room. */
export type ExportView = (typeof EXPORT_VIEWS)[number];

export interface ExportOptions {
  /**
   * Where to write. A file for `csv`, `itc` and `xlsx`; a directory for `pdf` and `ics` (created when
   * missing; files of the export are replaced, other files in it are left alone).
   */
  out: string;
  /** Only this view (pdf, ics, xlsx); absent = every view. */
  view?: ExportView;
  /** Only these entity ids of the chosen view(s) (group, faculty or room ids). Unknown ids are an error. */
  only?: string[];
  /** Timestamp printed on PDFs ("generated on") and stamped into ICS/XLSX; default now. */
  generatedAt?: Date;
  /**
   * ICS only: the manifest of the previous export, used to bump SEQUENCE for moved sessions. Absent = the
   * manifest a previous export left in `out` (see ics/manifest.ts), if any.
   */
  previous?: IcsManifest;
}

/** What the ICS export remembers about each event, to tell a moved session from an unchanged one. */
export interface IcsManifest {
  version: 1;
  events: Record<string, { sequence: number; placement: string }>;
}

export interface ExportResult {
  format: ExportFormat;
  /** Every file written, absolute or as given in `out`. */
  files: string[];
  /** PDF: total pages over all files. */
  pages?: number;
  /** ICS: calendars written; XLSX: sheets. */
  count?: number;
}

/** An expected export failure (missing term dates, unknown ids, ...): the message says what to do. */
export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}
