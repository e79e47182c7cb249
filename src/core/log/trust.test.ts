import { describe, expect, it } from 'vitest';
import { type Binding, CLOCK_SKEW_MS, clampStart, refusal, stampRep } from './trust';
import type { LogEvent } from './types';

const NOW = Date.UTC(2026, 10, 26, 9);
const binding: Binding = { interactionId: 'i1', origin: 'https://acme.zendesk.com', tabs: [7], startedAt: NOW - 60_000, issuedAt: NOW - 1_000, customerKey: '', macKey: 'k' };
const step = (at: number): LogEvent => ({ id: 'e', at, interactionId: 'i1', type: 'step-completed', stepId: 's', auto: false });

describe('trust rules', () => {
  it('accepts an event of the issuing origin within bounds', () => {
    expect(refusal(step(NOW), 'https://acme.zendesk.com', binding, NOW)).toBeNull();
    expect(refusal(step(NOW), null, binding, NOW)).toBeNull();
  });

  it('refuses another tenant, an unissued id, and times out of bounds', () => {
    expect(refusal(step(NOW), 'https://evil.zendesk.com', binding, NOW)).toBe('interaction belongs to another site');
    expect(refusal(step(NOW), 'https://acme.zendesk.com', undefined, NOW)).toMatch(/unknown interaction/);
    expect(refusal(step(NOW + CLOCK_SKEW_MS + 1), null, binding, NOW)).toBe('time is in the future');
    expect(refusal(step(Date.UTC(2015, 0, 1)), null, binding, NOW)).toBe('time is before 2020');
    expect(refusal(step(NOW - 3_600_000), null, binding, NOW)).toBe('time is before the interaction started');
    const start: LogEvent = { id: 's', at: Date.UTC(2021, 0, 1), interactionId: 'i1', type: 'interaction-started', helpdesk: 'zendesk', ticketId: '1', customerKey: '', channel: 'chat', repId: 'x', playbookId: '', playbookVersion: 0, variant: '' };
    expect(refusal(start, null, { ...binding, startedAt: Date.UTC(2021, 0, 1) }, NOW)).toBeNull();
    expect(refusal({ ...start, at: Date.UTC(2021, 0, 2) }, null, { ...binding, startedAt: Date.UTC(2021, 0, 1) }, NOW)).toMatch(/start time differs/);
  });

  it('clamps a claimed start to the last day and never the future', () => {
    expect(clampStart(NOW - 1000, NOW)).toBe(NOW - 1000);
    expect(clampStart(NOW + 10_000, NOW)).toBe(NOW);
    expect(clampStart(Date.UTC(2015, 0, 1), NOW)).toBe(NOW - 24 * 3_600_000);
    expect(clampStart(Number.NaN, NOW)).toBe(NOW);
  });

  it('stamps the worker’s rep id on start events only', () => {
    expect(stampRep({ type: 'interaction-started', repId: 'mallory' }, 'sam')).toEqual({ type: 'interaction-started', repId: 'sam' });
    const other = { type: 'step-completed', repId: 'x' };
    expect(stampRep(other, 'sam')).toBe(other);
    expect(stampRep(null, 'sam')).toBeNull();
  });
});
