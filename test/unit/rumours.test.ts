import { describe, expect, it } from 'vitest';
import { docFromText } from '../../src/extract/doc.js';
import { extractFacts } from '../../src/extract/index.js';

const rumours = (text: string) => extractFacts(docFromText(text)).rumours.map((r) => ({ player: r.player, from: r.from, to: r.to, status: r.status }));

describe('rumours', () => {
  it('reads interest with the buyer as subject and the seller as attribute', () => {
    expect(rumours('According to reports, Real Madrid are keeping tabs on Liverpool midfielder Alexis Mac Allister.')).toEqual([
      { player: 'Alexis Mac Allister', from: 'Liverpool', to: 'Real Madrid', status: 'interest' },
    ]);
  });

  it('takes the bidder from "a bid from X" and the seller from the subject', () => {
    expect(rumours('Nottingham Forest have confirmed they have received an £8m bid from Tottenham for Andy Reid.')).toEqual([
      { player: 'Andy Reid', from: 'Nottingham Forest', to: 'Tottenham Hotspur', status: 'bid' },
    ]);
  });

  it('lets the most decisive word of a clause win', () => {
    expect(rumours("Birmingham have rejected Blackburn's £2m bid for midfielder Robbie Savage.")).toEqual([
      { player: 'Robbie Savage', from: 'Birmingham City', to: 'Blackburn Rovers', status: 'rejected' },
    ]);
  });

  it('reads a completed move with "from"', () => {
    expect(rumours('Real Madrid formally announced the signing of Kylian Mbappe from PSG.')).toEqual([
      { player: 'Kylian Mbappe', from: 'Paris Saint-Germain', to: 'Real Madrid', status: 'completed' },
    ]);
  });

  it('follows "he" to the player the narrative is about', () => {
    const r = rumours('Everton midfielder Thomas Gravesen is out of contract in the summer. He has been linked with a move to Real Madrid.');
    expect(r).toEqual([{ player: 'Thomas Gravesen', from: 'Everton', to: 'Real Madrid', status: 'interest' }]);
  });

  it('is quiet on a match report, even with words like "denied" and "rejected"', () => {
    expect(rumours('Arsenal were denied by a fine save from Chelsea keeper Petr Cech, and Thierry Henry had a penalty appeal rejected.')).toEqual([]);
  });

  it('does not take talk of a new contract at his own club for a move', () => {
    expect(rumours('Liverpool are yet to open talks with Trent Alexander-Arnold over a new contract.')).toEqual([]);
  });
});
