/**
 * The built-in playbook. Grounded in the Gartner service research behind the product: resolve the issue
 * with low effort first, then — where it fits, in roughly 35–50% of interactions — add value enhancement:
 * a usage tip (the customer can achieve more with the product) or confidence reinforcement (they feel
 * surer of their purchase). VE is help, never selling; every move passes the tone check.
 *
 * Conditions keep moves away from upset or rushed customers, and cooldowns keep the same customer from
 * hearing the same line twice. Placeholder style: "{product}" stands bare (no article before it) so the
 * fallback "your purchase" reads right.
 */
import { deepFreeze } from './freeze';
import type { Condition, Playbook } from './types';

/**
 * Upset customers get the fix and nothing else; VE on top of anger reads as not listening. Same for a
 * customer who declined a suggestion recently or has had several already.
 */
const CALM: Condition = {
  all: [
    {
      not: {
        customerSays: {
          any: [
            'angry',
            'furious',
            'ridiculous',
            'unacceptable',
            'cancel',
            'refund now',
            'complaint',
            'lawyer',
            'worst',
            'never again',
            'waste of time',
            'disgusted',
            'fed up',
          ],
        },
      },
    },
    { not: { tags: { any: ['escalated', 'complaint', 'legal', 'chargeback'] } } },
    // Someone who just said no to a suggestion, or has heard several lately, gets a rest.
    { not: { priorOutcome: { outcome: ['declined'], withinDays: 14 } } },
    { priorAttempts: { withinDays: 90, lte: 3 } },
  ],
};

/** A longer tip costs time; skip it when the customer said they have none. */
const NOT_RUSHED: Condition = {
  not: { customerSays: { any: ['in a hurry', 'no time', 'asap', 'quickly please', 'short on time', 'have to go', 'gotta go'] } },
};

