// `--format html|svg` on `player` and `club` through the CLI; only those two commands offer them.
import { describe, expect, it } from 'vitest';
import { freshDb, rumours } from './_run.js';

describe('saga formats on the command line', () => {
  it('gives the chart alone with --format svg, and the page with --format html', async () => {
    const [svg, html] = await Promise.all([
      rumours(['player', 'Mac Allister', 'seeds/', '--format', 'svg', '--no-store']),
      rumours(['player', 'konate', 'seeds/', '--format', 'html', '--no-store']),
    ]);
    expect(svg.status).toBe(0);
    expect(svg.stdout).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*role="img"/);
    expect(svg.stdout.trimEnd()).toMatch(/<\/svg>$/);
    expect(html.status).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toMatch(/<h1>Ibrahima Konat[eé]<\/h1>/);
  });

  it('draws a club from the store, and says so when the club has no rumours', async () => {
    const env = { RUMOURS_DB: freshDb() };
    expect((await rumours(['extract', 'seeds/', '--format', 'json'], { env })).status).toBe(0);
    const [club, none] = await Promise.all([
      rumours(['club', 'Liverpool', '--format', 'html'], { env }),
      rumours(['club', 'Wrexham', '--format', 'svg'], { env }),
    ]);
    expect(club.status).toBe(0);
    expect(club.stdout).toContain('<h1>Liverpool</h1>');
    expect(club.stdout).toMatch(/Coming in|Going out/);
    expect(none.status).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('no rumours about Wrexham');
  });

  it('offers html and svg on player and club only', async () => {
    const [extract, help] = await Promise.all([rumours(['extract', 'seeds/', '--format', 'html']), rumours(['player', '--help'])]);
    expect(extract.status).toBe(2);
    expect(extract.stderr).toContain("option '-f, --format <format>' argument 'html' is invalid");
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('(choices: "table", "json", "ndjson", "csv", "html", "svg")');
  });
});
