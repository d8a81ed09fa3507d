import { describe, expect, it } from 'vitest';
import { message, untranslatedKeys } from './messages.js';

describe('message catalogue', () => {
  it('picks the catalogue by primary language subtag and fills placeholders', () => {
    expect(message('es-MX', 'openStudy', { patient: 'Ana', date: '2026-01-02' })).toBe(
      'Abrir el estudio de Ana, 2026-01-02',
    );
    expect(message('zh-CN', 'studyListRetry')).toBe('重试');
  });

  it('falls back to English for unknown languages', () => {
    expect(message('xx', 'studyListEmpty')).toBe('No studies found.');
  });

  it('translates every message into Spanish and Chinese', () => {
    expect(untranslatedKeys('es')).toEqual([]);
    expect(untranslatedKeys('zh')).toEqual([]);
    expect(untranslatedKeys('xx')).toContain('studyListEmpty');
  });
});
