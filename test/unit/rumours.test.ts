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

  // The learned scorer: moves told in wordings no cue list holds.
  it('finds a move told as a noun phrase, with no stage word ("his £40m switch to")', () => {
    const r = rumours('Brentford striker Omar Kessie is close to his £40m switch to Newcastle United.');
    expect(r.map((x) => [x.player, x.from, x.to])).toEqual([['Omar Kessie', 'Brentford', 'Newcastle United']]);
  });

  it('takes the negotiating partner as the seller ("talks with Porto over X")', () => {
    const r = rumours('Aston Villa are in talks with Porto over midfielder Tiago Morais, who has a release clause of €50m.');
    expect(r).toContainEqual({ player: 'Tiago Morais', from: 'Porto', to: 'Aston Villa', status: 'talks' });
  });

  it('reads "X want Y from Z", with no stage word, as a move', () => {
    expect(rumours('Manchester City want Erling Haaland from Borussia Dortmund.').map((x) => [x.player, x.from, x.to])).toEqual([['Erling Haaland', 'Borussia Dortmund', 'Manchester City']]);
  });

  it('reads "may launch a bid" as interest, not a bid', () => {
    const r = rumours('Everton may launch a bid for Legia Warsaw defender Jakub Nowicki in January.');
    expect(r).toEqual([{ player: 'Jakub Nowicki', from: 'Legia Warsaw', to: 'Everton', status: 'interest' }]);
  });

  it('lets a later denial by the player stand over the report', () => {
    const text = 'Juventus have been linked with a move for Lyon midfielder Karim Benhadj. "I\'m staying at Lyon, I am happy here," Benhadj told reporters.';
    expect(rumours(text)).toEqual([{ player: 'Karim Benhadj', from: 'Lyon', to: 'Juventus', status: 'denied' }]);
  });

  it('takes no hedge and no refusal of a further bid for a denial', () => {
    const hedge = 'Real Madrid are interested in Liverpool midfielder Alexis Mac Allister. "Right now I am happy at Liverpool," he said.';
    expect(rumours(hedge).map((x) => x.status)).toEqual(['interest']);
    const further = 'Real Madrid are interested in Liverpool defender Trent Alexander-Arnold. Real have ruled out tabling a second offer.';
    expect(rumours(further).map((x) => x.status)).toEqual(['interest']);
  });

  it('reads a match report with transfer words in it as no story: the rules alone speak there', () => {
    const text = [
      'Everton 1-2 Aston Villa',
      'Villa came from behind as Jonas Mertel scored twice. Everton led through Callum Beatty after 12 minutes.',
      'Villa keeper Pieter Hals saved from Beatty before the break. Everton should have been further ahead.',
      'Mertel levelled with a low drive after a fine passing move. He then turned in a cross from the left.',
      'Everton pressed late on, but Beatty was denied by Hals again. Villa held on for the points.',
    ].join('\n\n');
    expect(rumours(text)).toEqual([]);
  });
});
