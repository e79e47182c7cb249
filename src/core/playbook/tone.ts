/**
 * Tone check for VE text. Value enhancement is help — the customer achieves more, or feels surer of what
 * they already chose. Text that reads like an upsell (prices, discounts, upgrades, urgency) undoes that
 * and turns a service moment into a sales pitch, so authors get a warning (not an error: a rep may have a
 * legitimate reason to mention a price). English and Spanish, matched accent- and case-insensitively.
 */
import { normalizeForMatch } from './keywords';

export interface ToneWarning {
  /** The words that triggered it, as found in the text (normalized). */
  readonly phrase: string;
  readonly message: string;
}

type Topic = 'price' | 'discount' | 'upgrade' | 'urgency' | 'purchase' | 'extra';

const MESSAGES: Record<Topic, string> = {
  price: 'mentions money — VE is help, not selling; leave prices to sales or billing',
  discount: 'reads like a discount or promotion — VE is help, not selling',
  upgrade: 'reads like an upsell to a bigger plan or product — confirm what they have instead',
  urgency: 'adds sales urgency — VE should never pressure the customer',
  purchase: 'asks the customer to buy — VE helps them use what they already have',
  extra: 'pushes an extra product — point to what they already own instead',
};

// Our own patterns over normalized text (lower-case, no accents); B and E keep them on word boundaries.
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const rule = (topic: Topic, source: string) => ({ topic, pattern: new RegExp(`${B}(?:${source})${E}`, 'gu') });

const RULES = [
  rule('price', 'prices?|pricing|priced|precios?|[$€£]\\s?\\d+(?:[.,]\\d+)*|\\d+(?:[.,]\\d+)*\\s?(?:usd|eur|gbp|dollars?|euros?|dolares)'),
  rule('discount', 'discount(?:s|ed)?|\\d+\\s?% off|% off|coupons?|promo(?:s|tions?)?(?: codes?)?|vouchers?|on sale|sale price|save (?:up to |\\d|[$€£])\\S*|cheaper|special offer|exclusive offer'),
  rule('discount', 'descuentos?|\\d+\\s?% de descuento|cupon(?:es)?|promocion(?:es)?|codigo promocional|rebajas?|ofertas?|ahorra (?:hasta )?\\d\\S*'),
  rule('upgrade', 'upgrad(?:e|es|ed|ing)|premium (?:plan|tier|version|membership|subscription)|go premium|pro plan|higher tier'),
  rule('upgrade', 'mejora tu plan|sube de plan|plan (?:premium|superior)|version premium|actualiza(?:r)? (?:a|tu) plan'),
  rule('urgency', 'offer (?:expires|ends)|limited[- ]time|act now|don[\\u0027\\u2019]t miss|while (?:stocks|supplies) last|today only|last chance'),
  rule('urgency', 'por tiempo limitado|solo hoy|ultima oportunidad|no te lo pierdas|hasta agotar'),
  rule('purchase', 'buy(?:ing)?|purchase now|order now|subscribe now|add to (?:your )?cart|checkout'),
  rule('purchase', 'compra(?:lo)? (?:ya|ahora)|comprar ahora|anade(?:lo)? al carrito'),
  rule('extra', 'add-?ons?|add on|bundles?|upsell|accessory pack'),
  rule('extra', 'complementos? de pago|paquete adicional'),
  // "a great deal", "deals" — but not "deal with", which support text says all the time.
  rule('discount', 'deals|(?:great|good|best|special|exclusive) deal|deal(?! with)'),
] as const;

/** Upsell-sounding phrases in `text`, one warning per phrase, in order of appearance. */
export function toneCheck(text: string): ToneWarning[] {
  const normalized = normalizeForMatch(text);
  const hits: { at: number; phrase: string; topic: Topic }[] = [];
  const seen = new Set<string>();
  for (const { topic, pattern } of RULES) {
    pattern.lastIndex = 0;
    for (const m of normalized.matchAll(pattern)) {
      const phrase = m[0];
      if (seen.has(phrase)) continue;
      seen.add(phrase);
      hits.push({ at: m.index, phrase, topic });
    }
  }
  hits.sort((a, b) => a.at - b.at);
  return hits.map(({ phrase, topic }) => ({ phrase, message: `"${phrase}" ${MESSAGES[topic]}` }));
}
