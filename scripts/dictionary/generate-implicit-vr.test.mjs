// @ts-check
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectEntries, OUTPUT, render } from './generate-implicit-vr.mjs';

describe('generate-implicit-vr', () => {
  it('regenerates the committed table byte for byte, so it cannot drift from dcmjs', () => {
    const stale = 'stale: run node scripts/dictionary/generate-implicit-vr.mjs';
    expect(render(), stale).toBe(readFileSync(OUTPUT, 'utf8'));
  });

  it('collects every standard tag with a two-character VR, groups and elements ascending', () => {
    const { groups, ranges } = collectEntries();
    const keys = [...groups.keys()];
    expect(keys).toEqual([...keys].sort());
    expect(groups.get('0028')).toContain('0010US');
    expect(groups.get('7FE0')).toContain('0010ox');
    for (const entries of groups.values()) {
      expect(entries).toEqual([...entries].sort());
      for (const entry of entries) expect(entry).toMatch(/^[0-9A-F]{4}[0-9A-Za-z]{2}$/);
    }
    expect(ranges).toContain('6000-60FF,3000ox');
    expect(ranges.length).toBeGreaterThan(60);
  });
});
