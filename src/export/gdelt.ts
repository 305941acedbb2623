// The GDELT 2.0 event table (one event per line, 61 tab-separated columns, no header), so tools
// written for GDELT's export files read sitrep's events. Fields sitrep does not know stay empty.
import { createHash } from 'node:crypto';
import type { EventActor } from '../model/index.ts';
import type { ExportedEvent } from '../store/index.ts';

const ACTOR_FIELDS = [
  'Code',
  'Name',
  'CountryCode',
  'KnownGroupCode',
  'EthnicCode',
  'Religion1Code',
  'Religion2Code',
  'Type1Code',
  'Type2Code',
  'Type3Code',
];
const GEO_FIELDS = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'];

/** The columns in the order of GDELT 2.0's event codebook. */
export const GDELT_COLUMNS: readonly string[] = [
  'GLOBALEVENTID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  ...ACTOR_FIELDS.map((f) => `Actor1${f}`),
  ...ACTOR_FIELDS.map((f) => `Actor2${f}`),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...GEO_FIELDS.map((f) => `Actor1Geo_${f}`),
  ...GEO_FIELDS.map((f) => `Actor2Geo_${f}`),
  ...GEO_FIELDS.map((f) => `ActionGeo_${f}`),
  'DATEADDED',
  'SOURCEURL',
];

type Row = Record<string, string | number | null>;

/** A stable integer id (below 2^53) from the article and the event's place in it. */
function globalEventId(event: ExportedEvent): number {
  const hex = createHash('sha256').update(`${event.documentId}:${event.ordinal}`).digest('hex');
  return parseInt(hex.slice(0, 13), 16);
}

/** CAMEO actor codes start with a country (IRN) followed by role codes (GOV, MIL): IRNGOV. */
function actorColumns(prefix: string, actor: EventActor | null): Row {
  if (!actor) return {};
  const code = actor.code ?? actor.country ?? '';
  const country = actor.country ?? (/^[A-Z]{3}/.test(code) ? code.slice(0, 3) : '');
  const roles = code.startsWith(country) ? code.slice(country.length) : '';
  const types = roles.match(/.{3}/g) ?? [];
  return {
    [`${prefix}Code`]: code,
    [`${prefix}Name`]: actor.name.toUpperCase(),
    [`${prefix}CountryCode`]: country,
    [`${prefix}Type1Code`]: types[0] ?? '',
    [`${prefix}Type2Code`]: types[1] ?? '',
    [`${prefix}Type3Code`]: types[2] ?? '',
  };
}

/** The event's day: its own date, else the article's, else the day it was stored; missing parts are 01. */
function eventDay(event: ExportedEvent): Date {
  for (const candidate of [event.date, event.published, event.addedAt]) {
    const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(candidate ?? '');
    if (match) return new Date(Date.UTC(Number(match[1]), Number(match[2] ?? 1) - 1, Number(match[3] ?? 1)));
  }
  return new Date(0);
}

const digits = (date: Date, length: number) => date.toISOString().replace(/\D/g, '').slice(0, length);

function fractionDate(day: Date): string {
  const year = day.getUTCFullYear();
  const dayOfYear = (day.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  return (year + dayOfYear / 365).toFixed(4);
}

export function gdeltRow(event: ExportedEvent): Row {
  const day = eventDay(event);
  const cameo = event.cameo ?? '';
  return {
    GLOBALEVENTID: globalEventId(event),
    SQLDATE: digits(day, 8),
    MonthYear: digits(day, 6),
    Year: digits(day, 4),
    FractionDate: fractionDate(day),
    ...actorColumns('Actor1', event.source),
    ...actorColumns('Actor2', event.target),
    IsRootEvent: 0,
    EventCode: cameo,
    EventBaseCode: cameo.slice(0, 3),
    EventRootCode: cameo.slice(0, 2),
    QuadClass: event.quadClass,
    GoldsteinScale: event.goldstein,
    // One article reported it once.
    NumMentions: 1,
    NumSources: 1,
    NumArticles: 1,
    Actor1Geo_Type: 0,
    Actor2Geo_Type: 0,
    ActionGeo_Type: 0,
    ActionGeo_FullName: event.location ?? '',
    DATEADDED: digits(new Date(event.addedAt), 14),
    SOURCEURL: event.documentUrl ?? '',
  };
}

/** One line of the export file: tabs and line breaks inside a value become spaces. */
export function gdeltLine(event: ExportedEvent): string {
  const row = gdeltRow(event);
  return (
    GDELT_COLUMNS.map((column) => {
      const value = row[column];
      return value === null || value === undefined ? '' : String(value).replace(/[\t\r\n]+/g, ' ');
    }).join('\t') + '\n'
  );
}
