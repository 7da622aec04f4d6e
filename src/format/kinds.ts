// The output formats and CSV tables by name: what the options offer, apart from the formatters so
// that parsing a command line loads none of them.

export const FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** Pictures, offered by `player` and `club` only: a self-contained page, or the chart alone. */
export const CHART_FORMATS = ['html', 'svg'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

export const CSV_TABLES = ['rumours', 'players', 'people', 'clubs', 'fees', 'quotes', 'sources'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];
