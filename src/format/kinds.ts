// The output formats and CSV tables by name: what the options offer, apart from the formatters so
// that parsing a command line loads none of them.

export const FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export const CSV_TABLES = ['rumours', 'players', 'people', 'clubs', 'fees', 'quotes', 'sources'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];
