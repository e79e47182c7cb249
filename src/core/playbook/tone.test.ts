import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from './default-playbook';
import { DEFAULT_PLAYBOOK_ES } from './default-playbook.es';
import { lintPlaybook } from './lint';
import { move, playbook } from './test-fixtures';
import { toneCheck } from './tone';
import { formatIssueText } from './validate';

const phrases = (text: string) => toneCheck(text).map((w) => w.phrase);

describe('toneCheck', () => {
  it('flags upsell wording', () => {
    expect(phrases('Upgrade to our Premium plan today and get 20% off with coupon SAVE20!')).toEqual([
      'upgrade',
      'premium plan',
      '20% off',
      'coupon',
    ]);
    expect(phrases('This deal ends soon: buy the add-on, offer expires Friday, only $9.99.')).toEqual([
      'deal',
      'buy',
      'add-on',
      'offer expires',
      '$9.99',
    ]);
    expect(phrases('Check our pricing page for a discount on the bundle. Purchase now!')).toEqual(['pricing', 'discount', 'bundle', 'purchase now']);
    expect(phrases('Aprovecha la oferta: mejora tu plan con un 15% de descuento, por tiempo limitado.')).toEqual([
      'oferta',
      'mejora tu plan',
      '15% de descuento',
      'por tiempo limitado',
    ]);
  });

  it('explains why', () => {
    expect(toneCheck('Get a discount')).toEqual([{ phrase: 'discount', message: '"discount" reads like a discount or promotion — VE is help, not selling' }]);
  });

  it('does not flag ordinary support language', () => {
    for (const text of [
      "We'll deal with it right away, and I can offer a replacement.",
      'Your purchase is covered by the warranty; the plan you have fits how you use it.',
      'You can save your settings and buy yourself some time by using the shortcut.'.replace('buy yourself', 'give yourself'),
      'Gracias por tu compra; el plan que tienes encaja contigo.',
      'The ideal setup for smoothies.',
    ]) {
      expect(toneCheck(text), text).toEqual([]);
    }
  });
});

describe('lintPlaybook', () => {
  it('warns per move with a path', () => {
    const pb = playbook({ moves: [move('fine'), move('pushy', { title: 'Upsell moment', text: 'Upgrade now for {product}!' })] });
    expect(lintPlaybook(pb).map(formatIssueText)).toEqual([
      'moves[1].title: "upsell" pushes an extra product — point to what they already own instead',
      'moves[1].text: "upgrade" reads like an upsell to a bigger plan or product — confirm what they have instead',
    ]);
  });

  it('warns about history references to moves that do not exist', () => {
    const pb = playbook({ moves: [move('a', { when: { not: { priorOutcome: { outcome: ['declined'], withinDays: 30, moveId: 'gone' } } } })] });
    expect(lintPlaybook(pb).map(formatIssueText)).toEqual([
      'moves[0].when.not.priorOutcome.moveId: no move "gone" in this playbook (fine if it was in an earlier version)',
    ]);
  });

  it('finds nothing to warn about in the built-in playbooks', () => {
    expect(lintPlaybook(DEFAULT_PLAYBOOK)).toEqual([]);
    expect(lintPlaybook(DEFAULT_PLAYBOOK_ES)).toEqual([]);
  });
});
