// A long saga made up for the chart tests: `n` reports of one player across seven clubs over two
// years, from a dozen outlets, with fees in three currencies. Deterministic (a seeded generator).
import { SCHEMA_IDS } from '../../src/ids.js';
import { PlayerStory, type Status } from '../../src/schema.js';

const CLUBS = ['Real Madrid', 'Manchester City', 'Bayern Munich', 'Paris Saint-Germain', 'Juventus', 'Arsenal', 'Chelsea'];
const OUTLETS = ['Sky Sports', 'BBC Sport', 'The Athletic', 'Marca', 'AS', 'Bild', 'L’Équipe', 'Gazzetta', 'TEAMtalk', 'Fabrizio Romano', 'The Times', null];
const STAGES: Status[] = ['interest', 'interest', 'interest', 'talks', 'bid', 'rejected', 'agreed', 'denied', 'completed'];
const CURRENCIES = ['EUR', 'GBP', 'USD'] as const;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export const FROM = 'Liverpool';

export function syntheticStory(n: number): PlayerStory {
  const rand = rng(n);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const day0 = Date.UTC(2024, 0, 1);
  const dates = Array.from({ length: n }, () => new Date(day0 + Math.floor(rand() * 730) * 86_400_000).toISOString().slice(0, 10)).sort();
  const ev = (i: number) => ({ file: `news/${String(i).padStart(4, '0')}.txt`, start: 0, end: 10, line: 1 + (i % 40), sentence: 'A sentence.' });
  const rumours = dates.map((date, i) => {
    const amount = rand() < 0.3 ? Math.round(40 + rand() * 80) * 1e6 : null;
    const currency = pick(CURRENCIES);
    return {
      player: 'Sam Example',
      from: FROM,
      to: pick(CLUBS),
      status: pick(STAGES),
      window: null,
      fee: amount === null ? null : { text: `${currency} ${amount / 1e6}m`, amount, currency, converted: _inEuros(amount, currency) },
      source: pick(OUTLETS),
      likelihood: 0.5,
      reasons: [],
      date,
      file: ev(i).file,
      evidence: ev(i),
    };
  });
  const fees = rumours.flatMap((r, i) =>
    r.fee === null || r.fee.amount === null
      ? []
      : [{
          text: r.fee.text, amount: r.fee.amount, amountMax: null, currency: r.fee.currency, bound: 'exact' as const, period: null, kind: 'bid' as const,
          conversions: [], player: 'Sam Example', date: r.date, file: r.file, evidence: ev(i),
          converted: _inEuros(r.fee.amount, r.fee.currency),
        }],
  );
  const counts = new Map<string, number>();
  for (const r of rumours) counts.set(r.to, (counts.get(r.to) ?? 0) + 1);
  const story = PlayerStory.parse({
    schema: SCHEMA_IDS.player,
    query: 'Sam Example',
    currency: 'EUR',
    player: { name: 'Sam Example', aliases: ['Example'] },
    articles: n,
    firstReport: dates[0] ?? null,
    latestReport: dates[dates.length - 1] ?? null,
    clubs: [...counts].sort((a, b) => b[1] - a[1]).map(([name, count]) => ({ name, count })),
    rumours,
    fees,
    quotes: [{ text: 'He is happy here', speaker: 'A. Manager', relation: 'about', date: dates[0] ?? null, file: 'news/0000.txt', evidence: ev(0) }],
  });
  // Drawn without likelihoods (as from a store that predates them): the tests add them where they are about them.
  return { ...story, rumours: story.rumours.map(({ likelihood: _l, reasons: _r, ...r }) => r) } as unknown as PlayerStory;
}

/** The made-up fees' `converted`: euros as they are, the others at a made-up rate. */
function _inEuros(amount: number, currency: 'EUR' | 'GBP' | 'USD') {
  const same = currency === 'EUR';
  return { amount, amountMax: null, currency: 'EUR' as const, via: same ? ('same' as const) : ('rate' as const), rate: same ? null : 1.1, rateYear: same ? null : 2024 };
}
