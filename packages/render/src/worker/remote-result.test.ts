import { describe, expect, it } from 'vitest';
import { GpuUnavailableError } from '../errors/gpu-unavailable-error.js';
import { RenderError } from '../errors/render-error.js';
import { RenderInputError } from '../errors/render-input-error.js';
import { reviveError, settle, unwrap } from './remote-result.js';

const roundTrip = async (error: unknown) => {
  const result = structuredClone(await settle(() => Promise.reject(error)));
  return () => unwrap(result);
};

describe('remote results', () => {
  it('carry values', async () => {
    expect(unwrap(structuredClone(await settle(() => 42)))).toBe(42);
  });

  it('bring typed errors back with their code and details', async () => {
    const unavailable = await roundTrip(
      new GpuUnavailableError([{ backend: 'webgpu', reason: 'no adapter' }]),
    );
    expect(unavailable).toThrow(GpuUnavailableError);
    expect(unavailable).toThrow(
      expect.objectContaining({
        code: 'GPU_UNAVAILABLE',
        attempts: [{ backend: 'webgpu', reason: 'no adapter' }],
      }),
    );
    expect(await roundTrip(new RenderInputError('RENDER_INVALID_VIEW', 'bad'))).toThrow(
      expect.objectContaining({ name: 'RenderInputError', code: 'RENDER_INVALID_VIEW', message: 'bad' }),
    );
    expect(await roundTrip(new RenderError('RENDER_DEVICE_LOST', 'gone'))).toThrow(RenderError);
  });

  it('keep the name and message of other errors', () => {
    const error = reviveError({ name: 'TypeError', message: 'x is undefined' });
    expect(error.name).toBe('TypeError');
    expect(error.message).toBe('Render worker: x is undefined');
  });
});
