import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from './dispatcher.ts';

const info = { path: '/tmp/x.slotwise', name: 'x', hasCollege: false, timetables: 0 };
// Only the channels these tests call.
const handlers = {
  'app:info': () => ({ version: '1', platform: 'linux' }),
  'project:current': () => null,
  'project:open': ({ path }) => ({ ...info, path }),
  'project:create': () => {
    throw new Error('disk full');
  },
} as Partial<Handlers> as Handlers;

describe('IPC dispatcher', () => {
  const dispatch = createDispatcher(handlers);

  it('answers a valid request with the handler value', async () => {
    expect(await dispatch('project:open', { path: '/a.slotwise' })).toEqual({
      ok: true,
      value: { ...info, path: '/a.slotwise' },
    });
  });

  it('rejects unknown channels and malformed payloads with typed errors', async () => {
    const unknown = await dispatch('db:dropAll', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    for (const bad of [undefined, null, 42, { path: 7 }, { path: '' }, 'x']) {
      expect(await dispatch('project:open', bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    }
  });

  it('turns a thrown handler error into an envelope', async () => {
    expect(await dispatch('project:create', { path: '/b' })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk full' },
    });
  });
});
