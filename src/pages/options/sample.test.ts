import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK, type Playbook } from '../../core/playbook';
import { previewSample, type SampleTicket, sampleContext } from './sample';

const blender: SampleTicket = {
  ticketId: '4521',
  helpdesk: 'zendesk',
  subject: 'Order arrived damaged',
  requesterName: 'Maria Lopez',
  channel: 'chat',
  status: 'open',
  tags: ['damaged', 'Blender', ' vip '],
  product: 'Acme Blender Pro',
  customerMessage: "My blender arrived with a cracked jug. How do I make smoothies without ice jamming?",
  agentMessage: '',
  elapsedMinutes: 6,
  done: [],
};
const NOW = Date.UTC(2025, 0, 15, 12);

describe('live preview', () => {
  it('builds a ticket context the engine reads', () => {
    const c = sampleContext(blender);
    expect(c.tags).toEqual(['damaged', 'blender', 'vip']);
    expect(c.messages).toEqual([{ role: 'customer', text: blender.customerMessage }]);
    expect(sampleContext({ ...blender, product: ' ' }).product).toBeNull();
  });

  it('holds every move back until resolution, with reasons', () => {
    const p = previewSample(DEFAULT_PLAYBOOK, blender, NOW);
    expect(p.evaluation.resolutionConfirmed).toBe(false);
    expect(p.evaluation.eligible).toEqual([]);
    expect(p.evaluation.heldBack.length).toBe(DEFAULT_PLAYBOOK.moves.length);
    expect(p.variant).toBe('');
  });

  it('offers moves with reasons once the confirming step is done', () => {
    const p = previewSample(DEFAULT_PLAYBOOK, { ...blender, done: ['verify', 'confirm-fixed'] }, NOW);
    expect(p.evaluation.resolutionConfirmed).toBe(true);
    const ids = p.evaluation.eligible.map((e) => e.move.id);
    expect(ids[0]).toBe('warranty-reassurance');
    expect(p.evaluation.eligible[0]?.reasons.length).toBeGreaterThan(0);
    expect(p.evaluation.eligible[0]?.text).toContain('Acme Blender Pro');
  });

  it('applies auto-ticks like the overlay (a solved status confirms resolution)', () => {
    const p = previewSample(DEFAULT_PLAYBOOK, { ...blender, status: 'solved' }, NOW);
    expect(p.autoTicked).toContain('confirm-fixed');
    expect(p.evaluation.resolutionConfirmed).toBe(true);
  });

  it('uses the A/B variant of the sample ticket id', () => {
    const pb: Playbook = { ...DEFAULT_PLAYBOOK, abTest: { labelA: 'control', labelB: 'new', shareB: 1, movesB: [] } };
    const p = previewSample(pb, { ...blender, done: ['confirm-fixed'] }, NOW);
    expect(p.variant).toBe('new');
    expect(p.evaluation.eligible).toEqual([]);
    expect(previewSample({ ...pb, abTest: { ...pb.abTest!, shareB: 0 } }, blender, NOW).variant).toBe('control');
  });
});
