// The warm trace index's size comes from SITREP_TRACE_WINDOW, refused with a message when it is not a
// usable number (a typo must not silently give a tiny index that misses copies).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STORED_WINDOW, storedTraceWindow } from '../../src/pipeline/trace-stored.ts';
import { SitrepError } from '../../src/model/errors.ts';

test('the stored trace window is 20,000 documents unless SITREP_TRACE_WINDOW says otherwise', () => {
  assert.equal(storedTraceWindow({}), STORED_WINDOW);
  assert.equal(storedTraceWindow({ SITREP_TRACE_WINDOW: '' }), STORED_WINDOW);
  assert.equal(storedTraceWindow({ SITREP_TRACE_WINDOW: '250000' }), 250_000);
});

test('a window that is not a whole number of at least 1000 is refused, naming the setting', () => {
  for (const given of ['10', '1e', '-5000', '5000.5', 'big']) {
    assert.throws(
      () => storedTraceWindow({ SITREP_TRACE_WINDOW: given }),
      (error: unknown) =>
        error instanceof SitrepError &&
        error.code === 'config_invalid' &&
        error.message.includes('SITREP_TRACE_WINDOW') &&
        error.message.includes(given),
      given,
    );
  }
});