export const DEFAULT_PLAYBOOK: Playbook = deepFreeze({
  id: 'resolve-plus-default',
  name: 'Resolution first, then value',
  version: 1,
  locale: 'en',
  appliesTo: {},
  settings: { veCooldownDays: 7, maxMovesShown: 2 },
  checklist: [
    {
      id: 'greet',
      title: 'Greet and restate the issue',
      help: 'Use their name and say the problem back in one sentence, so they know you understood it the first time.',
      required: true,
      autoComplete: { agentSays: { any: ['thanks for reaching out', 'thanks for contacting', 'thank you for contacting', 'happy to help', 'glad to help'] } },
    },
    {
      id: 'verify',
      title: 'Look up the account or order',
      help: 'Check what you can see yourself before asking: every question you do not have to ask saves the customer effort.',
      required: true,
    },
    {
      id: 'answer-all',
      title: 'Answer every question in their email',
      help: 'Reread the email before replying. A missed question means a second contact, the biggest source of customer effort.',
      required: true,
      when: { channel: ['email'] },
    },
    {
      id: 'resolve',
      title: 'Fix the issue in this contact',
      help: 'Resolve it now if you can. If it needs someone else, own the hand-off and say exactly what happens next and by when.',
      required: true,
      autoComplete: {
        agentSays: { any: ["i've fixed", 'i have fixed', 'has been fixed', "i've processed", 'has been processed', 'has been issued', 'is on its way', "i've reset"] },
      },
    },
    {
      id: 'confirm-fixed',
      title: 'Confirm with the customer that it is fixed',
      help: 'Ask "Does that solve it for you?" and wait for a yes. Value-enhancement suggestions appear after this step.',
      required: true,
      confirmsResolution: true,
      autoComplete: {
        any: [
          { status: ['solved'] },
          { agentSays: { any: ['anything else', 'is there anything else', 'does that solve', 'does that fix', 'is it working now', 'is that working now'] } },
        ],
      },
    },
    {
      id: 'next-steps',
      title: 'Explain what happens next',
      help: 'Tracking, refund timing, what to do if it happens again — so they do not need to contact you to find out.',
      required: false,
    },
    {
      id: 'way-back',
      title: 'Give them a way back',
      help: 'Tell them they can reply to this conversation (or quote the ticket number) and it comes straight back to us.',
      required: false,
    },
    {
      id: 'phone-recap',
      title: 'Recap the fix before hanging up',
      help: 'On the phone nothing is written down: summarise what you did and what they should expect.',
      required: false,
      when: { channel: ['phone'] },
    },
  ],
  moves: [
    {
      id: 'warranty-reassurance',
      kind: 'confidence',
      title: 'Reassure them about the warranty',
      text: "Just so you know: {product} is covered by our warranty, so if anything like this ever happens again, reply here and we'll put it right quickly. This was a one-off, not what you should expect from it.",
      when: {
        all: [
          CALM,
          {
            any: [
              { tags: { any: ['damaged', 'defective', 'broken', 'warranty', 'replacement'] } },
              { customerSays: { any: ['damaged', 'broken', 'defective', 'cracked', 'stopped working', 'faulty', 'arrived damaged'] } },
            ],
          },
        ],
      },
      priority: 80,
      cooldownDays: 60,
      why: 'After something went wrong, reassurance about what happens next time restores confidence in the purchase.',
    },
    {
      id: 'onboarding-setup-tip',
      kind: 'usage-tip',
      title: 'Setup tip for a new customer',
      text: "Since you're just getting started: the quick-start settings take about five minutes and make the rest of {product} much easier to use. Would you like me to point you to them?",
      when: {
        all: [CALM, NOT_RUSHED, { tags: { any: ['new-customer', 'onboarding', 'first-order', 'new-account'] } }],
      },
      priority: 70,
      cooldownDays: 30,
      why: 'New customers who set things up right early get more out of the product and contact us less.',
    },
    {
      id: 'right-plan',
      kind: 'confidence',
      title: "Confirm they're on the right plan",
      text: "While I had your account open I checked: the plan you have fits how you're using it, so you're not missing anything you need. If your needs change, just ask and we'll look at it together.",
      when: {
        all: [
          CALM,
          { stepDone: 'verify' },
          { customerSays: { any: ['plan', 'subscription', 'billing', 'invoice*', 'account type', 'licen*'] } },
        ],
      },
      priority: 60,
      cooldownDays: 90,
      why: 'Questions about plans or bills often hide a doubt about the purchase; confirming the fit answers it.',
    },
    {
      id: 'setup-correct',
      kind: 'confidence',
      title: "Confirm they're set up correctly",
      text: "I've checked, and everything is set up correctly on your side, so you can carry on using it with confidence. Nice work getting it configured!",
      when: {
        all: [CALM, { stepDone: 'verify' }, { customerSays: { any: ['set up', 'setup', 'install*', 'configur*', 'connect*', 'pair*', 'sync*'] } }],
      },
      priority: 55,
      cooldownDays: 30,
      why: 'After a setup problem, hearing "you did it right" removes lingering doubt.',
    },
    {
      id: 'related-feature',
      kind: 'usage-tip',
      title: 'Show a related feature',
      text: "While you're here: there's a related feature in {product} that people who ask about this usually find handy. Would you like a quick two-step rundown?",
      when: {
        all: [
          CALM,
          NOT_RUSHED,
          { customerSays: { any: ['how do i', 'how can i', 'is there a way', 'where do i', 'where can i', 'can i', 'feature', 'option'] } },
        ],
      },
      priority: 50,
      cooldownDays: 30,
      why: 'They are already thinking about this area of the product; one adjacent feature helps them achieve more.',
    },
    {
      id: 'time-saving-shortcut',
      kind: 'usage-tip',
      title: 'Share a time-saving shortcut',
      text: "One more thing that could save you time: you don't have to do that step by step each time — {product} can do it in one go. Want me to show you how?",
      when: {
        all: [
          CALM,
          {
            customerSays: {
              any: ['every time', 'each time', 'manually', 'takes forever', 'takes ages', 'one by one', 'tedious', 'over and over', 'again and again'],
            },
          },
        ],
      },
      priority: 48,
      cooldownDays: 30,
      why: 'They described doing something the slow way; a shortcut is value they feel on the next use.',
    },
    {
      id: 'others-achieve',
      kind: 'confidence',
      title: 'Share what other customers achieve',
      text: "You're in good company: customers who use {product} the way you do tell us it saves them time every week. You've got a setup that works.",
      when: {
        all: [
          CALM,
          {
            customerSays: {
              any: ['worth it', 'not sure if', 'second thoughts', 'regret', 'should i keep', 'thinking of returning', 'wondering if', 'made a mistake'],
            },
          },
        ],
      },
      priority: 40,
      cooldownDays: 60,
      why: 'They voiced a doubt about the purchase; hearing that people like them succeed with it answers it.',
    },
    {
      id: 'care-tip',
      kind: 'usage-tip',
      title: 'Care tip to make it last',
      text: "A quick tip to keep {product} working like new: give it a quick clean after each use, while it's still easy, and have a look at the care section of the manual now and then. It makes a real difference to how long it lasts.",
      when: {
        all: [
          CALM,
          NOT_RUSHED,
          {
            any: [
              { tags: { any: ['hardware', 'appliance', 'device', 'kitchen'] } },
              { customerSays: { any: ['clean*', 'wash*', 'descal*', 'smoothie*', 'blend*', 'juice*', 'filter*'] } },
            ],
          },
        ],
      },
      priority: 45,
      cooldownDays: 60,
      why: 'For physical products, care tips help customers get more out of what they bought, for longer.',
    },
    {
      id: 'loyal-thanks',
      kind: 'confidence',
      title: 'Thank a long-standing customer',
      text: "Thank you for being with us for so long — feedback from customers like you is how {product} keeps getting better. We're here whenever you need us.",
      when: { all: [CALM, { tags: { any: ['vip', 'loyal', 'long-term-customer'] } }] },
      priority: 42,
      cooldownDays: 90,
      why: 'Long-standing customers value being recognised; it reaffirms a choice they keep making.',
    },
    {
      id: 'help-centre',
      kind: 'usage-tip',
      title: 'Point to the help centre',
      text: 'If this comes up again, our help centre has a step-by-step guide for it and is open around the clock — search for the topic and you will find it in seconds, no waiting for us.',
      when: {
        all: [
          CALM,
          { channel: ['chat', 'email'] },
          { customerSays: { any: ['how to', 'how do i', 'guide', 'instructions', 'manual', 'tutorial', 'step by step', 'again'] } },
        ],
      },
      priority: 30,
      cooldownDays: 45,
      why: 'Self-service they trust means lower effort next time; half of customers prefer it.',
    },
  ],
}) satisfies Playbook;
